/**
 * The Kommentarer view, loaded on demand (React.lazy in App.tsx):
 * pick an RN table of the last validation, read the drafts for each
 * avdelning and the table's summary, copy one, see and select the cells each
 * sentence was computed from, and write all drafts to the sheet Kommentarer.
 */
import { Badge, Button, Field, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type CellRef, type Draft, draftSentences } from '../../engine';
import { paneText } from '../i18n';
import { copyText } from '../clipboard';
import { draftsFor, defaultTable, rnUnits } from '../comments';
import { SignOffProgress } from './SignOffProgress';
import type { SessionState } from '../session';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  cardHead: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  copy: { marginInlineStart: 'auto' },
  text: { margin: 0, overflowWrap: 'anywhere', lineHeight: tokens.lineHeightBase300 },
  sentence: { display: 'block', marginBottom: tokens.spacingVerticalXXS },
  gap: {
    display: 'inline-block',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorPaletteMarigoldBorder2}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorNeutralForeground1,
    fontStyle: 'italic',
  },
  cells: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  cellLink: {
    border: 'none',
    background: 'none',
    padding: 0,
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'underline',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    cursor: 'pointer',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // A native select is as wide as its longest option unless told otherwise: the pane's width at most.
  picker: { minWidth: 0, maxWidth: '100%', width: '100%' },
  pickerSelect: { minWidth: 0, maxWidth: '100%', width: '100%', textOverflow: 'ellipsis' },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

type T = (id: string, params?: Record<string, string | number>) => string;

interface Props {
  state: SessionState;
  t: T;
  onSelect: (sheet: string, cell: string) => void;
  onWrite: () => void;
  onUndo: () => void;
}

function cellLabel(ref: CellRef, home: string): string {
  return ref.sheet === home ? ref.cell : `${ref.sheet}!${ref.cell}`;
}

function DraftCard({ draft, t, onSelect }: { draft: Draft; t: T; onSelect: (sheet: string, cell: string) => void }) {
  const styles = useStyles();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  // Each sentence with the cells its numbers came from, made when the card is shown.
  const sentences = useMemo(() => draftSentences(draft), [draft]);
  const title = draft.kind === 'summary' ? `${t('taskpane.comments.summary')}: ${draft.label}` : draft.code === '' ? draft.name : `${draft.code} ${draft.name}`;
  const copy = async () => {
    const ok = await copyText(draft.text);
    setCopied(ok ? 'yes' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(null), 2500);
  };
  return (
    <li className={styles.card} data-testid="draft" data-key={draft.key} data-kind={draft.kind}>
      <div className={styles.cardHead}>
        <h3 className={styles.title}>{title}</h3>
        {!draft.material && (
          <Badge size="small" appearance="tint" color="informative">
            {t('taskpane.comments.immaterial')}
          </Badge>
        )}
        <Button size="small" className={styles.copy} onClick={() => void copy()} aria-label={t('taskpane.comments.copyLabel', { name: title })} data-testid="copy-draft">
          {copied === 'yes' ? t('taskpane.comments.copied') : t('taskpane.comments.copy')}
        </Button>
      </div>
      <span aria-live="polite" className={styles.hidden}>
        {copied === 'yes' ? t('taskpane.comments.copied') : ''}
      </span>
      {copied === 'failed' && <Text size={200}>{t('taskpane.comments.copyFailed')}</Text>}
      <p className={styles.text} data-testid="draft-text">
        {sentences.map((s, i) => (
          <span key={i} className={styles.sentence}>
            {s.gap ? (
              <mark className={styles.gap} data-testid="draft-gap" title={t('taskpane.comments.gap')}>
                <span className={styles.hidden}>{`${t('taskpane.comments.gap')}: `}</span>
                {s.text}
              </mark>
            ) : (
              s.text
            )}
            {s.cells.length > 0 && (
              <span className={styles.cells}>
                {' '}
                <span>{t('taskpane.comments.cells')}:</span>
                {s.cells.map((c) => (
                  <button
                    key={`${c.sheet}!${c.cell}`}
                    type="button"
                    className={styles.cellLink}
                    onClick={() => onSelect(c.sheet, c.cell)}
                    aria-label={t('taskpane.comments.goto', { cell: `${c.sheet}!${c.cell}` })}
                    data-testid="draft-cell"
                    data-cell={`${c.sheet}!${c.cell}`}
                  >
                    {cellLabel(c, draft.table.sheet)}
                  </button>
                ))}
              </span>
            )}
          </span>
        ))}
      </p>
    </li>
  );
}

/** The drafts of one RN table, the table picker and "Skriv till bladet Kommentarer". */
export function CommentsView({ state, t, onSelect, onWrite, onUndo }: Props) {
  const styles = useStyles();
  const { report, settings, lang, phase, lastChange } = state;
  const busy = phase !== 'idle';
  const { materialityMnkr, materialityPercent } = settings;
  const drafts = useMemo(() => (report === null ? null : draftsFor(report, { materialityMnkr, materialityPercent }, lang)), [report, materialityMnkr, materialityPercent, lang]);
  const units = useMemo(() => (drafts === null ? [] : rnUnits(drafts)), [drafts]);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const current = units.find((u) => u.tableId === picked) ?? units.find((u) => u.tableId === defaultTable(units));

  if (report === null) return <Text>{t('taskpane.comments.validateFirst')}</Text>;
  return (
    <div className={styles.root} data-testid="comments-view">
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onWrite} disabled={busy || units.length === 0} data-testid="write-comments">
          {t('taskpane.comments.write')}
        </Button>
        <Button onClick={onUndo} disabled={busy || lastChange === null} data-testid="comments-undo">
          {t('taskpane.undo')}
        </Button>
      </div>
      <Text size={200} className={styles.muted}>
        {t('taskpane.comments.writeHint', { tables: drafts?.units.length ?? 0 })}
      </Text>
      {lastChange !== null && (
        <Text size={200} className={styles.muted} data-testid="comments-last-change">
          {t('taskpane.undo.what', { label: t(lastChange.label), cells: lastChange.cells })}
        </Text>
      )}
      {drafts !== null && <SignOffProgress workbook={report.workbook} drafts={drafts} t={t} />}
      {(drafts?.templateIssues ?? []).map((issue, i) => (
        <MessageBar key={i} intent="warning">
          <MessageBarBody>{t('taskpane.comments.templateIssue', { message: paneText(issue.messageId, lang, issue.params) })}</MessageBarBody>
        </MessageBar>
      ))}
      {units.length === 0 ? (
        <Text>{t('taskpane.comments.noTables')}</Text>
      ) : (
        <>
          <Field label={t('taskpane.comments.table')}>
            <Select className={styles.picker} select={{ className: styles.pickerSelect }} value={current?.tableId ?? ''} onChange={(_, d) => setPicked(d.value)} data-testid="comments-table">
              {units.map((u) => (
                <option key={u.tableId} value={u.tableId}>
                  {t('taskpane.comments.tableOption', { unit: u.unit, sheet: u.sheet, range: u.tableId.slice(u.tableId.lastIndexOf('!') + 1) })}
                </option>
              ))}
            </Select>
          </Field>
          <Text size={200} className={styles.muted}>
            {t('taskpane.comments.intro')}
          </Text>
          {current?.summary != null && (
            <section aria-labelledby="comments-summary-heading" className={styles.root}>
              <h2 id="comments-summary-heading" className={styles.heading}>
                {t('taskpane.comments.summary')}
              </h2>
              <ul className={styles.list}>
                <DraftCard draft={current.summary} t={t} onSelect={onSelect} />
              </ul>
            </section>
          )}
          {current !== undefined && current.rows.length > 0 && (
            <section aria-labelledby="comments-units-heading" className={styles.root}>
              <h2 id="comments-units-heading" className={styles.heading}>
                {t('taskpane.comments.units')}
              </h2>
              <ul className={styles.list}>
                {current.rows.map((d) => (
                  <DraftCard key={d.key} draft={d} t={t} onSelect={onSelect} />
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}

export default CommentsView;
