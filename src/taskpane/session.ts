/**
 * The task pane's controller: what the pane shows and the actions it runs,
 * independent of React. The ribbon's Validera (same runtime) drives the same
 * session, so the pane shows the result the ribbon produced.
 * Every workbook call goes through `WorkbookActions`.
 */
import { type CellEdit, type Language, languageFromLocale, planFixes } from '../engine';
import { ActionError, type ActionErrorCode, type ChangeLogEntry, type ValidationReport, type WorkbookActions } from '../excel/actions';
import type { SelfTestReport } from '../excel/self-test-report';
import { browserSettingsStore, type Settings, type SettingsStore } from './settings';

export type Phase = 'idle' | 'validating' | 'applying' | 'undoing' | 'clearing' | 'writing' | 'reviewing';

/** What an action of another module (the review's) gets: the workbook's actions, the state, and a validation to run after writing. */
export interface ActionContext {
  actions: WorkbookActions;
  state: SessionState;
  validate: () => Promise<Partial<SessionState>>;
}

export interface Notice {
  /** Message id in the language packs, and its parameters. */
  id: string;
  params?: Record<string, string | number>;
}

export interface SessionState {
  mode: 'excel' | 'demo';
  phase: Phase;
  report: ValidationReport | null;
  /** The #DIV/0! fixes planned from the last report with the current settings. */
  edits: CellEdit[];
  lastChange: ChangeLogEntry | null;
  error: ActionErrorCode | null;
  notice: Notice | null;
  settings: Settings;
  lang: Language;
  /** Milliseconds the last validation took (read + check + mark). */
  lastValidationMs: number | null;
  /** The cell last selected from the pane (a finding or a draft's figure). */
  selected: { sheet: string; cell: string } | null;
}

type Listener = () => void;

/**
 * A User Timing mark (read by the task-pane benchmark and browser profilers:
 * `avk:validate:start` / `:end` bracket the read, the check, the marking and
 * the fix plan). The browser keeps the last ones only.
 */
function mark(name: string): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  performance.clearMarks(name);
  performance.mark(name);
}

/**
 * Resolves once the browser has painted what the last state change drew: at
 * the start of the frame after the one that drew it (the change is rendered
 * in a microtask, so one frame is not enough to be sure). At once in a
 * hidden pane (no frames come) and outside a browser; after 1 s at most.
 */
function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 1000);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}

/**
 * What a set of fixes does, as the change log's label (a message id): the
 * #DIVISION/0! fixes, the percentages a sign change makes meaningless, or both.
 */
export function fixLabel(edits: readonly CellEdit[]): string {
  const div0 = edits.some((e) => e.reason === 'div0');
  const signFlip = edits.some((e) => e.reason === 'sign-flip');
  if (edits.some((e) => e.reason !== 'div0' && e.reason !== 'sign-flip')) return 'action.fix';
  return div0 && signFlip ? 'action.fix.div0-sign-flip' : div0 ? 'action.fix.div0' : signFlip ? 'action.fix.sign-flip' : 'action.fix';
}

export class Session {
  private state: SessionState;
  private readonly listeners = new Set<Listener>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly actions: WorkbookActions,
    mode: 'excel' | 'demo',
    private readonly store: SettingsStore = browserSettingsStore(),
  ) {
    const settings = store.load();
    this.state = {
      mode,
      phase: 'idle',
      report: null,
      edits: [],
      lastChange: null,
      error: null,
      notice: null,
      settings,
      lang: this.languageFor(settings),
      lastValidationMs: null,
      selected: null,
    };
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private languageFor(settings: Settings): Language {
    if (settings.language !== 'auto') return settings.language;
    try {
      return languageFromLocale(this.actions.displayLanguage());
    } catch {
      return 'sv';
    }
  }

  private plan(report: ValidationReport | null, settings: Settings): CellEdit[] {
    if (report === null) return [];
    return planFixes(report.workbook, report.result, { marker: settings.marker, meaningless: settings.signFlipMeaningless });
  }

  /** Runs one action at a time; an action's failure becomes a message, never an exception. */
  private run(phase: Phase, work: () => Promise<Partial<SessionState> | void>): Promise<void> {
    const next = this.queue.then(async () => {
      this.set({ phase, error: null, notice: null });
      try {
        const patch = await work();
        this.set({ ...(patch ?? {}), phase: 'idle' });
      } catch (err) {
        const code: ActionErrorCode = err instanceof ActionError ? err.code : 'unknown';
        if (!(err instanceof ActionError)) console.error(err);
        this.set({ phase: 'idle', error: code });
      }
    });
    this.queue = next;
    return next;
  }

  private async validateNow(): Promise<Partial<SessionState>> {
    const { settings, lang } = this.state;
    const started = Date.now();
    mark('avk:validate:start');
    let planned: { report: ValidationReport; edits: CellEdit[] } | undefined;
    const report = await this.actions.validate({
      mark: true,
      tolerance: settings.tolerance,
      signFlipMeaningless: settings.signFlipMeaningless,
      notes: settings.notes,
      lang,
      // The list shows as soon as the checks are done (painted before the marking starts); the action goes on (busy) until the cells are marked.
      onChecked: (checked) => {
        planned = { report: checked, edits: this.plan(checked, settings) };
        mark('avk:validate:checked');
        this.set({ report: checked, edits: planned.edits });
        return afterPaint();
      },
    });
    const lastChange = await this.actions.lastChange().catch(() => this.state.lastChange);
    // The same result and grid as the report shown early, so the same plan.
    const edits = planned !== undefined && planned.report.result === report.result && planned.report.workbook === report.workbook ? planned.edits : this.plan(report, settings);
    mark('avk:validate:end');
    return { report, edits, lastChange, lastValidationMs: Date.now() - started };
  }

  /** Reads the change log once, so "Ångra" works after the pane was closed and reopened. */
  start(): Promise<void> {
    return this.actions.lastChange().then(
      (lastChange) => this.set({ lastChange }),
      () => undefined,
    );
  }

  validate(): Promise<void> {
    return this.run('validating', () => this.validateNow());
  }

  /** Writes the planned fixes in one batch, then validates again so the list shows what is left. */
  applyFixes(edits: readonly CellEdit[] = this.state.edits): Promise<void> {
    return this.run('applying', async () => {
      if (edits.length === 0) return;
      const entry = await this.actions.applyEdits(edits, fixLabel(edits));
      const patch = await this.validateNow();
      return { ...patch, lastChange: patch.lastChange ?? entry, notice: { id: 'taskpane.notice.fixed', params: { cells: entry.cells } } };
    });
  }

  /**
   * Writes every table's drafts to the sheet Kommentarer (created if missing)
   * in one batch, keeping what a person wrote, with the fingerprint column and
   * the template sheet hidden; undoable with Ångra. Then validates again, so
   * the narrative check reads the sheet as written.
   */
  writeComments(): Promise<void> {
    return this.run('writing', async () => {
      const { report, settings, lang } = this.state;
      if (report === null) return;
      const { draftsFor, planCommentsWrite } = await import(/* webpackChunkName: "comments" */ './comments');
      const plan = planCommentsWrite(report, draftsFor(report, settings, lang), lang);
      if (plan.edits.length === 0) return { notice: { id: 'taskpane.comments.notice.unchanged' } };
      const entry = await this.actions.applyEdits(plan.edits, 'action.comments', plan.options);
      const patch = await this.validateNow();
      const count = (...states: string[]): number => plan.rows.filter((r) => states.includes(r.state)).length;
      return {
        ...patch,
        lastChange: patch.lastChange ?? entry,
        notice: { id: 'taskpane.comments.notice.written', params: { new: count('new'), refreshed: count('refreshed'), kept: count('edited', 'own'), cells: entry.cells } },
      };
    });
  }

  undo(): Promise<void> {
    return this.run('undoing', async () => {
      const entry = await this.actions.undo();
      const patch = await this.validateNow();
      return { ...patch, notice: { id: 'taskpane.notice.undone', params: { cells: entry.cells } } };
    });
  }

  clearMarks(): Promise<void> {
    return this.run('clearing', async () => {
      await this.actions.clearMarks();
      return { notice: { id: 'taskpane.notice.cleared' } };
    });
  }

  /**
   * Runs an action of another module (approve, export) in the session's one
   * queue: the pane shows `phase` while it runs, and a failure becomes a message.
   */
  perform(phase: Phase, work: (context: ActionContext) => Promise<Partial<SessionState> | void>): Promise<void> {
    return this.run(phase, () => work({ actions: this.actions, state: this.state, validate: () => this.validateNow() }));
  }

  /** Självtest (Inställningar): every Office.js path on a temporary hidden sheet; never throws. */
  selfTest(): Promise<SelfTestReport> {
    return this.actions.selfTest();
  }

  /** Activates the finding's sheet and selects its cell (and remembers it, for demo mode's picture of the sheet). */
  select(sheet: string, cell: string): Promise<void> {
    return this.actions.select(sheet, cell).then(
      () => this.set({ selected: { sheet, cell } }),
      (err: unknown) => this.set({ error: err instanceof ActionError ? err.code : 'unknown' }),
    );
  }

  /**
   * Saves the settings and applies them at once: the fix plan and the texts
   * follow; a setting the checks use (rounding tolerance, sign changes, notes)
   * validates again, so the list is never from before the change.
   */
  updateSettings(patch: Partial<Settings>): void {
    const before = this.state.settings;
    const settings = { ...before, ...patch };
    this.store.save(settings);
    this.set({ settings, lang: this.languageFor(settings), edits: this.plan(this.state.report, settings) });
    const checksChanged = settings.tolerance !== before.tolerance || settings.signFlipMeaningless !== before.signFlipMeaningless || settings.notes !== before.notes;
    if (checksChanged && this.state.report !== null) void this.validate();
  }

  dismissMessage(): void {
    this.set({ error: null, notice: null });
  }
}
