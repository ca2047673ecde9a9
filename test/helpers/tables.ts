/**
 * Test workbooks built the way economists' workbooks are: the seed's tables
 * with formulas (Avv `=C−D`, Förändr% `=(C/B−1)*100`, totals `=SUM`), and
 * small generated tables in odd layouts. Formula cells carry the value Excel
 * would have calculated, so the rules see what an adapter reads.
 */
import type { Cell, SheetGrid, WorkbookGrid } from '../../src/engine/grid';
import { columnLetter } from '../../src/engine/grid';
import { paddedLabel, seedAsWorkbook, seedHeaderTexts, type SeedFile } from '../../src/example/seed';

const AMOUNT = '#,##0';

/** The change-% formula cell for row r (1-based Excel row), as Excel would hold it. */
export function changeFormulaCell(r: number, b: number, u: number, unit: 'percent' | 'fraction' = 'percent', bCol = 'B', uCol = 'C'): Cell {
  const formula = unit === 'percent' ? `=(${uCol}${r}/${bCol}${r}-1)*100` : `=${uCol}${r}/${bCol}${r}-1`;
  const numberFormat = unit === 'percent' ? '0.0' : '0.0%';
  if (b === 0) return { value: null, error: 'DIV_BY_ZERO', formula, numberFormat };
  return { value: (u / b - 1) * (unit === 'percent' ? 100 : 1), formula, numberFormat };
}

/**
 * The seed's tables as an economist's workbook with formulas, in the same
 * layout as `seedAsPastedValues`: the example workbook's own grid.
 */
export function seedAsFormulas(seed: SeedFile): WorkbookGrid {
  return seedAsWorkbook(seed);
}

/** One data row of a generated table: Bokslut, Utfall, Budget in tkr (any precision). */
export interface GenRow {
  code: string;
  name: string;
  b: number;
  u: number;
  budget: number;
}

export interface Layout {
  /** Top-left of the header. */
  top?: number;
  left?: number;
  /** Change % stored × 100 (`0.0`) or as a fraction (`0.0%`). */
  unit?: 'percent' | 'fraction';
  /** Avv, Förändr% and totals as formulas, or everything pasted as rounded values. */
  formulas?: boolean;
  /** One wrapped header row, or years on a row above the words. */
  header?: 'wrapped' | 'two-row';
  /** Code and name in one padded cell, or in two columns. */
  label?: 'padded' | 'split';
  anchor?: string;
  title?: string;
  /** A total row (after a blank row). */
  total?: boolean;
}

export interface BuiltTable {
  sheet: SheetGrid;
  /** 0-based sheet columns of the five measures. */
  cols: { previous: number; actual: number; budget: number; variance: number; change: number };
  /** 0-based sheet rows of the data rows and the total row. */
  rows: number[];
  totalRow: number | null;
}

function round(x: number, d: number): number {
  const f = 10 ** d;
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
}

/**
 * A consistent table: with `formulas`, constants typed with full precision
 * and formulas computing the rest; without, every figure as a report prints
 * it (rounded to tkr and to one decimal of the %), pasted as values, the way
 * a consistent report's table looks. Rows whose base shows as 0 get no %.
 */
export function buildTable(name: string, rows: GenRow[], layout: Layout = {}, sheet?: SheetGrid): BuiltTable {
  const top = layout.top ?? 0;
  const left = layout.left ?? 0;
  const unit = layout.unit ?? 'percent';
  const formulas = layout.formulas ?? false;
  const split = layout.label === 'split';
  const target: SheetGrid = sheet ?? { name, cells: [] };
  const put = (r: number, c: number, cell: Cell | undefined): void => {
    const row = (target.cells[r] ??= []);
    row[c] = cell;
  };
  const L = left;
  const B = left + (split ? 2 : 1);
  const cols = { previous: B, actual: B + 1, budget: B + 2, variance: B + 3, change: B + 4 };
  const letter = (c: number): string => columnLetter(c);
  let r = top;
  if (layout.title !== undefined) {
    put(r, L, { value: layout.title });
    r += 2;
  }
  const headers = seedHeaderTexts(layout.anchor ?? 'RN3', 2020, 2021);
  if (layout.header === 'two-row') {
    ['', '2020', '2021', '2021', '2021', 'Förändr%'].forEach((t, i) => {
      if (t !== '') put(r, i === 0 ? L : B + i - 1, { value: i > 0 && i < 5 ? Number(t) : t });
    });
    r++;
    [layout.anchor ?? 'RN3', 'Bokslut', 'Utfall Ack dec', 'Budget', 'Avv Budg o Utf', '2020 o 2021'].forEach((t, i) => put(r, i === 0 ? L : B + i - 1, { value: t }));
  } else {
    headers.forEach((t, i) => put(r, i === 0 ? L : B + i - 1, { value: t }));
  }
  r++;
  const amountCell = (v: number): Cell => (formulas ? { value: v, numberFormat: AMOUNT } : { value: round(v, 0), numberFormat: AMOUNT });
  const changeFmt = unit === 'percent' ? '0.0' : '0.0%';
  const changeCell = (x: number, b: number, u: number): Cell | undefined => {
    if (formulas) return changeFormulaCell(x, b, u, unit, letter(cols.previous), letter(cols.actual));
    const pb = round(b, 0);
    if (pb === 0) return undefined;
    const raw = (u / b - 1) * (unit === 'percent' ? 100 : 1);
    return { value: round(raw, unit === 'percent' ? 1 : 3), numberFormat: changeFmt };
  };
  const out: number[] = [];
  const first = r;
  for (const row of rows) {
    const x = r + 1;
    if (split) {
      put(r, L, { value: row.code });
      put(r, L + 1, { value: row.name });
    } else put(r, L, { value: paddedLabel(row.code, row.name) });
    put(r, cols.previous, amountCell(row.b));
    put(r, cols.actual, amountCell(row.u));
    put(r, cols.budget, amountCell(row.budget));
    put(
      r,
      cols.variance,
      formulas ? { value: row.u - row.budget, formula: `=${letter(cols.actual)}${x}-${letter(cols.budget)}${x}`, numberFormat: AMOUNT } : { value: round(row.u - row.budget, 0), numberFormat: AMOUNT },
    );
    put(r, cols.change, changeCell(x, row.b, row.u));
    out.push(r);
    r++;
  }
  const lastRow = r - 1;
  let totalRow: number | null = null;
  if (layout.total ?? true) {
    r++;
    totalRow = r;
    const sb = rows.reduce((s, x) => s + x.b, 0);
    const su = rows.reduce((s, x) => s + x.u, 0);
    const sbu = rows.reduce((s, x) => s + x.budget, 0);
    const t = r + 1;
    const sumCell = (c: number, v: number): Cell =>
      formulas ? { value: v, formula: `=SUM(${letter(c)}${first + 1}:${letter(c)}${lastRow + 1})`, numberFormat: AMOUNT } : { value: round(v, 0), numberFormat: AMOUNT };
    put(r, cols.previous, sumCell(cols.previous, sb));
    put(r, cols.actual, sumCell(cols.actual, su));
    put(r, cols.budget, sumCell(cols.budget, sbu));
    put(r, cols.variance, sumCell(cols.variance, su - sbu));
    put(r, cols.change, changeCell(t, sb, su));
  }
  return { sheet: target, cols, rows: out, totalRow };
}
