import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CellEdit, Language } from '../../engine';
import { editLine } from '../format';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, padding: tokens.spacingVerticalXXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  td: { padding: tokens.spacingVerticalXXS, verticalAlign: 'top', overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyMonospace },
  where: { padding: tokens.spacingVerticalXXS, verticalAlign: 'top', overflowWrap: 'break-word' },
  sheet: { display: 'block', fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2 },
  cell: { display: 'block', fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyMonospace },
  shows: { display: 'block', fontFamily: tokens.fontFamilyBase, color: tokens.colorNeutralForeground2 },
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

/** The planned edits (sheet, cell, before → after), shown before anything is written. */
export function FixPreview({ edits, lang, busy, t, onApply, onCancel }: Props) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="fix-preview-heading" data-testid="fix-preview">
      <h2 id="fix-preview-heading" className={styles.heading}>
        {t('taskpane.fix.title')}
      </h2>
      <Text>{t('taskpane.fix.intro')}</Text>
      <table className={styles.table}>
        <colgroup>
          <col style={{ width: '36%' }} />
          <col style={{ width: '38%' }} />
          <col style={{ width: '26%' }} />
        </colgroup>
        <thead>
          <tr>
            <th className={styles.th} scope="col">
              {t('taskpane.fix.cell')}
            </th>
            <th className={styles.th} scope="col">
              {t('taskpane.fix.before')}
            </th>
            <th className={styles.th} scope="col">
              {t('taskpane.fix.after')}
            </th>
          </tr>
        </thead>
        <tbody>
          {edits.map((e) => {
            const line = editLine(e, lang);
            return (
              <tr key={line.where} data-testid="planned-edit" data-cell={line.where}>
                <td className={styles.where}>
                  <span className={styles.sheet}>{e.sheet}</span>
                  <span className={styles.cell}>{e.cell}</span>
                </td>
                <td className={styles.td}>{line.before}</td>
                <td className={styles.td}>
                  {line.after}
                  {line.afterShows !== undefined && <span className={styles.shows}>{t('taskpane.fix.shows', { value: line.afterShows })}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
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
