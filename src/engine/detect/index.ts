/**
 * Table detection: finds budget follow-up tables anywhere on any sheet, in
 * any kommun's layout, with no set-up. Top-down: find the header rows
 * (`header.ts`) → read the body under them (`body.ts`) → read the figures
 * and infer the identities they keep (`figures.ts`, `roles.ts`, `sums.ts`)
 * → name the roles, the sign convention and the unit → the table. The rules
 * then check every row against what was found.
 */
import { cellAddress, cellAt, type SheetGrid, type WorkbookGrid } from '../grid';
import { isPercentFormat } from '../numbers';
import type { AmountUnit, TableKind, TableRow, VarianceTable } from '../table';
import { guessLabelColumn, nameColumnOf, readBody, type BodyRow } from './body';
import { readFigures } from './figures';
import { isHeaderRow, readHeader, rowHints, splitSideBySide, type Header } from './header';
import { nameColumns } from './roles';
import { findSums } from './sums';
import { classifyHeader, KR_FORMAT, MAX_HEADER_TEXT, unitWordIn, yearsIn } from './words';

export { classifyHeader, splitLabel } from './words';

/** Finds every follow-up table in the workbook (only on `onlySheets` when given). Never throws. */
export function findTables(workbook: WorkbookGrid, onlySheets: readonly string[] = []): VarianceTable[] {
  return workbook.sheets.filter((s) => onlySheets.length === 0 || onlySheets.includes(s.name)).flatMap(findTablesOnSheet);
}

/** Finds the tables on one sheet, top to bottom, left to right. */
export function findTablesOnSheet(sheet: SheetGrid): VarianceTable[] {
  const tables: VarianceTable[] = [];
  for (let r = 0; r < sheet.cells.length; r++) {
    const hints = rowHints(sheet, r);
    if (hints === undefined || hints.size < 2 || !isHeaderRow(hints, (sheet.cells[r] ?? []).filter((c) => typeof c?.value === 'string').length)) continue;
    for (const cols of splitSideBySide(hints)) {
      if (tables.some((t) => t.headerTop <= r && r <= t.bottom && t.left <= (cols[cols.length - 1] as number) && (cols[0] as number) <= t.right)) continue;
      const table = buildTable(sheet, readHeader(sheet, r, cols, hints));
      if (table !== undefined && !tables.some((t) => overlaps(t, table))) tables.push(table);
    }
  }
  return tables.sort((a, b) => a.top - b.top || a.left - b.left);
}

function overlaps(a: VarianceTable, b: VarianceTable): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
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
  const body = readBody(
    sheet,
    header.bottom + 1,
    labelCol,
    nameCol,
    valueHeaders.map((c) => c.col),
  );
  const figureRows = body.filter((r) => r.kind !== 'section');
  if (!figureRows.some((r) => r.kind === 'figures')) return undefined;

  const readings = readFigures(
    sheet,
    figureRows,
    valueHeaders.map((c) => c.col),
  );
  const changeHeader = valueHeaders.find((c) => c.hint === 'change');
  const fractionFormat = changeHeader !== undefined && percentFormatted(sheet, figureRows, changeHeader.col);
  const named = nameColumns(valueHeaders, readings, fractionFormat);
  const { columns, relations } = named;
  const five = (['previous', 'actual', 'budget', 'variance', 'change'] as const).filter((m) => columns[m] !== undefined);
  const valueCols = [...new Set([...five.map((m) => columns[m]?.col as number), ...named.extraColumns.map((e) => e.col)])].sort((a, b) => a - b);
  const amountCols = valueCols.filter((c) => c !== columns.change?.col && !/%|procent/i.test(valueHeaders.find((h) => h.col === c)?.text ?? ''));
  const sums = findSums(figureRows, readings, amountCols);
  const confirmedSums = [...sums.keys()].some((i) => (figureRows[i] as BodyRow).kind === 'figures');

  // A follow-up table: three of the five with this year's actual (the standard layouts), or figures that keep an identity.
  const standard = five.length >= 3 && columns.actual !== undefined;
  const proven = valueCols.length >= 3 && relations.length > 0;
  const transposed = valueCols.length >= 2 && (columns.actual !== undefined || columns.budget !== undefined) && confirmedSums;
  if (!standard && !proven && !transposed) return undefined;

  const toRow = (r: BodyRow, i: number): TableRow => {
    const parts = sums.get(i);
    const row: TableRow = { row: r.row, code: r.code, name: r.name };
    if (parts !== undefined) row.parts = parts.map((k) => (figureRows[k] as BodyRow).row);
    return row;
  };
  const lastIndex = figureRows.length - 1;
  const lastRow = figureRows[lastIndex] as BodyRow;
  const hasTotal = lastRow.kind === 'total' || lastRow.kind === 'sum';
  const rows = figureRows.map(toRow).slice(0, hasTotal ? lastIndex : undefined);
  const total = hasTotal ? toRow(lastRow, lastIndex) : null;
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
    sections: body.filter((r) => r.kind === 'section').map((r) => ({ row: r.row, code: r.code, name: r.name })),
    changeUnit: fractionFormat ? 'fraction' : (named.changeUnit ?? 'percent'),
    unit: amountUnitOf(sheet, header, left, right, rows, amountCols),
    convention: named.convention,
    rows,
    total,
    top: header.top,
    left: labelCol,
    bottom,
    right,
  };
}

/** RN table (`RN3` over the labels), kontogrupp table (its header, or account-group codes on every row). */
function kindOf(labelText: string, rows: readonly TableRow[]): { kind: TableKind; level: string | null } {
  const level = /RN\s?(\d{1,2})/i.exec(labelText);
  if (level !== null) return { kind: 'rn', level: `RN${level[1]}` };
  if (/kontogrupp/i.test(labelText)) return { kind: 'kontogrupp', level: null };
  return { kind: rows.length > 0 && rows.every((r) => /^\d[A-Z]?$/.test(r.code)) ? 'kontogrupp' : 'rn', level: null };
}

/** Förändr% as a fraction: most of the column's numbers are shown with a % format. */
function percentFormatted(sheet: SheetGrid, rows: readonly BodyRow[], col: number): boolean {
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
  for (const r of rows.slice(0, 20)) {
    for (const c of amountCols) {
      const cell = cellAt(sheet, r.row, c);
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
      if (typeof v === 'string' && v.trim() !== '' && v.length <= 120 && classifyHeader(v) === undefined && yearsIn(v).length === 0) return v.trim();
    }
  }
  return null;
}
