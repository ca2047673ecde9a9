/**
 * The Resultat view: the fix preview and its button, Ångra and the line
 * that names the last change, the review's bar and chart, what was checked,
 * the rule filter and the findings list (the open ones: approved findings
 * are listed by the review bar).
 */
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import type { Finding, ReviewedFinding, RuleId } from '../../engine';
import { applyFilter, groupFindings, tableLabel, type FindingFilter } from '../format';
import { approveFinding, exportReview, insertChart, reopenFinding, type reviewOf } from '../review';
import type { Session, SessionState } from '../session';
import { Findings } from './Findings';

/** The filters show only with findings: not in the first-paint bundle. Requested as soon as the view is up. */
const loadFilters = () => import(/* webpackChunkName: "filters" */ './Filters');
const Filters = lazy(() => loadFilters().then((m) => ({ default: m.Filters })));
/** What was checked (lists the engine's rules): loaded once there is a result. */
const CheckedTables = lazy(() => import(/* webpackChunkName: "checked" */ './CheckedTables').then((m) => ({ default: m.CheckedTables })));
/** The review's controls (stepping, export, approved findings) and the approve form: loaded with the first findings. */
const ReviewBar = lazy(() => import(/* webpackChunkName: "review" */ './ReviewBar'));
const ApproveFinding = lazy(() => import(/* webpackChunkName: "review" */ './ApproveFinding'));
/** The variance chart: loaded when first opened. */
const VarianceChart = lazy(() => import(/* webpackChunkName: "chart" */ './VarianceChart'));
/** The fix preview, with the formula tokenizer: loaded when opened. */
const FixPreview = lazy(() => import(/* webpackChunkName: "fix-preview" */ './FixPreview').then((m) => ({ default: m.FixPreview })));

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  state: SessionState;
  session: Session;
  review: ReturnType<typeof reviewOf>;
  /** The open findings (not approved). */
  findings: readonly Finding[];
  filter: FindingFilter;
  rules: RuleId[];
  t: (id: string, params?: Record<string, string | number>) => string;
  onFilter: (filter: FindingFilter) => void;
}

export function FindingsView({ state, session, review, findings, filter, rules, t, onFilter }: Props) {
  const styles = useStyles();
  const { lang, report, edits, phase, lastChange } = state;
  const busy = phase !== 'idle';
  const [previewOpen, setPreviewOpen] = useState(false);
  const [chartOpen, setChartOpen] = useState(false);
  // Stable, so findings already drawn are not drawn again when the pane re-renders.
  const selectFinding = useCallback((f: Finding) => void session.select(f.sheet, f.cell), [session]);
  useEffect(() => {
    loadFilters().catch(() => undefined); // a failure shows where they are drawn
  }, []);
  useEffect(() => {
    if (edits.length === 0) setPreviewOpen(false);
  }, [edits]);

  const reviewed = useMemo(() => new Map<Finding, ReviewedFinding>((review?.findings ?? []).map((r) => [r.finding, r] as const)), [review]);
  const sheetNames = useMemo(() => report?.workbook.sheets.map((s) => s.name) ?? [], [report]);
  const approveExtra = useCallback(
    (f: Finding) => {
      const r = reviewed.get(f);
      return r === undefined ? null : (
        <Suspense fallback={null}>
          <ApproveFinding reviewed={r} busy={busy} t={t} onApprove={(x, reason) => void approveFinding(session, x, reason)} />
        </Suspense>
      );
    },
    [reviewed, busy, t, session],
  );
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
      {review !== undefined && (
        <Suspense fallback={null}>
          <ReviewBar
            review={review}
            sheetNames={sheetNames}
            lang={lang}
            busy={busy}
            t={t}
            onSelect={selectFinding}
            onExport={() => void exportReview(session)}
            onReopen={(i) => {
              const r = review.approved[i];
              if (r?.approval !== undefined) void reopenFinding(session, r.approval, r.finding);
            }}
          />
        </Suspense>
      )}
      {report !== null && report.result.tables.length > 0 && (
        <Button size="small" appearance="subtle" aria-expanded={chartOpen} onClick={() => setChartOpen(!chartOpen)} data-testid="toggle-chart">
          {t(chartOpen ? 'review.chart.hide' : 'review.chart.show')}
        </Button>
      )}
      {chartOpen && report !== null && (
        <Suspense fallback={<Spinner size="tiny" />}>
          <VarianceChart
            tables={report.result.tables}
            workbook={report.workbook}
            lang={lang}
            thresholdMnkr={state.settings.materialityMnkr}
            t={t}
            tableName={(table) => tableLabel({ tableId: table.id, table, findings: [] }, lang)}
            onSelect={(sheet, cell) => void session.select(sheet, cell)}
            onInsert={(tableId) => void insertChart(session, tableId)}
            busy={busy}
          />
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
      <Findings groups={groups} lang={lang} marker={state.settings.marker} onSelect={selectFinding} extra={approveExtra} />
    </>
  );
}
