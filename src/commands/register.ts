/**
 * The ribbon's functions (manifest: <FunctionName>). In the shared runtime
 * they run in the task pane's page, so the pane shows what the command did.
 *
 * Validera asks Office to show the pane (`Office.addin.showAsTaskpane`,
 * SharedRuntime 1.1). Office may ignore that: for add-ins distributed
 * through Microsoft Marketplace it is ignored since February 2026, and
 * clients without the shared runtime have no such call. Then the result is
 * still visible without the pane: the cells are marked, the first finding's
 * cell is selected, and a short message says how many cells were marked
 * (a dialog, DialogApi 1.1, where the client has it).
 */
import { translate } from '../engine';
import type { Session } from '../taskpane/session';

/** Function names as in manifest.xml's ExecuteFunction actions. */
export const COMMANDS = { validate: 'validate' } as const;

/** What Validera needs of Office besides the session (a test passes its own). */
export interface CommandEnvironment {
  /** Asks Office to show the pane; resolves whether or not Office did. */
  showTaskpane(): Promise<void>;
  /** Whether the pane is on screen now. */
  paneVisible(): boolean;
  /** Shows a short message outside the pane. */
  notify(text: string): Promise<void>;
}

/** Shows the task pane where the shared runtime allows it (Office.addin, SharedRuntime 1.1). */
async function showTaskpane(): Promise<void> {
  try {
    if (typeof Office !== 'undefined' && Office.addin !== undefined && typeof Office.addin.showAsTaskpane === 'function') {
      await Office.addin.showAsTaskpane();
    }
  } catch {
    // Not available on this client: the result is in the marks and the message.
  }
}

/**
 * The pane's visibility as Office reports it (`Office.addin.onVisibilityModeChanged`,
 * SharedRuntime 1.1); before any report, whether the page is shown.
 */
function trackPaneVisibility(): () => boolean {
  let mode: string | undefined;
  try {
    if (typeof Office !== 'undefined' && Office.addin !== undefined && typeof Office.addin.onVisibilityModeChanged === 'function') {
      void Office.addin.onVisibilityModeChanged((args) => {
        mode = String(args.visibilityMode);
      });
    }
  } catch {
    // no reports on this client
  }
  return () => (mode !== undefined ? mode === 'Taskpane' : typeof document !== 'undefined' && document.visibilityState === 'visible');
}

/** A small dialog (DialogApi 1.1) showing `text`: commands.html renders its `message` parameter. */
function notify(text: string): Promise<void> {
  return new Promise((resolve) => {
    try {
      if (typeof Office === 'undefined' || !Office.context.requirements.isSetSupported('DialogApi', '1.1')) return resolve();
      const url = new URL('commands.html', window.location.href);
      url.searchParams.set('message', text);
      Office.context.ui.displayDialogAsync(url.toString(), { height: 20, width: 30, displayInIframe: true }, () => resolve());
    } catch {
      resolve();
    }
  });
}

/** Office's own environment. */
export function officeEnvironment(): CommandEnvironment {
  return { showTaskpane, paneVisible: trackPaneVisibility(), notify };
}

/**
 * Validera on the ribbon: shows the pane (it says "Validerar…"), validates
 * every sheet and marks the cells; the pane then lists the result. Where the
 * pane did not open, the first finding is selected and a short message
 * shown. Signals completion to Office in every case, so the button never
 * stays busy.
 */
export async function validateCommand(getSession: () => Promise<Session>, event?: Office.AddinCommands.Event, env: CommandEnvironment = officeEnvironment()): Promise<void> {
  try {
    const session = await getSession();
    await env.showTaskpane();
    await session.validate();
    if (env.paneVisible()) return;
    const { report, lang } = session.getState();
    if (report === null) return;
    const first = report.result.findings[0];
    if (first !== undefined) await session.select(first.sheet, first.cell);
    const cells = report.marks?.cells ?? new Set(report.result.findings.map((f) => `${f.sheet}!${f.cell}`)).size;
    await env.notify(cells === 0 ? translate('commands.validated.none', lang) : translate('commands.validated', lang, { count: cells }));
  } finally {
    event?.completed();
  }
}

/** Associates the ribbon functions with their manifest names. No-op outside Office. */
export function registerCommands(getSession: () => Promise<Session>): void {
  if (typeof Office === 'undefined' || Office.actions === undefined || typeof Office.actions.associate !== 'function') return;
  const env = officeEnvironment();
  Office.actions.associate(COMMANDS.validate, (event: Office.AddinCommands.Event) => validateCommand(getSession, event, env));
}
