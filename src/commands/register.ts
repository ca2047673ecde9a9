/**
 * The ribbon's functions (manifest: <FunctionName>). In the shared runtime
 * they run in the task pane's page, so the pane shows what the command did.
 */
import type { Session } from '../taskpane/session';

/** Function names as in manifest.xml's ExecuteFunction actions. */
export const COMMANDS = { validate: 'validate' } as const;

/** Shows the task pane where the shared runtime allows it (Office.addin, SharedRuntime 1.1). */
async function showTaskpane(): Promise<void> {
  try {
    if (typeof Office !== 'undefined' && Office.addin !== undefined && typeof Office.addin.showAsTaskpane === 'function') {
      await Office.addin.showAsTaskpane();
    }
  } catch {
    // Not available on this client: the result is in the marks, and in the pane when opened.
  }
}

/**
 * Validera on the ribbon: shows the pane (it says "Validerar…"), validates
 * every sheet and marks the cells; the pane then lists the result. Signals
 * completion to Office in every case, so the button never stays busy.
 */
export async function validateCommand(getSession: () => Promise<Session>, event?: Office.AddinCommands.Event): Promise<void> {
  try {
    const session = await getSession();
    await showTaskpane();
    await session.validate();
  } finally {
    event?.completed();
  }
}

/** Associates the ribbon functions with their manifest names. No-op outside Office. */
export function registerCommands(getSession: () => Promise<Session>): void {
  if (typeof Office === 'undefined' || Office.actions === undefined || typeof Office.actions.associate !== 'function') return;
  Office.actions.associate(COMMANDS.validate, (event: Office.AddinCommands.Event) => validateCommand(getSession, event));
}
