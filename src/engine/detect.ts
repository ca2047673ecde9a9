/**
 * Table detection: finds RN and kontogrupp tables anywhere on any sheet, with
 * no configuration, from the words and years in their headers.
 */
import { cellAddress, cellAt, isBlank, type Cell, type SheetGrid, type WorkbookGrid } from './grid';
import { errorCodeFromText } from './errors';
import { isPercentFormat, readNumber } from './numbers';
import type { AmountUnit, ExtraColumn, Measure, TableColumn, TableKind, TableRow, VarianceTable } from './table';

type ColumnRole = Measure | 'forecast' | 'forecast-variance' | 'label' | 'other';

const YEAR = /\b(19[9]\d|20\d\d)\b/g;
const LEVEL = /^\s*RN\s?(\d{1,2})\s*$/i;
const KONTOGRUPP = /kontogrupp/i;
const TOTAL_LABEL = /^\s*(summa|totalt?|total|summering|sum)\b/i;
/** A unit or account-group code: KLC, KLÖS, 6A, 3, ÖVA, KGÖK. */
const CODE = /^[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9]{0,7}$/;
const MAX_HEADER_TEXT = 200;

/** The text a header cell shows: strings as they are, years stored as numbers as digits. */
function headerText(cell: Cell): string {
  const v = cell.value;
  if (typeof v === 'string') return v.length > MAX_HEADER_TEXT ? '' : v;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1990 && v <= 2099) return String(v);
  return '';
}

/** What a column header (all header rows joined) says the column holds. */
export function classifyHeader(text: string): ColumnRole | undefined {
  // Case-insensitive patterns on the text as it is (no lower-cased copy per cell: every label of every row comes here),
  // and one test that turns away the texts with none of the words (the labels `KLC   Kansli Centerpartiet`).
  if (!ANY_HEADER_WORD.test(text)) return undefined;
  if (LEVEL.test(text) || KONTOGRUPP.test(text)) return 'label';
  if (/prognos|forecast/i.test(text)) return /avv|avvikelse|diff|variance/i.test(text) ? 'forecast-variance' : 'forecast';
  if (/förändr|forandr|förändring|change|%/i.test(text)) return 'change';
  if (/\bavv|avvikelse|variance|differens/i.test(text)) return 'variance';
  if (/bokslut|closing/i.test(text)) return 'previous';
  if (/utfall|ack|actual|outcome/i.test(text)) return 'actual';
  if (/budget/i.test(text)) return 'budget';
  return undefined;
}

/** Every word the tests below look for; a text without any of them has no role. */
const ANY_HEADER_WORD = /rn|kontogrupp|prognos|forecast|förändr|forandr|change|%|avv|diff|variance|bokslut|closing|utfall|ack|actual|outcome|budget/i;

function yearsIn(text: string): number[] {
  const out: number[] = [];
  // exec on the one global expression: matchAll copies the expression and makes an iterator per call.
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m !== null; m = YEAR.exec(text)) out.push(Number(m[1]));
  return out;
}

/** True when a row looks like part of a header: only header words and years in the given columns. */
function isHeaderishRow(sheet: SheetGrid, row: number, cols: number[], labelCol: number): boolean {
  const label = cellAt(sheet, row, labelCol);
  if (!isBlank(label) && classifyHeader(headerText(label)) !== 'label') return false;
  let seen = 0;
  for (const c of cols) {
    const cell = cellAt(sheet, row, c);
    if (isBlank(cell)) continue;
    const text = headerText(cell);
    if (text === '') return false;
    if (classifyHeader(text) === undefined && yearsIn(text).length === 0) return false;
    seen++;
  }
  return seen > 0;
}

interface HeaderCandidate {
  row: number;
  roles: Map<number, ColumnRole>;
}

/**
 * The rows' roles of the sheet being scanned, each row classified once (the
 * scan looks at a row as a header candidate, as the row after one, and as a
 * body row that might start the next table).
 */
let rolesCache: { sheet: SheetGrid; rows: (ReadonlyMap<number, ColumnRole> | undefined)[] } | undefined;

function rowRoles(sheet: SheetGrid, row: number): ReadonlyMap<number, ColumnRole> {
  if (rolesCache !== undefined && rolesCache.sheet === sheet) {
    let known = rolesCache.rows[row];
    if (known === undefined) {
      known = classifyRow(sheet, row);
      rolesCache.rows[row] = known;
    }
    return known;
  }
  return classifyRow(sheet, row);
}

/** The roles of a row without header words (most rows): one shared empty map, never changed. */
const NO_ROLES: ReadonlyMap<number, ColumnRole> = new Map();

function classifyRow(sheet: SheetGrid, row: number): ReadonlyMap<number, ColumnRole> {
  let roles: Map<number, ColumnRole> | undefined;
  const cells = sheet.cells[row];
  if (cells === undefined) return NO_ROLES;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (cell === undefined || typeof cell.value !== 'string') continue;
    const role = classifyHeader(headerText(cell));
    if (role !== undefined) (roles ??= new Map()).set(c, role);
  }
  return roles ?? NO_ROLES;
}

/**
 * Finds every RN/kontogrupp table in the workbook. Sheets without such tables
 * give none. Never throws.
 */
export function findTables(workbook: WorkbookGrid, onlySheets: readonly string[] = []): VarianceTable[] {
  const out: VarianceTable[] = [];
  for (const sheet of workbook.sheets) {
    if (onlySheets.length > 0 && !onlySheets.includes(sheet.name)) continue;
    out.push(...findTablesOnSheet(sheet));
  }
  return out;
}

/** Finds the tables on one sheet, top to bottom, left to right. */
export function findTablesOnSheet(sheet: SheetGrid): VarianceTable[] {
  const outer = rolesCache;
  rolesCache = { sheet, rows: new Array<ReadonlyMap<number, ColumnRole> | undefined>(sheet.cells.length + 1) };
  try {
    return scanSheet(sheet);
  } finally {
    rolesCache = outer;
  }
}

function scanSheet(sheet: SheetGrid): VarianceTable[] {
  const tables: VarianceTable[] = [];
  const claimed = new Set<string>();
  const rows = sheet.cells.length;
  for (let r = 0; r < rows; r++) {
    const roles = rowRoles(sheet, r);
    if (roles.size === 0) continue;
    // A two-row header may carry the words on the next row; merge them for the test.
    const next = rowRoles(sheet, r + 1);
    const merged = new Map(roles);
    for (const [c, role] of next) if (!merged.has(c)) merged.set(c, role);
    for (const group of splitIntoTableGroups(merged)) {
      const key = `${r}:${group.cols[0]}`;
      if (claimed.has(key)) continue;
      const table = buildTable(sheet, { row: r, roles: group.roles });
      if (table === undefined) continue;
      for (let hr = table.headerTop; hr <= table.headerBottom; hr++) claimed.add(`${hr}:${group.cols[0]}`);
      tables.push(table);
      // Skip the rows this table covers when it is the only group on the row.
      if (group.last) r = Math.max(r, table.headerBottom);
    }
  }
  return dedupe(tables);
}

/** Tables side by side share header rows: split the roles of one row into groups, one per table. */
function splitIntoTableGroups(roles: Map<number, ColumnRole>): { cols: number[]; roles: Map<number, ColumnRole>; last: boolean }[] {
  const cols = [...roles.keys()].sort((a, b) => a - b);
  const groups: { cols: number[]; roles: Map<number, ColumnRole>; last: boolean }[] = [];
  let current: number[] = [];
  const seen = new Set<ColumnRole>();
  const flush = (): void => {
    if (current.length === 0) return;
    const g = new Map<number, ColumnRole>();
    for (const c of current) g.set(c, roles.get(c) as ColumnRole);
    groups.push({ cols: current, roles: g, last: false });
    current = [];
    seen.clear();
  };
  for (const c of cols) {
    const role = roles.get(c) as ColumnRole;
    // A second label column, or a core measure seen again after the change column, starts a new table.
    const repeats = role === 'label' ? current.length > 0 : seen.has(role) && seen.has('change');
    if (repeats) flush();
    current.push(c);
    seen.add(role);
  }
  flush();
  const last = groups[groups.length - 1];
  if (last !== undefined) last.last = groups.length === 1;
  return groups.filter((g) => countCore(g.roles) >= 3);
}

function countCore(roles: Map<number, ColumnRole>): number {
  const core = new Set<ColumnRole>();
  for (const r of roles.values()) if (r !== 'label' && r !== 'other' && r !== 'forecast' && r !== 'forecast-variance') core.add(r);
  return core.size;
}

function buildTable(sheet: SheetGrid, cand: HeaderCandidate): VarianceTable | undefined {
  const valueCols = [...cand.roles.entries()].filter(([, r]) => r !== 'label').map(([c]) => c).sort((a, b) => a - b);
  const firstValueCol = valueCols[0];
  if (firstValueCol === undefined) return undefined;
  const labelEntry = [...cand.roles.entries()].find(([, r]) => r === 'label');

  // Header rows: the keyword row, a year row above it, and a second header row below it.
  let headerTop = cand.row;
  let headerBottom = cand.row;
  const probeLabelCol = labelEntry?.[0] ?? Math.max(0, firstValueCol - 1);
  if (cand.row > 0 && isHeaderishRow(sheet, cand.row - 1, valueCols, probeLabelCol) && headerYearsRow(sheet, cand.row - 1, valueCols)) {
    headerTop = cand.row - 1;
  }
  while (headerBottom + 1 < sheet.cells.length && headerBottom - headerTop < 2 && isHeaderishRow(sheet, headerBottom + 1, valueCols, probeLabelCol)) {
    headerBottom++;
  }

  // Column texts over all header rows, then their roles.
  const texts = new Map<number, string>();
  const lastCol = valueCols[valueCols.length - 1] as number;
  for (let c = Math.min(probeLabelCol, firstValueCol); c <= lastCol; c++) {
    const parts: string[] = [];
    for (let r = headerTop; r <= headerBottom; r++) {
      const t = headerText(cellAt(sheet, r, c)).trim();
      if (t !== '') parts.push(t);
    }
    if (parts.length > 0) texts.set(c, parts.join('\n'));
  }

  let labelCol = labelEntry?.[0];
  const columns: Partial<Record<Measure, TableColumn>> = {};
  const extraColumns: ExtraColumn[] = [];
  const actualCandidates: TableColumn[] = [];
  for (const [c, text] of [...texts.entries()].sort((a, b) => a[0] - b[0])) {
    if (c < firstValueCol) continue;
    const role = classifyHeader(text);
    const col: TableColumn = { col: c, header: text, years: yearsIn(text), headerRow: yearRow(sheet, headerTop, headerBottom, c) };
    if (role === undefined || role === 'label' || role === 'other') continue;
    if (role === 'forecast' || role === 'forecast-variance') {
      extraColumns.push({ ...col, kind: role });
    } else if (role === 'actual') {
      actualCandidates.push(col);
    } else if (columns[role] === undefined) {
      columns[role] = col;
    } else {
      extraColumns.push({ ...col, kind: 'other' });
    }
  }
  // "Utfall 2020" beside "Utfall 2021": the earlier one is last year's actual.
  actualCandidates.sort((a, b) => (a.years[0] ?? 0) - (b.years[0] ?? 0) || a.col - b.col);
  if (actualCandidates.length >= 2 && columns.previous === undefined) columns.previous = actualCandidates.shift();
  const actual = actualCandidates.shift();
  if (actual !== undefined) columns.actual = actual;
  for (const c of actualCandidates) extraColumns.push({ ...c, kind: 'other' });

  const core = (['previous', 'actual', 'budget', 'variance', 'change'] as const).filter((m) => columns[m] !== undefined);
  if (core.length < 3 || columns.actual === undefined) return undefined;
  const leftmostValue = Math.min(...core.map((m) => (columns[m] as TableColumn).col));

  if (labelCol === undefined) labelCol = guessLabelColumn(sheet, headerBottom + 1, leftmostValue);
  if (labelCol === undefined) return undefined;
  let nameCol: number | null = null;
  if (labelCol + 1 < leftmostValue && hasTextBelow(sheet, headerBottom + 1, labelCol + 1)) nameCol = labelCol + 1;

  const valueColumnIndexes = [...core.map((m) => (columns[m] as TableColumn).col), ...extraColumns.map((e) => e.col)];
  const body = readBody(sheet, headerBottom + 1, labelCol, nameCol, valueColumnIndexes);
  if (body.rows.length === 0 && body.total === null) return undefined;

  const anchorText = labelEntry === undefined ? '' : (texts.get(labelEntry[0]) ?? '');
  const levelMatch = /RN\s?(\d{1,2})/i.exec(anchorText);
  let kind: TableKind;
  let level: string | null = null;
  if (levelMatch !== null) {
    kind = 'rn';
    level = `RN${levelMatch[1]}`;
  } else if (KONTOGRUPP.test(anchorText)) {
    kind = 'kontogrupp';
  } else {
    kind = body.rows.length > 0 && body.rows.every((r) => /^\d[A-Z]?$/.test(r.code)) ? 'kontogrupp' : 'rn';
  }

  const bottom = body.total?.row ?? (body.rows[body.rows.length - 1] as TableRow).row;
  const right = Math.max(...valueColumnIndexes);
  const changeCol = columns.change?.col;
  const top = headerTop;
  return {
    id: `${sheet.name}!${cellAddress(top, labelCol)}:${cellAddress(bottom, right)}`,
    sheet: sheet.name,
    kind,
    level,
    title: findTitle(sheet, headerTop, labelCol, right),
    headerTop,
    headerBottom,
    labelCol,
    nameCol,
    columns,
    extraColumns,
    convention: 'costs-negative',
    changeUnit: changeCol === undefined ? 'percent' : changeUnitOf(sheet, body.rows, body.total, changeCol),
    unit: amountUnitOf(sheet, headerTop, headerBottom, Math.min(labelCol, leftmostValue), right, body.rows, core.filter((m) => m !== 'change').map((m) => (columns[m] as TableColumn).col)),
    rows: body.rows,
    total: body.total,
    top,
    left: labelCol,
    bottom,
    right,
  };
}

function headerYearsRow(sheet: SheetGrid, row: number, cols: number[]): boolean {
  return cols.some((c) => yearsIn(headerText(cellAt(sheet, row, c))).length > 0);
}

/** The header row whose cell in column c names the years (the top one if none does). */
function yearRow(sheet: SheetGrid, top: number, bottom: number, c: number): number {
  for (let r = top; r <= bottom; r++) if (yearsIn(headerText(cellAt(sheet, r, c))).length > 0) return r;
  return top;
}

function labelTextOf(cell: Cell): string {
  const v = cell.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 100) return String(v);
  return '';
}

function guessLabelColumn(sheet: SheetGrid, firstRow: number, leftmostValue: number): number | undefined {
  for (let c = leftmostValue - 1; c >= 0 && c >= leftmostValue - 3; c--) {
    if (hasTextBelow(sheet, firstRow, c)) {
      // Code and name in two columns: the code is the one further left.
      if (c - 1 >= 0 && hasTextBelow(sheet, firstRow, c - 1)) return c - 1;
      return c;
    }
  }
  return undefined;
}

function hasTextBelow(sheet: SheetGrid, firstRow: number, col: number): boolean {
  for (let r = firstRow; r < firstRow + 4 && r < sheet.cells.length; r++) {
    if (labelTextOf(cellAt(sheet, r, col)).trim() !== '') return true;
  }
  return false;
}

/** Splits a padded label into code and name: `KLC   Kansli Centerpartiet` → KLC / Kansli Centerpartiet. */
export function splitLabel(label: string): { code: string; name: string } {
  splitLabelInto(label, LABEL);
  return { code: LABEL.code, name: LABEL.name };
}

/** A row's label as read by `readLabel` (one object, reused: detection reads every row of every table). */
const LABEL = { code: '', name: '', text: '' };

/** JavaScript's `\s` (and what `trim` takes off): white space and line terminators. */
function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** `CODE.test(text.slice(from, to))` without the slice. */
function isCodeSpan(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 8) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 0xc5 || c === 0xc4 || c === 0xd6)) return false;
  }
  return true;
}

/**
 * `splitLabel` into `out.code` and `out.name`. A code, a run of white space,
 * then the name on one line (as `/^(\S+)\s+(.+)$/` reads it); a label that is
 * only a short code is a code; anything else is a name.
 */
function splitLabelInto(label: string, out: { code: string; name: string }): void {
  const t = (label.includes('\u00A0') ? label.replace(/\u00A0/g, ' ') : label).trim();
  const n = t.length;
  let i = 0;
  while (i < n && !isSpaceCode(t.charCodeAt(i))) i++;
  if (i < n) {
    // t is trimmed: a name follows the white space.
    let j = i + 1;
    while (isSpaceCode(t.charCodeAt(j))) j++;
    let oneLine = true;
    for (let k = j; k < n && oneLine; k++) oneLine = !isLineTerminator(t.charCodeAt(k));
    // CODE admits only capitals and digits: a code is never a word in lower case.
    if (oneLine && isCodeSpan(t, 0, i)) {
      out.code = t.slice(0, i);
      out.name = t.slice(j);
      return;
    }
  } else if (n <= 6 && isCodeSpan(t, 0, n)) {
    out.code = t;
    out.name = '';
    return;
  }
  out.code = '';
  out.name = t;
}

/** A row's code, name and label text (code and name joined), into `LABEL`. */
function readLabel(sheet: SheetGrid, row: number, labelCol: number, nameCol: number | null): typeof LABEL {
  const first = labelTextOf(cellAt(sheet, row, labelCol)).trim();
  if (nameCol !== null) {
    const name = labelTextOf(cellAt(sheet, row, nameCol)).trim();
    if (first !== '' && CODE.test(first)) {
      LABEL.code = first;
      LABEL.name = name;
      LABEL.text = name === '' ? first : `${first} ${name}`;
      return LABEL;
    }
    if (first === '' && name !== '') {
      LABEL.code = '';
      LABEL.name = name;
      LABEL.text = name;
      return LABEL;
    }
  }
  splitLabelInto(first, LABEL);
  LABEL.text = first;
  return LABEL;
}

function valuesBlank(sheet: SheetGrid, row: number, cols: number[]): boolean {
  for (let i = 0; i < cols.length; i++) if (!isBlank(cellAt(sheet, row, cols[i] as number))) return false;
  return true;
}

/**
 * A row of figures: numbers, errors and formulas, with perhaps a little text
 * among them (a marker `e.j.`, `ca 300`, error text the adapter did not mark),
 * which the rules report; never a row with header words in it.
 */
function looksLikeValueRow(sheet: SheetGrid, row: number, cols: number[]): boolean {
  let values = 0;
  let texts = 0;
  for (let i = 0; i < cols.length; i++) {
    const cell = cellAt(sheet, row, cols[i] as number);
    if (isBlank(cell)) continue;
    // Any number is a figure here, also one no rule can use (1E+308, NaN from a broken export): the rules report it.
    if (cell.error !== undefined || typeof cell.value === 'number' || readNumber(cell) !== undefined || cell.formula !== undefined) values++;
    else if (typeof cell.value === 'boolean') texts++;
    else if (typeof cell.value === 'string' && errorCodeFromText(cell.value) !== undefined) values++;
    else if (typeof cell.value !== 'string' || cell.value.length > MAX_HEADER_TEXT || classifyHeader(cell.value) !== undefined || yearsIn(cell.value).length > 0) return false;
    else texts++;
  }
  return values > 0 && texts < values;
}

function readBody(
  sheet: SheetGrid,
  firstRow: number,
  labelCol: number,
  nameCol: number | null,
  valueCols: number[],
): { rows: TableRow[]; total: TableRow | null } {
  const rows: TableRow[] = [];
  let total: TableRow | null = null;
  let blankRun = 0;
  for (let r = firstRow; r < sheet.cells.length; r++) {
    const label = readLabel(sheet, r, labelCol, nameCol);
    const blankValues = valuesBlank(sheet, r, valueCols);
    if (label.text === '' && blankValues) {
      blankRun++;
      if (blankRun > 1 || rows.length === 0) break;
      continue;
    }
    if (TOTAL_LABEL.test(label.text)) {
      if (looksLikeValueRow(sheet, r, valueCols)) total = { row: r, code: '', name: label.text };
      break;
    }
    if (label.text === '') {
      // An unlabelled row of numbers after the data (after an optional blank row) is the total.
      if (rows.length > 0 && looksLikeValueRow(sheet, r, valueCols)) total = { row: r, code: '', name: '' };
      break;
    }
    if (blankRun > 0) break; // a labelled row after a blank row belongs to something else
    if (rowRoles(sheet, r).size >= 2) break; // the next table's header
    if (!looksLikeValueRow(sheet, r, valueCols) && !(blankValues && label.code !== '')) break;
    rows.push({ row: r, code: label.code, name: label.name });
  }
  return { rows, total };
}

/** Förändr% as a fraction (`0,0%`) or × 100 (`0,0`): the number format of the column's cells decides. */
function changeUnitOf(sheet: SheetGrid, rows: TableRow[], total: TableRow | null, col: number): 'percent' | 'fraction' {
  let fraction = 0;
  let percent = 0;
  for (let i = 0; i <= rows.length; i++) {
    const r = i < rows.length ? (rows[i] as TableRow) : total;
    if (r === null) break;
    const cell = cellAt(sheet, r.row, col);
    if (typeof cell.value === 'number' || cell.formula !== undefined) {
      if (isPercentFormat(cell.numberFormat)) fraction++;
      else percent++;
    } else if (typeof cell.value === 'string') {
      percent++;
    }
  }
  return fraction > percent ? 'fraction' : 'percent';
}

/** `tkr`, `kr`, `kronor`, `tusen kronor`, `mnkr` … as words (not inside `Kronoberg`). */
const UNIT_WORD = /(?<![\p{L}\p{N}])(tkr|tkr\.|tusen\s+kronor|tusental\s+kronor|mnkr|mkr|miljoner\s+kronor|kr|kronor)(?![\p{L}\p{N}])/giu;

/** What a text says about the unit: 'kr', 'tkr' (thousands or millions: not kr), or nothing. */
function unitWordIn(text: string): AmountUnit | undefined {
  let found: AmountUnit | undefined;
  for (const m of text.matchAll(UNIT_WORD)) {
    const raw = m[1] as string;
    const w = raw.toLowerCase().replace(/\s+/g, ' ');
    // `KR` in capitals is a unit code (`KR   Kommunrevisionen`), not kronor.
    if (w === 'kr' || w === 'kronor') {
      if (raw !== 'KR') found ??= 'kr';
    } else return 'tkr';
  }
  return found;
}

/**
 * The unit of a table's amounts: tkr unless the title rows above the header
 * (up to 3), the header cells, or the amount cells' number format say kr.
 * Any mention of tkr (or mnkr) wins over a bare kr (`Belopp i tkr (kr/invånare)`).
 */
function amountUnitOf(sheet: SheetGrid, headerTop: number, headerBottom: number, left: number, right: number, rows: TableRow[], amountCols: number[]): AmountUnit {
  let kr = false;
  for (let r = Math.max(0, headerTop - 3); r <= headerBottom; r++) {
    for (let c = left; c <= right; c++) {
      const v = cellAt(sheet, r, c).value;
      if (typeof v !== 'string' || v.length > MAX_HEADER_TEXT) continue;
      const u = unitWordIn(v);
      if (u === 'tkr') return 'tkr';
      if (u === 'kr') kr = true;
    }
  }
  if (kr) return 'kr';
  // A currency format (KR_FORMAT) in most amount cells of the first rows.
  let krFormat = 0;
  let other = 0;
  // A column's cells share their format: each format is read once.
  let format: string | undefined;
  let isKr = false;
  for (let i = 0; i < rows.length && i < 20; i++) {
    const row = rows[i] as TableRow;
    for (const c of amountCols) {
      const cell = cellAt(sheet, row.row, c);
      if (typeof cell.value !== 'number') continue;
      const f = cell.numberFormat ?? '';
      if (f !== format) {
        format = f;
        isKr = KR_FORMAT.test(f);
      }
      if (isKr) krFormat++;
      else other++;
    }
  }
  return krFormat > 0 && krFormat >= other ? 'kr' : 'tkr';
}

/** A currency format in kronor: `#,##0 "kr"`, `[$kr-41D] #,##0` (but not `"tkr"`). */
const KR_FORMAT = /"\s*kr\.?\s*"|\[\$kr[-\]]|\\k\\r/i;

/** The nearest text above the header (within 3 rows) that names the table, e.g. the unit. */
function findTitle(sheet: SheetGrid, headerTop: number, left: number, right: number): string | null {
  for (let r = headerTop - 1; r >= 0 && r >= headerTop - 3; r--) {
    for (let c = left; c <= right; c++) {
      const v = cellAt(sheet, r, c).value;
      if (typeof v === 'string' && v.trim() !== '' && v.length <= 120 && classifyHeader(v) === undefined && yearsIn(v).length === 0) {
        return v.trim();
      }
    }
  }
  return null;
}

function dedupe(tables: VarianceTable[]): VarianceTable[] {
  const out: VarianceTable[] = [];
  for (const t of tables) {
    if (out.some((o) => o.headerTop <= t.headerBottom && t.headerTop <= o.bottom && o.left <= t.right && t.left <= o.right)) continue;
    out.push(t);
  }
  return out;
}
