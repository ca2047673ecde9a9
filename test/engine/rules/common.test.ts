/**
 * The rules' per-row loops read a column's figures without making slot
 * objects (`SlotColumn.isNumber`, `lo`, `hi`, `amount`, …). These must read
 * every cell exactly as the slot does, for any cell an economist's table can
 * hold: typed and formula numbers at any precision, numbers written as text,
 * markers, errors, text, empty cells.
 */
import { isDeepStrictEqual } from 'util';
import fc from 'fast-check';
import type { Cell, SheetGrid } from '../../../src/engine/grid';
import { cellAt } from '../../../src/engine/grid';
import { amountInterval, amountValue, displayedValue, readSlot, type Slot } from '../../../src/engine/rules/common';
import { SlotColumn, TableFigures } from '../../../src/engine/rules/figures';
import type { TableRow, VarianceTable } from '../../../src/engine/table';

const cell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({ value: fc.double({ min: -1e7, max: 1e7, noNaN: true }) }),
  fc.record({ value: fc.integer({ min: -5_000_000, max: 5_000_000 }).map((n) => n / 100), numberFormat: fc.constantFrom('#,##0', '0.0', '0.0%', 'General', '#,##0.00') }),
  fc.record({ value: fc.double({ min: -1e5, max: 1e5, noNaN: true }), formula: fc.constant('=C5-D5') }),
  fc.record({ value: fc.constantFrom('−3 495', '12,8 %', '1 184,0', 'e.j.', '–', '', '  ', 'ca 300', '#DIVISION/0!', 'x') }),
  fc.record({ value: fc.constant(''), formula: fc.constant('=IF(B5=0,"",C5/B5-1)') }),
  fc.record({ value: fc.constant(null), error: fc.constantFrom('DIV_BY_ZERO' as const, 'NA' as const) }),
  fc.record({ value: fc.constant(null), formula: fc.constant('=X1') }),
  fc.record({ value: fc.constantFrom(Infinity, 1e300, true) }),
);

function sheetOf(columns: (Cell | undefined)[][]): SheetGrid {
  const n = columns[0]?.length ?? 0;
  const cells: (Cell | undefined)[][] = [];
  for (let r = 0; r < n; r++) cells.push(columns.map((c) => c[r]));
  return { name: 'Blad1', cells };
}

const rows = (n: number): TableRow[] => Array.from({ length: n }, (_, i) => ({ row: i, code: `K${i}`, name: '' }));

const same = (a: number, b: number | undefined): boolean => (b === undefined ? Number.isNaN(a) : Object.is(a, b));

describe('SlotColumn: figures read without slots are read as the slots read them', () => {
  it('number, interval and amount of every row', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 30 }), (column) => {
        const sheet = sheetOf([column]);
        const slots = new SlotColumn(sheet, rows(column.length), 0);
        for (let i = 0; i < column.length; i++) {
          const slot = slots.get(i);
          const number = slot.kind === 'number' ? slot : undefined;
          const amount = amountInterval(slot);
          if (slots.isNumber(i) !== (number !== undefined)) return false;
          if (!same(slots.value(i), number?.value) || !same(slots.half(i), number?.half)) return false;
          if (!same(slots.lo(i), number?.lo) || !same(slots.hi(i), number?.hi)) return false;
          if (!same(slots.amount(i), amountValue(slot)) || !same(slots.amountLo(i), amount?.lo) || !same(slots.amountHi(i), amount?.hi)) return false;
          if (slots.kind(i) !== slot.kind) return false;
        }
        return true;
      }),
      { numRuns: 3_000 },
    );
  });

  it('reads a row past the end of the column as an empty cell', () => {
    const slots = new SlotColumn(sheetOf([[{ value: 1184, numberFormat: '#,##0' }]]), rows(1), 0);
    expect([slots.isNumber(3), slots.kind(3), slots.get(3).kind, slots.amount(3), slots.amountLo(3), slots.amountHi(3)]).toEqual([false, 'blank', 'blank', 0, 0, 0]);
    expect([slots.value(3), slots.lo(3), slots.hi(3), slots.holdsZero(3)]).toEqual([Number.NaN, Number.NaN, Number.NaN, false]);
  });

  it("a change % read in each cell's own unit holds the slots of a plain reading (text is read as printed)", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 30 }), fc.constantFrom('percent' as const, 'fraction' as const), (column, changeUnit) => {
        const sheet = sheetOf([column]);
        const table = { changeUnit } as unknown as VarianceTable;
        const inUnits = new SlotColumn(sheet, rows(column.length), 0, table);
        const plain = new SlotColumn(sheet, rows(column.length), 0);
        return column.every((_, i) => isDeepStrictEqual(inUnits.get(i), plain.get(i)));
      }),
      { numRuns: 2_000 },
    );
  });

  /** The meaning of a row's change % as first written, one slot object per cell. */
  function meaningFromSlots(sheet: SheetGrid, row: number): string {
    const showsZero = (c: Cell, slot: Slot): boolean =>
      slot.kind === 'blank' || slot.kind === 'marker' || (slot.kind === 'number' && (displayedValue(c, slot) === 0 || (slot.lo <= 0 && slot.hi >= 0)));
    const b = readSlot(cellAt(sheet, row, 0));
    const a = readSlot(cellAt(sheet, row, 1));
    const bokslut = amountValue(b);
    const utfall = amountValue(a);
    if (bokslut === undefined || utfall === undefined || (b.kind === 'blank' && a.kind === 'blank')) return 'unknown';
    const utfallZero = showsZero(cellAt(sheet, row, 1), a);
    if (showsZero(cellAt(sheet, row, 0), b)) return 'zero-base';
    if (!utfallZero && Math.sign(bokslut) !== Math.sign(utfall)) return 'sign-flip';
    return 'meaningful';
  }

  it('the change % meanings read each row as slot objects would', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 20 }), (pairs) => {
        const sheet = sheetOf([pairs.map((p) => p[0]), pairs.map((p) => p[1])]);
        const table = {
          sheet: 'Blad1',
          rows: rows(pairs.length),
          total: null,
          columns: { previous: { col: 0, header: 'Bokslut', years: [], headerRow: 0 }, actual: { col: 1, header: 'Utfall', years: [], headerRow: 0 } },
          extraColumns: [],
          changeUnit: 'percent',
          convention: 'costs-negative',
        } as unknown as VarianceTable;
        const meanings = new TableFigures(sheet, table).meanings();
        return pairs.every((_, i) => meanings[i] === meaningFromSlots(sheet, i));
      }),
      { numRuns: 2_000 },
    );
  });
});
