/**
 * `formula-inconsistent`: in a column of formulas (typically Avv and
 * Förändr%), a typed constant or a formula of a different shape; in a total
 * row of formulas, a typed constant or a SUM that leaves out rows.
 *
 * Formulas are compared by their R1C1 shape (`=C5-D5` in row 5 and `=C6-D6`
 * in row 6 are the same; `=C7-D8` is not), with "not meaningful" guards
 * (`=IF(B5=0,"",…)`, `=IFERROR(…,"")`) taken off, so a fixed #DIV/0! row is
 * still in line. A column counts as a formula column when at least two of its
 * cells are formulas and formulas are not outnumbered by constants (Avv and
 * Förändr%), or outnumber them (other columns: Bokslut and Utfall are usually
 * typed, and a formula among them is no fault). Only a shape rarer than the
 * column's commonest one is reported.
 *
 * Severity warning: a typed 964 may be right today and wrong after the next
 * ledger export; a shifted reference usually gives a visible mismatch too.
 */
import { defineRule, finding } from '../rule';
import type { Finding } from '../finding';
import { cellAt, columnLetter, type SheetGrid } from '../grid';
import { filledFormula, formulaShape, fromR1C1, isFilledTo, type FilledFormula } from '../r1c1';
import type { TableColumn, TableRow, VarianceTable } from '../table';
import { eachTable, readSlot, rowLabel } from './common';
import type { SlotColumn, TableFigures } from './figures';

type Entry = { row: number; shape: string; formula: string } | { row: number; constant: number | string };

/** `read`: the cell's slot when the column's slots are at hand (else the cell is read here). */
function entryOf(sheet: SheetGrid, row: number, col: number, read?: { slots: SlotColumn; index: number }): Entry | undefined {
  const cell = cellAt(sheet, row, col);
  if (cell.formula !== undefined) return { row, shape: formulaShape(cell.formula, row, col), formula: cell.formula };
  const slot = read === undefined ? readSlot(cell) : read.slots.get(read.index);
  if (slot.kind === 'number') return { row, constant: slot.value };
  return undefined;
}

function checkColumn(figures: TableFigures, sheet: SheetGrid, table: VarianceTable, column: TableColumn, out: Finding[]): string | undefined {
  // Count first (cheap), shape only a column that is one of formulas.
  const slots = figures.column(column.col);
  const n = table.rows.length;
  const col = column.col;
  let formulas = 0;
  let constants = 0;
  for (let i = 0; i < n; i++) {
    if (cellAt(sheet, (table.rows[i] as TableRow).row, col).formula !== undefined) formulas++;
    else if (slots.isNumber(i)) constants++;
  }
  const computed = column === table.columns.variance || column === table.columns.change;
  if (formulas < 2 || (computed ? formulas < constants : formulas <= constants)) return undefined;

  // Each formula row's shape (undefined: a constant or nothing), counted per shape in order of first appearance.
  // A formula filled down from the one a run of formulas starts with (the usual case) takes that one's shape
  // without an R1C1 text of its own.
  const shapes: (string | undefined)[] = new Array<string | undefined>(n);
  const counts = new Map<string, number>();
  let runStart: FilledFormula | undefined;
  let runShape = '';
  for (let i = 0; i < n; i++) {
    const row = (table.rows[i] as TableRow).row;
    const formula = cellAt(sheet, row, col).formula;
    if (formula === undefined) continue;
    if (runStart === undefined || !isFilledTo(runStart, formula, row, col)) {
      runStart = filledFormula(formula, row, col);
      runShape = formulaShape(formula, row, col);
    }
    shapes[i] = runShape;
    counts.set(runShape, (counts.get(runShape) ?? 0) + 1);
  }

  // The commonest shape (the first to reach the highest count); a rarer shape or a constant is reported.
  let top: string | undefined;
  let topCount = 0;
  for (const [shape, c] of counts) {
    if (c > topCount) {
      top = shape;
      topCount = c;
    }
  }
  if (top === undefined) return undefined;
  for (let i = 0; i < n; i++) {
    const shape = shapes[i];
    const odd = shape === undefined ? slots.isNumber(i) : shape !== top && (counts.get(shape) ?? 0) < topCount;
    if (!odd) continue;
    const tableRow = table.rows[i] as TableRow;
    const row = tableRow.row;
    const label = rowLabel(table, tableRow);
    const expected = fromR1C1(top, row, col);
    // A constant among formulas, or a formula of a rarer shape.
    const actual = shape === undefined ? slots.value(i) : (cellAt(sheet, row, col).formula as string);
    out.push(
      finding({
        rule: 'formula-inconsistent',
        severity: 'warning',
        table,
        sheet: sheet.name,
        row,
        col,
        expected,
        actual,
        messageId: shape === undefined ? 'formula-inconsistent.constant' : 'formula-inconsistent',
        params: { label, expected, actual: String(actual) },
      }),
    );
  }
  return top;
}

const SUM_RANGE = /^=SUM\(R\[(-?\d+)\]C\[0\]:R\[(-?\d+)\]C\[0\]\)$/;

function checkTotalRow(sheet: SheetGrid, table: VarianceTable, columns: readonly TableColumn[], shapes: Map<number, string>, out: Finding[]): void {
  const total = table.total;
  if (total === null || table.rows.length === 0) return;
  const entries = new Map<number, Entry>();
  for (const c of columns) {
    const e = entryOf(sheet, total.row, c.col);
    if (e !== undefined) entries.set(c.col, e);
  }
  const formulas = [...entries.values()].filter((e) => 'shape' in e).length;
  if (formulas < 2 || formulas <= entries.size - formulas) return;
  const first = (table.rows[0] as TableRow).row;
  const last = (table.rows[table.rows.length - 1] as TableRow).row;
  const label = rowLabel(table, total);
  const sums = [...entries.values()].filter((e) => 'shape' in e && SUM_RANGE.test(e.shape)).length;
  const report = (col: number, expected: string | null, actual: number | string, messageId: 'formula-inconsistent.total' | 'formula-inconsistent.range'): void => {
    out.push(
      finding({
        rule: 'formula-inconsistent',
        severity: 'warning',
        table,
        sheet: sheet.name,
        row: total.row,
        col,
        expected,
        actual,
        messageId,
        params: { label, expected: expected ?? '', actual: String(actual) },
      }),
    );
  };
  for (const c of columns) {
    const e = entries.get(c.col);
    if (e === undefined) continue;
    const letter = columnLetter(c.col);
    const sumFormula = `=SUM(${letter}${first + 1}:${letter}${last + 1})`;
    if ('constant' in e) {
      const rowShape = shapes.get(c.col);
      const isChange = c === table.columns.change;
      const expected = isChange && rowShape !== undefined ? fromR1C1(rowShape, total.row, c.col) : sums >= 1 && !isChange ? sumFormula : null;
      report(c.col, expected, e.constant, 'formula-inconsistent.total');
      continue;
    }
    const m = SUM_RANGE.exec(e.shape);
    if (m === null) continue;
    const from = total.row + Number(m[1]);
    const to = total.row + Number(m[2]);
    if (from > first || to < last) report(c.col, sumFormula, e.formula, 'formula-inconsistent.range');
  }
}

export const formulaInconsistent = defineRule({
  id: 'formula-inconsistent',
  severity: 'warning',
  messages: ['formula-inconsistent', 'formula-inconsistent.constant', 'formula-inconsistent.range', 'formula-inconsistent.total'],
  description: 'A formula that differs from the rest of its column, a typed value among formulas, or a SUM that leaves out rows.',
  check(ctx) {
    const out: Finding[] = [];
    eachTable(ctx, (table, sheet, figures) => {
      const shapes = new Map<number, string>();
      const columns = figures.valueColumns();
      for (const column of columns) {
        const shape = checkColumn(figures, sheet, table, column, out);
        if (shape !== undefined) shapes.set(column.col, shape);
      }
      checkTotalRow(sheet, table, columns, shapes, out);
    });
    return out;
  },
});
