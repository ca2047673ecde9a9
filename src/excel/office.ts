/**
 * The real thing: `WorkbookActions` on Excel through Office.js.
 */
import { ActionError, type WorkbookActions } from './actions';
import { browserStore } from './changelog';
import { officeHost } from './host';
import { createActions } from './workbook-actions';
import type { XlContext } from './xl';

/** Compile-time proof that Office.js's request context satisfies the adapter's API subset. */
export const excelContextFitsSubset: (context: Excel.RequestContext) => XlContext = (context) => context;

/** The actions on the workbook Excel has open. Call after `Office.onReady` reported Excel. */
export function createExcelActions(): WorkbookActions {
  return createActions(officeHost(), { store: browserStore() });
}

/** How long an action waits for Office to answer at start-up before it says Excel is not responding. */
export const OFFICE_READY_WAIT_MS = 10_000;

/**
 * The actions on Excel for a pane Office opened but whose Office.js has not
 * reported ready yet (Excel slow to start): never demo mode inside Excel.
 * Each action waits for `ready` up to `waitMs`, then fails with
 * `unresponsive` ("Excel svarar inte"); trying again later works as soon as
 * Office has answered.
 */
export function createExcelActionsWhenReady(ready: Promise<unknown>, waitMs = OFFICE_READY_WAIT_MS, create: () => WorkbookActions = createExcelActions): WorkbookActions {
  let actions: WorkbookActions | undefined;
  void ready.then(
    () => (actions ??= create()),
    () => undefined,
  );
  const open = (): Promise<WorkbookActions> => {
    if (actions !== undefined) return Promise.resolve(actions);
    return new Promise<WorkbookActions>((resolve, reject) => {
      const timer = setTimeout(() => reject(new ActionError('unresponsive')), waitMs);
      ready.then(
        () => {
          clearTimeout(timer);
          resolve((actions ??= create()));
        },
        () => {
          clearTimeout(timer);
          reject(new ActionError('unresponsive'));
        },
      );
    });
  };
  return {
    validate: (o) => open().then((a) => a.validate(o)),
    clearMarks: () => open().then((a) => a.clearMarks()),
    applyEdits: (e, l, o) => open().then((a) => a.applyEdits(e, l, o)),
    lastChange: () => open().then((a) => a.lastChange()),
    undo: () => open().then((a) => a.undo()),
    select: (s, c) => open().then((a) => a.select(s, c)),
    selfTest: () => open().then((a) => a.selfTest()),
    displayLanguage: () => actions?.displayLanguage() ?? (typeof navigator !== 'undefined' ? navigator.language : 'sv-SE'),
  };
}
