/**
 * The real thing: `WorkbookActions` on Excel through Office.js.
 */
import type { WorkbookActions } from './actions';
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
