/**
 * Demo mode: the same actions on the test host loaded with the example
 * workbook (Kommunstyrelsen's tables, with formulas, and its sheet
 * Kommentarer), for a plain browser and the browser tests. No network, no
 * Office.
 */
import seed from '../../examples/source/kommunstyrelsen-2021-tables.json';
import { seedAsExampleWorkbook, type SeedFile } from '../engine/seed';
import type { WorkbookActions } from './actions';
import { memoryStore } from './changelog';
import { TestHost, type TestHostOptions } from './testhost';
import { createActions } from './workbook-actions';

/** The example workbook in a test host (ExcelApi 1.9 so fills are exact; Swedish error texts). */
export function createDemoHost(options: TestHostOptions = {}): TestHost {
  const language = typeof navigator !== 'undefined' && typeof navigator.language === 'string' ? navigator.language : 'sv-SE';
  return new TestHost(seedAsExampleWorkbook(seed as SeedFile), { apiVersion: '1.9', language, documentUrl: 'demo:kommunstyrelsen-2021.xlsx', ...options });
}

let demo: { host: TestHost; actions: WorkbookActions } | undefined;

/**
 * The demo's actions. One workbook per page, like one open workbook in Excel:
 * a second call (the pane re-created) gets the same workbook and change log.
 */
export function createDemoActions(): WorkbookActions {
  if (demo === undefined) {
    const host = createDemoHost();
    // The workbook lives in this page's memory, so its change log does too.
    demo = { host, actions: createActions(host, { store: memoryStore() }) };
  }
  return demo.actions;
}
