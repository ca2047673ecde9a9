/**
 * Round trips and bytes of one validation, measured on the test host: what
 * the add-in would send to and get from Excel for a workbook of N sheets
 * shaped like the example (bench/office.ts and a test of the read's cost call this).
 */
import seed from '../examples/source/kommunstyrelsen-2021-tables.json';
import type { SheetGrid, WorkbookGrid } from '../src/engine/grid';
import { seedAsWorkbook, type SeedFile } from '../src/example/seed';
import { memoryStore } from '../src/excel/changelog';
import { createActions } from '../src/excel/workbook-actions';
import { TestHost } from '../src/excel/simulated';

export interface ValidateCost {
  sheets: number;
  /** Cells in all used ranges. */
  cells: number;
  findings: number;
  /** All round trips of the validation (reading, and marking if asked). */
  syncs: number;
  /** Round trips to read the workbook. */
  readSyncs: number;
  requestBytes: number;
  responseBytes: number;
  /** The largest single request and response (Excel on the web refuses over 5 MB). */
  maxRequestBytes: number;
  maxResponseBytes: number;
}

/** A workbook of `n` sheets cycling through the example's sheets (`Kommunledning 2`, …). */
export function exampleSheets(n: number, source: WorkbookGrid = seedAsWorkbook(seed as SeedFile)): WorkbookGrid {
  const sheets: SheetGrid[] = [];
  for (let i = 0; i < n; i++) {
    const base = source.sheets[i % source.sheets.length] as SheetGrid;
    const round = Math.floor(i / source.sheets.length);
    sheets.push({ ...base, name: round === 0 ? base.name : `${base.name} ${round + 1}`, cells: base.cells.map((r) => (r === undefined ? r : r.map((c) => (c === undefined ? c : { ...c })))) });
  }
  return { sheets };
}

/** Validates a workbook of `sheets` example sheets on a fresh test host and reports its cost. */
export async function measureValidate(sheets: number, options: { mark?: boolean; apiVersion?: string; workbook?: WorkbookGrid } = {}): Promise<ValidateCost> {
  const host = new TestHost(options.workbook ?? exampleSheets(sheets), { apiVersion: options.apiVersion ?? '1.7' });
  const actions = createActions(host, { store: memoryStore() });
  const report = await actions.validate({ mark: options.mark === true });
  const reqs = host.stats.requests;
  return {
    sheets: report.workbook.sheets.length,
    cells: report.read?.cells ?? 0,
    findings: report.result.findings.length,
    syncs: host.stats.syncs,
    readSyncs: report.read?.syncs ?? 0,
    requestBytes: reqs.reduce((n, r) => n + r.requestBytes, 0),
    responseBytes: reqs.reduce((n, r) => n + r.responseBytes, 0),
    maxRequestBytes: Math.max(0, ...reqs.map((r) => r.requestBytes)),
    maxResponseBytes: Math.max(0, ...reqs.map((r) => r.responseBytes)),
  };
}
