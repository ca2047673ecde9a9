/**
 * The planned edits, shown before anything is written: per cell its place,
 * what it holds and what it will hold (formulas as the user's Excel shows
 * them). A list, not a table, so a formula has the pane's whole width and
 * wraps after its separators, never character by character. Loaded when
 * opened (App.tsx), with the formula tokenizer.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import type { CellEdit, Language } from '../../engine';
import { editLine } from '../fix-lines';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  edit: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  where: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  cell: { fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase300 },
  sheet: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'break-word', minWidth: 0 },
  pair: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, margin: 0, fontSize: tokens.fontSizeBase200 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'break-word', minWidth: 0 },
  shows: { fontFamily: tokens.fontFamilyBase, color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

interface Props {
  edits: CellEdit[];
  lang: Language;
  busy: boolean;
  t: (id: string, params?: Record<string, string | number>) => string;
  onApply: () => void;
  onCancel: () => void;
}

/** A formula or value with a line break allowed after each argument separator and opening parenthesis. */
function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[;,(])/);
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {p}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}

/** The planned edits (cell, before → after), shown before anything is written. */
export function FixPreview({ edits, lang, busy, t, onApply, onCancel }: Props) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="fix-preview-heading" data-testid="fix-preview">
      <h2 id="fix-preview-heading" className={styles.heading}>
        {t('taskpane.fix.title')}
      </h2>
      <Text>{t('taskpane.fix.intro')}</Text>
      <ul className={styles.list}>
        {edits.map((e) => {
          const line = editLine(e, lang);
          return (
            <li key={`${line.sheet}!${line.cell}`} className={styles.edit} data-testid="planned-edit" data-cell={`${line.sheet}!${line.cell}`}>
              <span className={styles.where}>
                <span className={styles.cell}>{line.cell}</span>
                <span className={styles.sheet} data-testid="planned-edit-sheet">
                  {line.sheet}
                </span>
              </span>
              <dl className={styles.pair}>
                <dt className={styles.term}>{t('taskpane.fix.before')}</dt>
                <dd className={styles.value} data-testid="planned-before">
                  <Breakable text={line.before} />
                </dd>
                <dt className={styles.term}>{t('taskpane.fix.after')}</dt>
                <dd className={styles.value} data-testid="planned-after">
                  <Breakable text={line.after} />
                  {line.afterShows !== undefined && <span className={styles.shows}>{` (${t('taskpane.fix.shows', { value: line.afterShows })})`}</span>}
                </dd>
              </dl>
            </li>
          );
        })}
      </ul>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={onApply} disabled={busy} data-testid="apply-fixes">
          {t('taskpane.fix.apply')}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t('taskpane.fix.cancel')}
        </Button>
      </div>
    </section>
  );
}
