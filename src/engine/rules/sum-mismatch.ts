/**
 * `sum-mismatch`: a figure in a summing row is not the sum of the rows it
 * adds up — the total, a subtotal (`Summa gemensamt`), a nämnd row over its
 * verksamheter (found by detection from the figures) — in every amount column (Bokslut, Utfall, Budget, Avv and extra amount
 * columns such as Prognos helår); and the total row's change % is not
 * computed from the totals (a summed or averaged % is a classic slip; the
 * message says when the printed % is the sum of the rows' %).
 *
 * Severity error. Rounding is respected: n printed rows may together be off
 * by up to n × half a unit, and only a total outside that range is reported.
 * Empty cells count as 0; a column with an error or text in it is not added
 * up (those cells are findings of their own).
 */
import { defineRule, finding } from '../rule';
import type { Finding } from '../finding';
import { cellAddress, cellAt, type SheetGrid } from '../grid';
import { changeInterval, changeScale, overlaps, rangesOverlap, roundTo, sum, type Interval } from '../interval';
import type { TableRow, VarianceTable } from '../table';
import { amountTolerance, amountInterval, amountValue, asPercent, eachTable, readChange, readSlot, rowLabel, shownDecimals, type NumberSlot } from './common';
import type { SlotColumn, TableFigures } from './figures';

/** The parts' figures in a column as an interval and their plain sum, or undefined when one cannot be read. */
function partsSum(slots: SlotColumn, parts: readonly number[]): { lo: number; hi: number; value: number } | undefined {
  let lo = 0;
  let hi = 0;
  let value = 0;
  for (let n = 0; n < parts.length; n++) {
    const k = parts[n] as number;
    const v = slots.amount(k);
    if (Number.isNaN(v)) return undefined;
    lo += slots.amountLo(k);
    hi += slots.amountHi(k);
    value += v;
  }
  return { lo, hi, value };
}

/** The index of a sheet row among the table's rows (data rows and the total, top to bottom), found by halving. */
function indexOfRow(rows: readonly TableRow[], sheetRow: number): number | undefined {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = (rows[mid] as TableRow).row;
    if (r === sheetRow) return mid;
    if (r < sheetRow) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** `SUM(C5:C14)` for consecutive parts, `C5 + C7 + C9` otherwise. */
function sumExpression(rows: readonly number[], col: number): string {
  const consecutive = rows.every((r, i) => i === 0 || r === (rows[i - 1] as number) + 1);
  if (consecutive && rows.length > 2) return `SUM(${cellAddress(rows[0] as number, col)}:${cellAddress(rows[rows.length - 1] as number, col)})`;
  return rows.map((r) => cellAddress(r, col)).join(' + ');
}

function checkChangeTotal(figures: TableFigures, sheet: SheetGrid, table: VarianceTable, tolerance: number, out: Finding[]): void {
  const { previous, actual, change } = table.columns;
  const total = table.total;
  if (previous === undefined || actual === undefined || change === undefined || total === null) return;
  const cCell = cellAt(sheet, total.row, change.col);
  const { slot: c, unit } = readChange(cCell, table);
  if (c.kind !== 'number') return;
  const b = readSlot(cellAt(sheet, total.row, previous.col));
  const a = readSlot(cellAt(sheet, total.row, actual.col));
  const bi = amountInterval(b);
  const ai = amountInterval(a);
  const bv = amountValue(b);
  const av = amountValue(a);
  if (bi === undefined || ai === undefined || bv === undefined || av === undefined || bv === 0) return;
  const range = changeInterval(ai, bi, unit);
  if (range === undefined || overlaps(range, c, tolerance)) return;
  const expected = roundTo((av / bv - 1) * changeScale(unit), shownDecimals(cCell, c, unit === 'fraction' ? 3 : 1));
  // Is the printed total % the sum of the rows' %?
  const parts: Interval[] = [];
  let readable = true;
  const changes = figures.change();
  for (let k = 0; k < table.rows.length; k++) {
    const s = changes.get(k);
    if (s.kind === 'number') parts.push(s);
    else if (s.kind !== 'blank' && s.kind !== 'marker') readable = false;
  }
  const summed = readable && parts.length >= 2 && overlaps(sum(parts), c, tolerance);
  out.push(
    finding({
      rule: 'sum-mismatch',
      severity: 'error',
      table,
      sheet: sheet.name,
      row: total.row,
      col: change.col,
      expected,
      actual: c.value,
      messageId: summed ? 'sum-mismatch.change-summed' : 'sum-mismatch.change',
      params: {
        expected: roundTo(asPercent(expected, unit), 1),
        actual: roundTo(asPercent(c.value, unit), 1),
        bokslut: bv,
        utfall: av,
      },
    }),
  );
}

export const sumMismatch = defineRule({
  id: 'sum-mismatch',
  severity: 'error',
  messages: ['sum-mismatch', 'sum-mismatch.parts', 'sum-mismatch.change', 'sum-mismatch.change-summed'],
  description: "A total, subtotal or nämnd row is not the sum of the rows it adds up, in any amount column; or the total's change % is not computed from the totals.",
  check(ctx) {
    const out: Finding[] = [];
    eachTable(ctx, (table, sheet, figures) => {
      const rows = figures.rows;
      const tolerance = amountTolerance(ctx, table);
      rows.forEach((row, i) => {
        if (row.parts === undefined || row.parts.length === 0) return;
        const parts: number[] = [];
        for (const r of row.parts) {
          const k = indexOfRow(rows, r);
          if (k !== undefined) parts.push(k);
        }
        const isTotal = row === table.total;
        for (const { column } of figures.amountColumns()) {
          const slots = figures.column(column.col);
          if (!slots.isNumber(i)) continue;
          const s = partsSum(slots, parts);
          if (s === undefined || rangesOverlap(s.lo, s.hi, slots.lo(i), slots.hi(i), tolerance)) continue;
          const t = slots.get(i) as NumberSlot;
          const decimals = shownDecimals(cellAt(sheet, row.row, column.col), t, 0);
          const expected = roundTo(s.value, decimals);
          const params = { column: column.header.replace(/\s*\n\s*/g, ' '), expected, actual: t.value, difference: roundTo(t.value - expected, decimals), rows: parts.length };
          out.push(
            finding({
              rule: 'sum-mismatch',
              severity: 'error',
              table,
              sheet: sheet.name,
              row: row.row,
              col: column.col,
              expected,
              actual: t.value,
              messageId: isTotal ? 'sum-mismatch' : 'sum-mismatch.parts',
              params: isTotal ? params : { ...params, label: rowLabel(table, row) },
              calculation: {
                expression: sumExpression(row.parts, column.col),
                operands: parts.map((k) => ({ cell: cellAddress((rows[k] as TableRow).row, column.col), value: slots.amount(k) })),
                result: s.value,
              },
            }),
          );
        }
      });
      checkChangeTotal(figures, sheet, table, ctx.options.tolerance, out);
    });
    return out;
  },
});
