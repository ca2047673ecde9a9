/**
 * Demo mode: the same actions on the test host loaded with the example
 * workbook (Kommunstyrelsen's tables, with formulas, and its sheet
 * Kommentarer), for a plain browser and the browser tests. No network, no
 * Office.
 */
import seed from '../../examples/source/kommunstyrelsen-2021-tables.json';
import { generatedWorkbook } from '../engine/generate';
import type { WorkbookGrid } from '../engine/grid';
import { seedAsExampleWorkbook, type SeedFile } from '../engine/seed';
import type { WorkbookActions } from './actions';
import { memoryStore } from './changelog';
import { TestHost, type TestHostOptions } from './testhost';
import { createActions } from './workbook-actions';

/**
 * The number of sheets asked for by `?demo=benchN` (1–100), the benchmark's
 * generated workbook (issue 5: N sheets, each an RN table of 150 rows and a
 * kontogrupp table), or undefined for the example.
 */
export function benchSheetsFromQuery(search: string): number | undefined {
  const m = /[?&]demo=bench(\d{1,3})(?:&|$)/.exec(search);
  const n = m === null ? NaN : Number(m[1]);
  return n >= 1 && n <= 100 ? n : undefined;
}

/** The demo's workbook: the example, or the benchmark's generated one (`?demo=bench40`). */
export function demoWorkbook(search = typeof location !== 'undefined' ? location.search : ''): { workbook: WorkbookGrid; url: string } {
  const n = benchSheetsFromQuery(search);
  if (n !== undefined) return { workbook: generatedWorkbook(n, 150), url: `demo:bench-${n}-blad.xlsx` };
  return { workbook: seedAsExampleWorkbook(seed as SeedFile), url: 'demo:kommunstyrelsen-2021.xlsx' };
}

/** The example workbook in a test host (ExcelApi 1.9 so fills are exact; Swedish error texts). */
export function createDemoHost(options: TestHostOptions = {}): TestHost {
  const language = typeof navigator !== 'undefined' && typeof navigator.language === 'string' ? navigator.language : 'sv-SE';
  const { workbook, url } = demoWorkbook();
  return new TestHost(workbook, { apiVersion: '1.9', language, documentUrl: url, ...options });
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
