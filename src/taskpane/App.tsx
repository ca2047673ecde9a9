import { Spinner, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { FindingsView } from './components/FindingsView';
import { Summary } from './components/Summary';
import { NO_FILTER, countBySeverity, rulesPresent, type FindingFilter } from './format';
import type { Session, SessionState } from './session';
import { useSessionState, useT } from './useSession';
import { reviewOf } from './review';

/** Whether there is a message to show (an error, a notice, or marks that could not all be made). */
function hasMessages(state: SessionState): boolean {
  const marks = state.report?.marks;
  return state.error !== null || state.notice !== null || (marks !== undefined && (marks.error !== undefined || marks.skippedSheets.length > 0));
}

/** The pane's views, one component each: the findings, the commentary drafts ("Kommentarer") and the settings. */
const VIEWS = ['findings', 'comments', 'settings'] as const;

/** Loaded when first opened, so the commentary engine is not in the first-paint bundle. */
const CommentsView = lazy(() => import(/* webpackChunkName: "comments" */ './components/CommentsView'));
/** The message bars (shown after an action): not needed for the first paint; requested as soon as the pane is up. */
const loadMessages = () => import(/* webpackChunkName: "messages" */ './components/Messages');
const Messages = lazy(() => loadMessages().then((m) => ({ default: m.Messages })));
/** Demo mode's picture of the sheet around the selected cell: loaded when a cell is first selected in demo mode. */
const DemoSheet = lazy(() => import(/* webpackChunkName: "demo-sheet" */ './components/DemoSheet').then((m) => ({ default: m.DemoSheet })));
/** Loaded when first opened: its inputs (fields, radio buttons) are not needed for the first paint. */
const SettingsView = lazy(() => import(/* webpackChunkName: "settings" */ './components/SettingsView').then((m) => ({ default: m.SettingsView })));
type View = (typeof VIEWS)[number];

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
  muted: { color: tokens.colorNeutralForeground2 },
  // Three tabs are wider than the 320 px pane in some languages: they wrap instead of scrolling.
  tabs: { flexWrap: 'wrap', minWidth: 0 },
});

export function App({ session }: { session: Session }) {
  const styles = useStyles();
  const state = useSessionState(session);
  const { lang, report } = state;
  const t = useT(lang);
  const [view, setView] = useState<View>('findings');
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  const dismissMessage = useCallback(() => session.dismissMessage(), [session]);
  const showSeverity = useCallback((severity: FindingFilter['severity']) => {
    setFilter((f) => ({ ...f, severity }));
    setView('findings');
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'sv' ? 'sv-SE' : 'en';
  }, [lang]);
  useEffect(() => {
    loadMessages().catch(() => undefined); // a failure shows where they are drawn
  }, []);

  // Approved findings are hidden from the list: the review bar counts and lists them.
  const review = useMemo(() => reviewOf(report), [report]);
  const findings = useMemo(() => review?.open ?? [], [review]);
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  const rules = useMemo(() => rulesPresent(findings), [findings]);

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
      <Summary state={state} counts={counts} shown={filter.severity} t={t} onValidate={() => void session.validate()} onShow={showSeverity} />
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
      {state.mode === 'demo' && state.selected !== null && state.report !== null && (
        <Suspense fallback={null}>
          <DemoSheet state={state} t={t} />
        </Suspense>
      )}
      <TabList className={styles.tabs} selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} aria-label={t('taskpane.tabs')} size="small">
        {VIEWS.map((v) => (
          <Tab key={v} value={v}>
            {t(`taskpane.tab.${v}`)}
          </Tab>
        ))}
      </TabList>
      {view === 'findings' && (
        <div className={styles.view} role="tabpanel" aria-label={t('taskpane.tab.findings')}>
          <FindingsView state={state} session={session} review={review} findings={findings} filter={filter} rules={rules} t={t} onFilter={setFilter} />
        </div>
      )}
      {view === 'comments' && (
        <div className={styles.view} role="tabpanel" aria-label={t('taskpane.tab.comments')}>
          <Suspense fallback={<Spinner size="tiny" label={t('taskpane.comments.loading')} />}>
            <CommentsView state={state} t={t} onSelect={(sheet, cell) => void session.select(sheet, cell)} onWrite={() => void session.writeComments()} onUndo={() => void session.undo()} />
          </Suspense>
        </div>
      )}
      {view === 'settings' && (
        <div className={styles.view} role="tabpanel" aria-label={t('taskpane.tab.settings')}>
          <Suspense fallback={<Spinner size="tiny" />}>
            <SettingsView settings={state.settings} lang={lang} t={t} onChange={(patch) => session.updateSettings(patch)} />
          </Suspense>
        </div>
      )}
    </main>
  );
}
