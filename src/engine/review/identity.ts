/**
 * Where a finding is, in terms that follow the table when rows or columns are
 * inserted: the sheet, the table (its kind, level and title, and which of the
 * like tables on the sheet it is), the row (the unit's or account group's
 * code, else its name; the total row; the header) and the column's role (the
 * measure, or an extra column's header). A finding outside any table falls
 * back to its cell address.
 */
import type { Finding } from '../finding';
import { columnLetter } from '../grid';
import { MEASURES, type VarianceTable } from '../table';

export interface FindingIdentity {
  sheet: string;
  /** `rn RN3`, `kontogrupp`, with ` · title` when the table has one and `#2` for a second like table; empty outside a table. */
  table: string;
  /** `KAI`, `6A`, `Kansli Centerpartiet`; `Summa` for the total row, `Rubrik` for the header, the A1 address outside a table. */
  row: string;
  /** `actual`, `variance`, `change` …; `extra:Prognos helår`; the column letter when the column has no role. */
  column: string;
}

/** The row key of a table's total row. */
export const TOTAL_ROW = 'Summa';
/** The row key of a table's header rows. */
export const HEADER_ROW = 'Rubrik';

function baseKey(t: VarianceTable): string {
  const head = t.level === null ? t.kind : `${t.kind} ${t.level}`;
  return t.title === null || t.title.trim() === '' ? head : `${head} · ${t.title.trim()}`;
}

/**
 * The key of every table: `rn RN3 · Kommunledning`; a second table on the
 * same sheet with the same key gets `#2`, in sheet order.
 */
export function tableKeys(tables: readonly VarianceTable[]): Map<string, string> {
  const seen = new Map<string, number>();
  const out = new Map<string, string>();
  const ordered = [...tables].sort((a, b) => (a.sheet === b.sheet ? a.top - b.top || a.left - b.left : 0));
  for (const t of ordered) {
    const base = baseKey(t);
    const n = (seen.get(`${t.sheet}\u0000${base}`) ?? 0) + 1;
    seen.set(`${t.sheet}\u0000${base}`, n);
    out.set(t.id, n === 1 ? base : `${base} #${n}`);
  }
  return out;
}

/** The row's key within its table (code, else name, else the total or header key); undefined outside the table's rows. */
export function rowKey(t: VarianceTable, row: number): string | undefined {
  if (row >= t.headerTop && row <= t.headerBottom) return HEADER_ROW;
  if (t.total !== null && t.total.row === row) return TOTAL_ROW;
  const r = t.rows.find((x) => x.row === row);
  if (r === undefined) return undefined;
  return r.code !== '' ? r.code : r.name.trim();
}

/** The column's role within its table: a measure, `extra:<header>`, or the column letter. */
export function columnRole(t: VarianceTable, col: number): string {
  for (const m of MEASURES) if (t.columns[m]?.col === col) return m;
  const extra = t.extraColumns.find((c) => c.col === col);
  if (extra !== undefined) return `extra:${extra.header.replace(/\s+/g, ' ').trim()}`;
  return columnLetter(col);
}

/** The identity of a finding given the tables of the same check and their keys (`tableKeys`). */
export function identityOf(f: Finding, tablesById: ReadonlyMap<string, VarianceTable>, keys: ReadonlyMap<string, string>): FindingIdentity {
  const t = f.tableId === null ? undefined : tablesById.get(f.tableId);
  const key = t === undefined ? undefined : keys.get(t.id);
  const row = t === undefined ? undefined : rowKey(t, f.row);
  if (t === undefined || key === undefined || row === undefined) return { sheet: f.sheet, table: '', row: f.cell, column: '' };
  return { sheet: f.sheet, table: key, row, column: columnRole(t, f.col) };
}

/** True when two identities name the same place. */
export function sameIdentity(a: FindingIdentity, b: FindingIdentity): boolean {
  return a.sheet === b.sheet && a.table === b.table && a.row.toLowerCase() === b.row.toLowerCase() && a.column === b.column;
}
