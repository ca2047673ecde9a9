import { Button, Spinner, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import type { Finding, ReviewedFinding } from '../engine';
import { Findings } from './components/Findings';
import { FixPreview } from './components/FixPreview';
import { Summary } from './components/Summary';
import { NO_FILTER, applyFilter, countBySeverity, groupFindings, rulesPresent, tableLabel, type FindingFilter } from './format';
import type { Session, SessionState } from './session';
import { useSessionState, useT } from './useSession';
import { approveFinding, exportReview, reopenFinding, reviewOf } from './review';

/** Whether there is a message to show (an error, a notice, or marks that could not all be made). */
function hasMessages(state: SessionState): boolean {
  const marks = state.report?.marks;
  return state.error !== null || state.notice !== null || (marks !== undefined && (marks.error !== undefined || marks.skippedSheets.length > 0));
}

/**
 * The pane's views: the findings, the commentary drafts (issue 4,
 * "Kommentarer") and the settings.
 */
const VIEWS = ['findings', 'comments', 'settings'] as const;

/** Loaded when first opened, so the commentary engine is not in the first-paint bundle. */
const CommentsView = lazy(() => import(/* webpackChunkName: "comments" */ './components/CommentsView'));
/**
 * The filters show only with findings: their inputs (select, switch, toggle
 * buttons; 49 KB) are not in the first-paint bundle. Requested as soon as the
 * pane is up, so they are there by the time a Validera has findings.
 */
const loadFilters = () => import(/* webpackChunkName: "filters" */ './components/Filters');
/** The message bars, likewise (shown after an action). */
const loadMessages = () => import(/* webpackChunkName: "messages" */ './components/Messages');
const Messages = lazy(() => loadMessages().then((m) => ({ default: m.Messages })));
const Filters = lazy(() => loadFilters().then((m) => ({ default: m.Filters })));
/** Loaded when first opened: its inputs (fields, radio buttons) are not needed for the first paint. */
const SettingsView = lazy(() => import(/* webpackChunkName: "settings" */ './components/SettingsView').then((m) => ({ default: m.SettingsView })));
type View = (typeof VIEWS)[number];
/** The review's controls (stepping, export, approved findings) and the approve form: loaded with the first findings. */
const ReviewBar = lazy(() => import(/* webpackChunkName: "review" */ './components/ReviewBar'));
/** The variance chart: loaded when first opened. */
const VarianceChart = lazy(() => import(/* webpackChunkName: "chart" */ './components/VarianceChart'));
const ApproveFinding = lazy(() => import(/* webpackChunkName: "review" */ './components/ApproveFinding'));

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    maxWidth: '100%',
    boxSizing: 'border-box',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: '100vh',
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  // Three tabs are wider than the 320 px pane in some languages: they wrap instead of scrolling.
  tabs: { flexWrap: 'wrap', minWidth: 0 },
});

export function App({ session }: { session: Session }) {
  const styles = useStyles();
  const state = useSessionState(session);
  const { lang, report, edits, phase, lastChange } = state;
  const t = useT(lang);
  const [view, setView] = useState<View>('findings');
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  const [previewOpen, setPreviewOpen] = useState(false);
  const [chartOpen, setChartOpen] = useState(false);
  const busy = phase !== 'idle';
  // Stable, so findings already drawn are not drawn again when the pane re-renders.
  const selectFinding = useCallback((f: Finding) => void session.select(f.sheet, f.cell), [session]);
  const dismissMessage = useCallback(() => session.dismissMessage(), [session]);

  useEffect(() => {
    document.documentElement.lang = lang === 'sv' ? 'sv-SE' : 'en';
  }, [lang]);
  useEffect(() => {
    // A failure shows where they are drawn.
    loadFilters().catch(() => undefined);
    loadMessages().catch(() => undefined);
  }, []);
  useEffect(() => {
    if (edits.length === 0) setPreviewOpen(false);
  }, [edits]);

  // Approved findings are hidden from the list: the review bar counts and lists them.
  const review = useMemo(() => reviewOf(report), [report]);
  const findings = useMemo(() => review?.open ?? [], [review]);
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
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  const rules = useMemo(() => rulesPresent(findings), [findings]);
  const shown = useMemo(() => applyFilter(findings, filter), [findings, filter]);
  const groups = useMemo(
    () => groupFindings(shown, report?.result.tables ?? [], report?.workbook.sheets.map((s) => s.name) ?? []),
    [shown, report],
  );

  return (
    <main className={styles.root}>
      <header>
        <h1 className={styles.title}>{t('taskpane.title')}</h1>
        {state.mode === 'demo' && (
          <Text size={200} className={styles.muted} data-testid="demo-note">
            {t('taskpane.demo')}
          </Text>
        )}
      </header>
      <Summary state={state} counts={counts} t={t} onValidate={() => void session.validate()} />
      {review !== undefined && review.approved.length > 0 && (
        <Text size={200} className={styles.muted} data-testid="approved-count">
          {t('review.approved.count', { count: review.approved.length })}
        </Text>
      )}
      <div aria-live="polite">
        {hasMessages(state) && (
          <Suspense fallback={null}>
            <Messages state={state} t={t} onDismiss={dismissMessage} />
          </Suspense>
        )}
      </div>
      <TabList className={styles.tabs} selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} aria-label={t('taskpane.tabs')} size="small">
        {VIEWS.map((v) => (
          <Tab key={v} value={v}>
            {t(`taskpane.tab.${v}`)}
          </Tab>
        ))}
      </TabList>
      {view === 'findings' && (
        <div className={styles.view} role="tabpanel" aria-label={t('taskpane.tab.findings')}>
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
            <Text size={200} className={styles.muted}>
              {t('taskpane.undo.what', { label: t(lastChange.label), cells: lastChange.cells })}
            </Text>
          )}
          {previewOpen && edits.length > 0 && (
            <FixPreview
              edits={edits}
              lang={lang}
              busy={busy}
              t={t}
              onApply={() => void session.applyFixes(edits)}
              onCancel={() => setPreviewOpen(false)}
            />
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
              />
            </Suspense>
          )}
          {findings.length > 0 && (
            <Suspense fallback={null}>
              <Filters filter={filter} rules={rules} lang={lang} t={t} onChange={setFilter} />
            </Suspense>
          )}
          {report !== null && findings.length === 0 && <Text>{t('taskpane.findings.none')}</Text>}
          {findings.length > 0 && shown.length === 0 && <Text>{t('taskpane.findings.filtered')}</Text>}
          {shown.length > 0 && shown.length < findings.length && (
            <Text size={200} className={styles.muted}>
              {t('taskpane.findings.shown', { shown: shown.length, total: findings.length })}
            </Text>
          )}
          <Findings groups={groups} lang={lang} onSelect={selectFinding} extra={approveExtra} />
        </div>
      )}
      {view === 'comments' && (
        <div className={styles.view} role="tabpanel" aria-label={t('taskpane.tab.comments')}>
          <Suspense fallback={<Spinner size="tiny" label={t('taskpane.comments.loading')} />}>
            <CommentsView
              state={state}
              t={t}
              onSelect={(sheet, cell) => void session.select(sheet, cell)}
              onWrite={() => void session.writeComments()}
              onUndo={() => void session.undo()}
            />
          </Suspense>
        </div>
      )}
      {view === 'settings' && (
        <div className={styles.view} role="tabpanel" aria-label={t('taskpane.tab.settings')}>
          <Suspense fallback={<Spinner size="tiny" />}>
            <SettingsView settings={state.settings} t={t} onChange={(patch) => session.updateSettings(patch)} />
          </Suspense>
        </div>
      )}
    </main>
  );
}
