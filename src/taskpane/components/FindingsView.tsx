/**
 * The Resultat view: the fix preview and its button, Ångra and the line
 * that names the last change, the rule filter and the findings list.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import type { Finding, RuleId } from '../../engine/finding';
import { applyFilter, groupFindings, type FindingFilter } from '../format';
import type { Session, SessionState } from '../session';
import { Findings } from './Findings';

/** The filters show only with findings: not in the first-paint bundle. Requested as soon as the view is up. */
const loadFilters = () => import(/* webpackChunkName: "filters" */ './Filters');
const Filters = lazy(() => loadFilters().then((m) => ({ default: m.Filters })));
/** What was checked (lists the engine's rules): loaded once there is a result. */
const CheckedTables = lazy(() => import(/* webpackChunkName: "checked" */ './CheckedTables').then((m) => ({ default: m.CheckedTables })));
/** The fix preview, with the formula tokenizer: loaded when opened. */
const FixPreview = lazy(() => import(/* webpackChunkName: "fix-preview" */ './FixPreview').then((m) => ({ default: m.FixPreview })));

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  state: SessionState;
  session: Session;
  filter: FindingFilter;
  rules: RuleId[];
  t: (id: string, params?: Record<string, string | number>) => string;
  onFilter: (filter: FindingFilter) => void;
}

export function FindingsView({ state, session, filter, rules, t, onFilter }: Props) {
  const styles = useStyles();
  const { lang, report, edits, phase, lastChange } = state;
  const busy = phase !== 'idle';
  const [previewOpen, setPreviewOpen] = useState(false);
  // Stable, so findings already drawn are not drawn again when the pane re-renders.
  const selectFinding = useCallback((f: Finding) => void session.select(f.sheet, f.cell), [session]);
  useEffect(() => {
    loadFilters().catch(() => undefined); // a failure shows where they are drawn
  }, []);
  useEffect(() => {
    if (edits.length === 0) setPreviewOpen(false);
  }, [edits]);

  const findings = useMemo(() => report?.result.findings ?? [], [report]);
  const shown = useMemo(() => applyFilter(findings, filter), [findings, filter]);
  const groups = useMemo(() => groupFindings(shown, report?.result.tables ?? [], report?.workbook.sheets.map((s) => s.name) ?? []), [shown, report]);

  return (
    <>
      <div className={styles.actions}>
        {edits.length > 0 && !previewOpen && (
          <Button onClick={() => setPreviewOpen(true)} disabled={busy} data-testid="open-fix-preview">
            {t('taskpane.fix.open', { count: edits.length })}
          </Button>
        )}
        <Button onClick={() => void session.undo()} disabled={busy || lastChange === null} data-testid="undo">
          {t('taskpane.undo')}
        </Button>
        {report !== null && (
          <Button onClick={() => void session.clearMarks()} disabled={busy} data-testid="clear-marks">
            {t('taskpane.clearMarks')}
          </Button>
        )}
      </div>
      {lastChange !== null && (
        <Text size={200} className={styles.muted} data-testid="last-change">
          {t('taskpane.undo.what', { label: t(lastChange.label), cells: lastChange.cells })}
        </Text>
      )}
      {previewOpen && edits.length > 0 && (
        <Suspense fallback={null}>
          <FixPreview edits={edits} lang={lang} busy={busy} t={t} onApply={() => void session.applyFixes(edits)} onCancel={() => setPreviewOpen(false)} />
        </Suspense>
      )}
      {findings.length > 0 && (
        <Suspense fallback={null}>
          <Filters filter={filter} rules={rules} lang={lang} t={t} onChange={onFilter} />
        </Suspense>
      )}
      {report !== null && (
        <Suspense fallback={null}>
          <CheckedTables result={report.result} lang={lang} t={t} />
        </Suspense>
      )}
      {report !== null && findings.length === 0 && <Text>{t('taskpane.findings.none')}</Text>}
      {findings.length > 0 && shown.length === 0 && <Text>{t('taskpane.findings.filtered')}</Text>}
      {shown.length > 0 && shown.length < findings.length && (
        <Text size={200} className={styles.muted} data-testid="findings-shown">
          {t('taskpane.findings.shown', { shown: shown.length, total: findings.length })}
        </Text>
      )}
      <Findings groups={groups} lang={lang} marker={state.settings.marker} onSelect={selectFinding} />
    </>
  );
}
