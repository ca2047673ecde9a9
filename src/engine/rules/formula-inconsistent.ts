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
import type { TableFigures } from './figures';

/**
 * A SUM of the column's rows in R1C1 terms (`=SUM(R[-16]C[0]:R[-2]C[0])`), guards taken off; and a cheap test
 * that a formula may be one, before its shape is made.
 */
const SUM_RANGE = /^=SUM\(R\[(-?\d+)\]C\[0\]:R\[(-?\d+)\]C\[0\]\)$/;
const MAY_SUM = /SUM\s*\(/i;

/** A total-row cell: a formula, with the sheet rows it adds up when it is a SUM of its column; or a typed number. */
type TotalCell = { formula: string; sum: { from: number; to: number } | undefined } | { constant: number };

function totalCellOf(sheet: SheetGrid, row: number, col: number): TotalCell | undefined {
  const cell = cellAt(sheet, row, col);
  if (cell.formula !== undefined) {
    const m = MAY_SUM.test(cell.formula) ? SUM_RANGE.exec(formulaShape(cell.formula, row, col)) : null;
    return { formula: cell.formula, sum: m === null ? undefined : { from: row + Number(m[1]), to: row + Number(m[2]) } };
  }
  const slot = readSlot(cell);
  return slot.kind === 'number' ? { constant: slot.value } : undefined;
}

function checkColumn(figures: TableFigures, sheet: SheetGrid, table: VarianceTable, column: TableColumn, out: Finding[]): string | undefined {
  // Count first (cheap), shape only a column that is one of formulas.
  const slots = figures.column(column.col);
  const n = table.rows.length;
  const col = column.col;
  // A column of formulas: at least two, and not outnumbered by constants (Avv, Förändr%) or outnumbering them (the rest).
  const computed = column === table.columns.variance || column === table.columns.change;
  const ofFormulas = (formulas: number, constants: number): boolean => formulas >= 2 && (computed ? formulas >= constants : formulas > constants);
  let formulas = 0;
  let constants = 0;
  for (let i = 0; i < n; i++) {
    if (cellAt(sheet, (table.rows[i] as TableRow).row, col).formula !== undefined) {
      formulas++;
    } else if (slots.isNumber(i)) {
      constants++;
      // A column of typed figures is known for one before its end: not even formulas in all the rows left would do.
      if (!ofFormulas(formulas + (n - 1 - i), constants)) return undefined;
    }
  }
  if (!ofFormulas(formulas, constants)) return undefined;

  // Each formula row's shape (undefined: a constant or nothing), counted per shape in order of first appearance.
  // A formula filled down from the one a run of formulas starts with (the usual case) takes that one's shape
  // without an R1C1 text of its own; a run is counted when the next one starts.
  const shapes: (string | undefined)[] = new Array<string | undefined>(n);
  const counts = new Map<string, number>();
  const countRun = (shape: string, length: number): void => {
    counts.set(shape, (counts.get(shape) ?? 0) + length);
  };
  let runStart: FilledFormula | undefined;
  let runShape = '';
  let runLength = 0;
  for (let i = 0; i < n; i++) {
    const row = (table.rows[i] as TableRow).row;
    const formula = cellAt(sheet, row, col).formula;
    if (formula === undefined) continue;
    if (runStart === undefined || !isFilledTo(runStart, formula, row, col)) {
      if (runLength > 0) countRun(runShape, runLength);
      runStart = filledFormula(formula, row, col);
      runShape = formulaShape(formula, row, col);
      runLength = 0;
      countRun(runShape, 0);
    }
    shapes[i] = runShape;
    runLength++;
  }
  if (runLength > 0) countRun(runShape, runLength);

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

function checkTotalRow(sheet: SheetGrid, table: VarianceTable, columns: readonly TableColumn[], shapes: Map<number, string>, out: Finding[]): void {
  const total = table.total;
  if (total === null || table.rows.length === 0) return;
  const cells = new Map<number, TotalCell>();
  let formulas = 0;
  let sums = 0;
  for (const c of columns) {
    if (cells.has(c.col)) continue;
    const t = totalCellOf(sheet, total.row, c.col);
    if (t === undefined) continue;
    cells.set(c.col, t);
    if ('formula' in t) {
      formulas++;
      if (t.sum !== undefined) sums++;
    }
  }
  if (formulas < 2 || formulas <= cells.size - formulas) return;
  const first = (table.rows[0] as TableRow).row;
  const last = (table.rows[table.rows.length - 1] as TableRow).row;
  const label = rowLabel(table, total);
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
  const sumFormula = (col: number): string => `=SUM(${columnLetter(col)}${first + 1}:${columnLetter(col)}${last + 1})`;
  for (const c of columns) {
    const t = cells.get(c.col);
    if (t === undefined) continue;
    if ('constant' in t) {
      const rowShape = shapes.get(c.col);
      const isChange = c === table.columns.change;
      const expected = isChange && rowShape !== undefined ? fromR1C1(rowShape, total.row, c.col) : sums >= 1 && !isChange ? sumFormula(c.col) : null;
      report(c.col, expected, t.constant, 'formula-inconsistent.total');
    } else if (t.sum !== undefined && (t.sum.from > first || t.sum.to < last)) {
      report(c.col, sumFormula(c.col), t.formula, 'formula-inconsistent.range');
    }
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
