/**
 * Table detection: finds budget follow-up tables anywhere on any sheet, in
 * any kommun's layout, with no set-up. Top-down: find the header rows
 * (`header.ts`) → read the body under them (`body.ts`) → read the figures
 * and infer the identities they keep (`figures.ts`, `roles.ts`, `sums.ts`)
 * → name the roles, the sign convention and the unit → the table. The rules
 * then check every row against what was found.
 */
import { cellAddress, cellAt, type Cell, type SheetGrid, type WorkbookGrid } from '../grid';
import { isPercentFormat } from '../numbers';
import type { AmountUnit, TableKind, TableRow, VarianceTable } from '../table';
import { guessLabelColumn, nameColumnOf, readBody } from './body';
import { readFigures } from './figures';
import { isHeaderRow, readHeader, rowHints, splitSideBySide, type Header } from './header';
import { nameColumns } from './roles';
import { findSums } from './sums';
import { classifyHeader, KR_FORMAT, MAX_HEADER_TEXT, unitWordIn, hasYear } from './words';

export { classifyHeader, splitLabel } from './words';

/** Finds every follow-up table in the workbook (only on `onlySheets` when given). Never throws. */
export function findTables(workbook: WorkbookGrid, onlySheets: readonly string[] = []): VarianceTable[] {
  const tables: VarianceTable[] = [];
  for (const sheet of workbook.sheets) {
    if (onlySheets.length === 0 || onlySheets.includes(sheet.name)) tables.push(...findTablesOnSheet(sheet));
  }
  return tables;
}

/** Finds the tables on one sheet, top to bottom, left to right. */
export function findTablesOnSheet(sheet: SheetGrid): VarianceTable[] {
  const tables: VarianceTable[] = [];
  for (let r = 0; r < sheet.cells.length; r++) {
    const hints = rowHints(sheet, r);
    if (hints === undefined || hints.size < 2 || !isHeaderRow(hints, textCount(sheet.cells[r]))) continue;
    for (const cols of splitSideBySide(hints)) {
      if (isInside(tables, r, cols)) continue;
      const table = buildTable(sheet, readHeader(sheet, r, cols, hints));
      if (table !== undefined && !overlapsAny(tables, table)) tables.push(table);
    }
  }
  return tables.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** How many cells of a row hold text. */
function textCount(cells: readonly (Cell | undefined)[] | undefined): number {
  let texts = 0;
  if (cells !== undefined) for (let c = 0; c < cells.length; c++) if (typeof cells[c]?.value === 'string') texts++;
  return texts;
}

/** True when a found table already covers the header columns `cols` on row `row`. */
function isInside(tables: readonly VarianceTable[], row: number, cols: readonly number[]): boolean {
  const first = cols[0] as number;
  const last = cols[cols.length - 1] as number;
  for (const t of tables) if (t.headerTop <= row && row <= t.bottom && t.left <= last && first <= t.right) return true;
  return false;
}

function overlapsAny(tables: readonly VarianceTable[], b: VarianceTable): boolean {
  for (const a of tables) if (a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right) return true;
  return false;
}

/** The table under a header, or undefined when what is under it is not a follow-up table. */
function buildTable(sheet: SheetGrid, header: Header): VarianceTable | undefined {
  const valueHeaders = header.columns.filter((c) => c.hint !== 'label' && c.hint !== 'note');
  const firstValue = valueHeaders[0]?.col;
  if (firstValue === undefined) return undefined;
  const notes = new Set(header.columns.filter((c) => c.hint === 'note').map((c) => c.col));
  const labelCol = header.labelCol ?? guessLabelColumn(sheet, header.bottom + 1, Math.min(firstValue, ...notes), notes);
  if (labelCol === undefined || labelCol >= firstValue) return undefined;
  const nameCol = notes.has(labelCol + 1) ? null : nameColumnOf(sheet, header.bottom + 1, labelCol, Math.min(firstValue, ...notes));
  const valueColumns = valueHeaders.map((c) => c.col);
  const body = readBody(sheet, header.bottom + 1, labelCol, nameCol, valueColumns);
  if (!body.kinds.includes('figures')) return undefined;

  const readings = readFigures(sheet, body.rows, valueColumns);
  const changeHeader = valueHeaders.find((c) => c.hint === 'change');
  const fractionFormat = changeHeader !== undefined && percentFormatted(sheet, body.rows, changeHeader.col);
  const named = nameColumns(valueHeaders, readings, fractionFormat);
  const { columns, relations } = named;
  const five = (['previous', 'actual', 'budget', 'variance', 'change'] as const).filter((m) => columns[m] !== undefined);
  // The columns with one of the five roles or listed as extra, in sheet order (as the header lists them).
  const valueCols: number[] = [];
  for (const h of valueHeaders) if (five.some((m) => columns[m]?.col === h.col) || named.extraColumns.some((e) => e.col === h.col)) valueCols.push(h.col);
  const amountCols = valueCols.filter((c) => c !== columns.change?.col && !PERCENT_WORDS.test(valueHeaders.find((h) => h.col === c)?.text ?? ''));
  const sums = findSums(body, readings, amountCols);
  let confirmedSums = false;
  for (const i of sums.keys()) if (body.kinds[i] === 'figures') confirmedSums = true;

  // A follow-up table: three of the five with this year's actual (the standard layouts), or figures that keep an identity.
  const standard = five.length >= 3 && columns.actual !== undefined;
  const proven = valueCols.length >= 3 && relations.length > 0;
  const transposed = valueCols.length >= 2 && (columns.actual !== undefined || columns.budget !== undefined) && confirmedSums;
  if (!standard && !proven && !transposed) return undefined;

  for (const [i, parts] of sums) (body.rows[i] as TableRow).parts = parts.map((k) => (body.rows[k] as TableRow).row);
  const lastIndex = body.rows.length - 1;
  const lastRow = body.rows[lastIndex] as TableRow;
  const hasTotal = body.kinds[lastIndex] === 'total' || body.kinds[lastIndex] === 'sum';
  const rows = hasTotal ? body.rows.slice(0, lastIndex) : body.rows;
  const bottom = lastRow.row;
  const right = Math.max(...valueCols);
  const left = Math.min(labelCol, firstValue);
  return {
    id: `${sheet.name}!${cellAddress(header.top, labelCol)}:${cellAddress(bottom, right)}`,
    sheet: sheet.name,
    ...kindOf(header.labelText, rows),
    title: findTitle(sheet, header.top, labelCol, right),
    headerTop: header.top,
    headerBottom: header.bottom,
    labelCol,
    nameCol,
    columns,
    extraColumns: named.extraColumns,
    relations,
    unreconciled: named.unreconciled,
    sections: body.sections,
    changeUnit: fractionFormat ? 'fraction' : (named.changeUnit ?? 'percent'),
    unit: amountUnitOf(sheet, header, left, right, rows, amountCols),
    convention: named.convention,
    rows,
    total: hasTotal ? lastRow : null,
    top: header.top,
    left: labelCol,
    bottom,
    right,
  };
}

const PERCENT_WORDS = /%|procent/i;
const LEVEL = /RN\s?(\d{1,2})/i;
const KONTOGRUPP = /kontogrupp/i;
const ACCOUNT_GROUP_CODE = /^\d[A-Z]?$/;

/** RN table (`RN3` over the labels), kontogrupp table (its header, or account-group codes on every row). */
function kindOf(labelText: string, rows: readonly TableRow[]): { kind: TableKind; level: string | null } {
  const level = LEVEL.exec(labelText);
  if (level !== null) return { kind: 'rn', level: `RN${level[1]}` };
  if (KONTOGRUPP.test(labelText)) return { kind: 'kontogrupp', level: null };
  return { kind: rows.length > 0 && rows.every((r) => ACCOUNT_GROUP_CODE.test(r.code)) ? 'kontogrupp' : 'rn', level: null };
}

/** Förändr% as a fraction: most of the column's numbers are shown with a % format. */
function percentFormatted(sheet: SheetGrid, rows: readonly TableRow[], col: number): boolean {
  let fraction = 0;
  let percent = 0;
  for (const r of rows) {
    const cell = cellAt(sheet, r.row, col);
    if (typeof cell.value === 'number' || cell.formula !== undefined) {
      if (isPercentFormat(cell.numberFormat)) fraction++;
      else percent++;
    } else if (typeof cell.value === 'string') percent++;
  }
  return fraction > percent;
}

/**
 * The unit of the amounts: what the title rows above the header (up to 3) or
 * the header cells say (the largest unit named wins: `Belopp i tkr
 * (kr/invånare)` is tkr), else kr when the amount cells' number format is in
 * kronor, else tkr.
 */
function amountUnitOf(sheet: SheetGrid, header: Header, left: number, right: number, rows: readonly TableRow[], amountCols: readonly number[]): AmountUnit {
  const named = new Set<AmountUnit>();
  for (let r = Math.max(0, header.top - 3); r <= header.bottom; r++) {
    for (let c = left; c <= right; c++) {
      const v = cellAt(sheet, r, c).value;
      if (typeof v !== 'string' || v.length > MAX_HEADER_TEXT) continue;
      const unit = unitWordIn(v);
      if (unit !== undefined) named.add(unit);
    }
  }
  if (named.has('mnkr')) return 'mnkr';
  if (named.has('tkr')) return 'tkr';
  if (named.has('kr')) return 'kr';
  let numbers = 0;
  let kr = 0;
  // The amounts share a few formats: each is looked at once.
  const inKronor = new Map<string, boolean>();
  for (let i = 0; i < rows.length && i < 20; i++) {
    const row = (rows[i] as TableRow).row;
    for (const c of amountCols) {
      const cell = cellAt(sheet, row, c);
      if (typeof cell.value !== 'number') continue;
      numbers++;
      const format = cell.numberFormat;
      if (format === undefined) continue;
      let isKr = inKronor.get(format);
      if (isKr === undefined) {
        isKr = KR_FORMAT.test(format);
        inKronor.set(format, isKr);
      }
      if (isKr) kr++;
    }
  }
  return kr > 0 && kr * 2 >= numbers ? 'kr' : 'tkr';
}

/** The nearest text above the header (within 3 rows) that names the table, e.g. the unit. */
function findTitle(sheet: SheetGrid, headerTop: number, left: number, right: number): string | null {
  for (let r = headerTop - 1; r >= 0 && r >= headerTop - 3; r--) {
    for (let c = left; c <= right; c++) {
      const v = cellAt(sheet, r, c).value;
      if (typeof v === 'string' && v.trim() !== '' && v.length <= 120 && classifyHeader(v) === undefined && !hasYear(v)) return v.trim();
    }
  }
  return null;
}
