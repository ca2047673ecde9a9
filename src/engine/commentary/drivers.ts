/**
 * What drives a table's variance: the units (rows of an RN table) and the
 * account groups (rows of the kontogrupp table of the same unit) with the
 * largest variances in the direction of the total.
 */
import { type SheetGrid, type WorkbookGrid } from '../grid';
import { translate, type Language } from '../i18n';
import type { TableRow, VarianceTable } from '../table';
import { tkrToMnkr } from './amounts';
import { tableRowFigures, totalFigures, type Figure } from './figures';

/** A row of a table and its variance (positive is favourable). */
export interface RowVariance {
  row: TableRow;
  variance: Figure;
}

/** Every row of `table` that has a variance, with it, in table order. */
export function rowVariances(sheet: SheetGrid, table: VarianceTable): RowVariance[] {
  const figures = tableRowFigures(sheet, table);
  const out: RowVariance[] = [];
  table.rows.forEach((row, i) => {
    const variance = figures[i]?.variance;
    if (variance !== undefined) out.push({ row, variance });
  });
  return out;
}

/**
 * The (at most two) rows with the largest variances going the same way as
 * `favourable` (true: positive variances), largest first, the upper row
 * first on a tie. Variances that round to 0,0 mnkr are left out.
 */
export function largestContributors(rows: readonly RowVariance[], favourable: boolean): RowVariance[] {
  let first: RowVariance | undefined;
  let second: RowVariance | undefined;
  for (const r of rows) {
    if (tkrToMnkr(r.variance.tkr) === 0 || r.variance.tkr > 0 !== favourable) continue;
    if (first === undefined || isLarger(r, first)) {
      second = first;
      first = r;
    } else if (second === undefined || isLarger(r, second)) {
      second = r;
    }
  }
  return first === undefined ? [] : second === undefined ? [first] : [first, second];
}

/**
 * The rows contributing most to a table's variance, at most two each way,
 * largest first: kept while the rows are read (`addContributor`), so that
 * `largestContributors` picks from them what it would pick from every row.
 */
export interface Contributors {
  favourable: RowVariance[];
  unfavourable: RowVariance[];
}

export function noContributors(): Contributors {
  return { favourable: [], unfavourable: [] };
}

/** Keeps a row with its variance in `contributors` when it is among the two largest its way (one that rounds to 0,0 mnkr never is). */
export function addContributor(contributors: Contributors, row: TableRow, variance: Figure): void {
  if (tkrToMnkr(variance.tkr) === 0) return;
  const top = variance.tkr > 0 ? contributors.favourable : contributors.unfavourable;
  let at = top.length;
  while (at > 0 && contributesMore(row, variance, top[at - 1] as RowVariance)) at--;
  if (at >= 2) return;
  top.splice(at, 0, { row, variance });
  if (top.length > 2) top.pop();
}

/** Whether `a` contributes more than `b`: a larger variance, or as large and higher up. */
function isLarger(a: RowVariance, b: RowVariance): boolean {
  return contributesMore(a.row, a.variance, b);
}

/** Whether `row` with `variance` contributes more than `b` (see `isLarger`). */
function contributesMore(row: TableRow, variance: Figure, b: RowVariance): boolean {
  return (Math.abs(b.variance.tkr) - Math.abs(variance.tkr) || row.row - b.row.row) < 0;
}

/** The name a draft gives a unit row: its name, else its code. */
export function unitName(row: TableRow): string {
  return row.name === '' ? row.code : row.name;
}

/** An account group as the text names it: the language's name for a Kommun-Bas group (`personalkostnader`), else its own name in lower case. */
export function accountGroupName(row: TableRow, lang: Language): string {
  const key = `commentary.kontogrupp.${row.code}`;
  const known = translate(key, lang);
  if (known !== key) return known;
  const name = unitName(row);
  return name.charAt(0).toLocaleLowerCase('sv-SE') + name.slice(1);
}

function normalise(s: string): string {
  return s.toLocaleLowerCase('sv-SE').replace(/\s+/g, ' ').trim();
}

function sameTotal(sheets: ReadonlyMap<string, SheetGrid>, a: VarianceTable, b: VarianceTable): boolean {
  const sa = sheets.get(a.sheet);
  const sb = sheets.get(b.sheet);
  if (sa === undefined || sb === undefined) return false;
  const va = totalFigures(sa, a).variance;
  const vb = totalFigures(sb, b).variance;
  return va !== undefined && vb !== undefined && Math.abs(va.tkr - vb.tkr) <= va.halfUnit + vb.halfUnit + 1e-9;
}

/**
 * The kontogrupp table of the same unit as an RN table: same title, else
 * same sheet; among several, the one whose total variance equals the RN
 * table's, else the first below it.
 */
export function kontogruppTableFor(rn: VarianceTable, tables: readonly VarianceTable[], workbook: WorkbookGrid): VarianceTable | undefined {
  const kg = tables.filter((t) => t.kind === 'kontogrupp');
  const byTitle = rn.title === null ? [] : kg.filter((t) => t.title !== null && normalise(t.title) === normalise(rn.title as string));
  const candidates = byTitle.length > 0 ? byTitle : kg.filter((t) => t.sheet === rn.sheet);
  if (candidates.length <= 1) return candidates[0];
  const sheets = new Map(workbook.sheets.map((s) => [s.name, s] as const));
  const matching = candidates.filter((t) => sameTotal(sheets, rn, t));
  const pool = matching.length > 0 ? matching : candidates;
  return pool.find((t) => t.sheet === rn.sheet && t.top > rn.bottom) ?? pool[0];
}
