/**
 * Demo mode: the same actions on the test host loaded with the example
 * workbook (Kommunstyrelsen's tables, with formulas, and its sheet
 * Kommentarer), for a plain browser and the browser tests. No network, no
 * Office.
 */
import seed from '../../examples/source/kommunstyrelsen-2021-tables.json';
import { generatedWorkbook } from '../example/generate';
import type { WorkbookGrid } from '../engine';
import { seedAsExampleWorkbook, type SeedFile } from '../example/seed';
import type { WorkbookActions } from './actions';
import { memoryStore } from './changelog';
import { TestHost, type TestHostOptions } from './simulated';
import { createActions } from './workbook-actions';
import { keepSheets, restoreKeptSheets } from './demo-keep';
import type { ExcelApiVersion, HostDiagnostics, XlContext, XlHost, XlRunOptions } from './xl';

/**
 * The number of sheets asked for by `?demo=benchN` (1–100), the benchmark's
 * generated workbook (N sheets, each an RN table of 150 rows and a
 * kontogrupp table), or undefined for the example.
 */
export function benchSheetsFromQuery(search: string): number | undefined {
  const m = /[?&]demo=bench(\d{1,3})(?:&|$)/.exec(search);
  const n = m === null ? NaN : Number(m[1]);
  return n >= 1 && n <= 100 ? n : undefined;
}

function currentSearch(): string {
  return typeof location !== 'undefined' ? location.search : '';
}

/** The demo workbook's name (it keys the change log). */
export function demoWorkbookUrl(search = currentSearch()): string {
  const n = benchSheetsFromQuery(search);
  return n !== undefined ? `demo:bench-${n}-blad.xlsx` : 'demo:kommunstyrelsen-2021.xlsx';
}

/** The demo's workbook: the example, or the benchmark's generated one (`?demo=bench40`). */
export function demoWorkbook(search = currentSearch()): { workbook: WorkbookGrid; url: string } {
  const n = benchSheetsFromQuery(search);
  const workbook = n !== undefined ? generatedWorkbook(n, 150) : seedAsExampleWorkbook(seed as SeedFile);
  return { workbook, url: demoWorkbookUrl(search) };
}

function browserLanguage(): string {
  return typeof navigator !== 'undefined' && typeof navigator.language === 'string' ? navigator.language : 'sv-SE';
}

/** The example workbook in a test host (ExcelApi 1.9 so fills are exact; Swedish error texts). */
export function createDemoHost(options: TestHostOptions = {}): TestHost {
  const { workbook, url } = demoWorkbook();
  return new TestHost(workbook, { apiVersion: '1.9', language: browserLanguage(), documentUrl: url, ...options });
}

/**
 * The page's demo workbook, opened on first use or when the page is first
 * idle, whichever comes first (in Excel the workbook is open before the pane
 * starts). Building it takes ≈ 100 ms for the benchmark's 40 sheets, which the
 * pane's first paint does not wait for; the change log's key and the language
 * are known without it.
 */
class DemoHost implements XlHost {
  private host: TestHost | undefined;

  open(): TestHost {
    if (this.host === undefined) {
      this.host = createDemoHost();
      restoreKeptSheets(this.host, demoWorkbookUrl());
    }
    return this.host;
  }

  async run<T>(batch: (context: XlContext) => Promise<T>, options?: XlRunOptions): Promise<T> {
    const host = this.open();
    try {
      return await host.run(batch, options);
    } finally {
      keepSheets(host, demoWorkbookUrl());
    }
  }

  supports(version: ExcelApiVersion): boolean {
    return this.open().supports(version);
  }

  documentUrl(): string {
    return demoWorkbookUrl();
  }

  displayLanguage(): string {
    return browserLanguage();
  }

  diagnostics(): HostDiagnostics {
    return this.open().diagnostics();
  }
}

let demo: { host: DemoHost; actions: WorkbookActions } | undefined;

/**
 * The demo's actions. One workbook per page, like one open workbook in Excel:
 * a second call (the pane re-created) gets the same workbook and change log.
 */
export function createDemoActions(): WorkbookActions {
  if (demo === undefined) {
    const host = new DemoHost();
    // The workbook lives in this page's memory, so its change log does too.
    demo = { host, actions: createActions(host, { store: memoryStore() }) };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => host.open());
  }
  return demo.actions;
}
