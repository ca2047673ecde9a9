import { checkWorkbook } from '../../../src/engine/check';
import type { CellEdit } from '../../../src/engine/finding';
import type { Cell, WorkbookGrid } from '../../../src/engine/grid';
import { seedAsPastedValues } from '../../../src/example/seed';
import { loadSeed } from '../../helpers/seed';

/** The seed's tables pasted as values (one sheet per unit). */
export function seedWorkbook(): WorkbookGrid {
  return seedAsPastedValues(loadSeed());
}

/**
 * Applies cell edits to a grid the way an adapter does (creating sheets an
 * edit names): a copy, the input is left as it is. A formula's value is the
 * edit's value (the engine plans them with their current result).
 */
export function applyToGrid(workbook: WorkbookGrid, edits: readonly CellEdit[]): WorkbookGrid {
  const out: WorkbookGrid = { sheets: workbook.sheets.map((s) => ({ ...s, cells: s.cells.map((r) => (r === undefined ? r : [...r])) })) };
  for (const e of edits) {
    let sheet = out.sheets.find((s) => s.name === e.sheet);
    if (sheet === undefined) {
      sheet = { name: e.sheet, cells: [] };
      out.sheets.push(sheet);
    }
    const row = (sheet.cells[e.row] ??= []);
    const cell: Cell = { value: e.after.value };
    if (e.after.formula !== undefined) cell.formula = e.after.formula;
    row[e.col] = e.after.value === null && e.after.formula === undefined ? undefined : cell;
  }
  return out;
}

/** The text of a cell, or '' (for reading the comments sheet in tests). */
export function textAt(workbook: WorkbookGrid, sheet: string, row: number, col: number): string {
  const v = workbook.sheets.find((s) => s.name === sheet)?.cells[row]?.[col]?.value;
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
}

/** The narrative-mismatch findings of a workbook. */
export function narrativeFindings(workbook: WorkbookGrid): ReturnType<typeof checkWorkbook>['findings'] {
  return checkWorkbook(workbook).findings.filter((f) => f.rule === 'narrative-mismatch');
}
