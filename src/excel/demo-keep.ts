/**
 * Demo mode keeps the workbook in the page's memory, so reloading the pane
 * would start from the example again. In Excel the approvals sheet is part of
 * the saved workbook; here it is kept in the tab's sessionStorage (per demo
 * workbook) and put back when the demo workbook is opened again, so an
 * approval survives reloading the pane as it survives closing and opening
 * the workbook. Nothing else of the demo workbook is kept.
 */
import { APPROVALS_SHEET, type Cell } from '../engine';
import type { TestHost } from './simulated';
import { sheetsFromGrid } from './simulated/state';

function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined; // storage blocked: nothing is kept
  }
}

function keyFor(url: string): string {
  return `avvikelsekollen.demo.sheet:${url}:${APPROVALS_SHEET}`;
}

interface KeptSheet {
  hidden: boolean;
  rows: (number | string | boolean | null)[][];
}

/** Puts the kept approvals sheet back into a freshly opened demo workbook. */
export function restoreKeptSheets(host: TestHost, url: string): void {
  const s = storage();
  try {
    const text = s?.getItem(keyFor(url));
    if (text === null || text === undefined || host.hasSheet(APPROVALS_SHEET)) return;
    const kept = JSON.parse(text) as KeptSheet;
    const cells: Cell[][] = kept.rows.map((row) => row.map((value) => ({ value })));
    host.sheets.push(...sheetsFromGrid({ sheets: [{ name: APPROVALS_SHEET, cells, hidden: kept.hidden }] }));
  } catch {
    // unreadable: the example as it is
  }
}

/** Keeps the approvals sheet as it is now (or forgets it when the sheet is gone). */
export function keepSheets(host: TestHost, url: string): void {
  const s = storage();
  if (s === undefined) return;
  try {
    if (!host.hasSheet(APPROVALS_SHEET)) {
      s.removeItem(keyFor(url));
      return;
    }
    const sheet = host.sheet(APPROVALS_SHEET);
    const kept: KeptSheet = { hidden: sheet.visibility !== 'Visible', rows: sheet.rows.map((row) => (row ?? []).map((c) => c?.value ?? null)) };
    s.setItem(keyFor(url), JSON.stringify(kept));
  } catch {
    // storage full or blocked: kept in this page only
  }
}
