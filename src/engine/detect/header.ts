/**
 * Finding table headers: rows whose words name value columns (two or more
 * hints, or one and the years), widened to the header rows above and below
 * them (years over words, `Avv` over `Budg o Utf`, `Helår` merged over
 * Budget, Prognos and Avvikelse), and each column's text over those rows.
 */
import { cellAt, isBlank, type Cell, type SheetGrid } from '../grid';
import { isMarkerText } from '../numbers';
import { classifyHeader, hasYear, headerText, isValueHint, isYearNumber, MAX_HEADER_TEXT, yearsIn, type HeaderHint } from './words';

/** A column under a header: its text over all header rows and what that text suggests. */
export interface HeaderColumn {
  col: number;
  /** The header rows' texts, top to bottom, joined with a newline. */
  text: string;
  hint: HeaderHint | undefined;
  years: number[];
  /** The header row that names the column's years (the top row if none does). */
  yearRow: number;
}

/** One table's header: its rows, its columns, and the label column its words name (RN3, KONTOGRUPP SUM). */
export interface Header {
  top: number;
  bottom: number;
  columns: HeaderColumn[];
  labelCol: number | undefined;
  /** The label header's text (`RN3`), empty when there is none. */
  labelText: string;
}

/**
 * The hints of a row's cells: text cells by their words, year numbers as
 * `year` when the row holds no other number. Undefined for a row without
 * the texts a header has.
 */
export function rowHints(sheet: SheetGrid, row: number): Map<number, HeaderHint> | undefined {
  const cells = sheet.cells[row] ?? [];
  // A header has words: a row with at most one text among figures (a table's row) has no two hints.
  let texts = 0;
  let figures = false;
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c]?.value;
    if (typeof v === 'string') texts++;
    else if (typeof v === 'number' && !isYearNumber(v)) figures = true;
  }
  if (texts === 0 || (texts === 1 && figures)) return undefined;
  const hints = new Map<number, HeaderHint>();
  const years: number[] = [];
  let otherNumbers = false;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (cell === undefined) continue;
    if (typeof cell.value === 'number') {
      if (headerText(cell) !== '' && cell.formula === undefined) years.push(c);
      else otherNumbers = true;
      continue;
    }
    if (typeof cell.value !== 'string') continue;
    const hint = classifyHeader(cell.value);
    if (hint !== undefined) hints.set(c, hint);
  }
  if (!otherNumbers) for (const c of years) hints.set(c, 'year');
  return hints;
}

/** True when a row's hints make it a header: two words naming value columns, or two years beside a word or a text (`Belopp i mnkr  2022  2023`). */
export function isHeaderRow(hints: ReadonlyMap<number, HeaderHint>, texts: number): boolean {
  let words = 0;
  let years = 0;
  for (const h of hints.values()) {
    if (h === 'year') years++;
    else if (isValueHint(h)) words++;
  }
  return words >= 2 || (words >= 1 && years >= 2) || (years >= 2 && texts >= 1);
}

/**
 * Splits a header row's hinted columns into the tables side by side on it:
 * a label header after value columns, or a measure seen again after the
 * change column, starts the next table.
 */
export function splitSideBySide(hints: ReadonlyMap<number, HeaderHint>): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let seen = new Set<HeaderHint>();
  let lastCol = 0;
  for (const c of hints.keys()) if (c > lastCol) lastCol = c;
  // The hinted columns in sheet order.
  for (let c = 0; c <= lastCol; c++) {
    const hint = hints.get(c);
    if (hint === undefined) continue;
    const repeats = hint === 'label' ? current.some((x) => isValueHint(hints.get(x))) : seen.has(hint) && seen.has('change') && hint !== 'year';
    if (repeats) {
      groups.push(current);
      current = [];
      seen = new Set();
    }
    current.push(c);
    seen.add(hint);
  }
  if (current.length > 0) groups.push(current);
  return groups.filter((g) => g.filter((c) => isValueHint(hints.get(c))).length >= 2);
}

const YEAR_ALONE = /^\s*(199\d|20\d\d)\s*$/;
const FIGURE_TEXT = /^[\s\-−–+]*[\d\s.,]+%?$/;

/** A header cell: words or a year, never a figure or prose. */
function isHeaderCell(cell: Cell): boolean {
  if (typeof cell.value === 'string') {
    const t = cell.value;
    if (t.length > MAX_HEADER_TEXT || isMarkerText(t)) return false;
    return YEAR_ALONE.test(t) || !FIGURE_TEXT.test(t);
  }
  return headerText(cell) !== '';
}

/** True when every filled cell of the row between `from` and `to` is header text, at least one is, and the label cell is not a row's label. */
function isHeaderishRow(sheet: SheetGrid, row: number, from: number, to: number, labelCol: number | undefined): boolean {
  if (row < 0 || row >= sheet.cells.length) return false;
  if (labelCol !== undefined && labelCol < from) {
    const label = cellAt(sheet, row, labelCol);
    if (!isBlank(label) && classifyHeader(headerText(label)) !== 'label') return false;
  }
  let filled = 0;
  for (let c = from; c <= to; c++) {
    const cell = cellAt(sheet, row, c);
    if (isBlank(cell)) continue;
    if (!isHeaderCell(cell)) return false;
    filled++;
  }
  return filled > 0;
}

const PERIOD_WORDS = /helår|ackumulerat|period/i;

/** True when a row above the header names years or roles in the header's columns (not a title). */
function namesColumns(sheet: SheetGrid, row: number, from: number, to: number): boolean {
  for (let c = from; c <= to; c++) {
    const text = headerText(cellAt(sheet, row, c));
    if (text !== '' && (hasYear(text) || isValueHint(classifyHeader(text)) || PERIOD_WORDS.test(text))) return true;
  }
  return false;
}

/**
 * The header around the keyword row `row`, for the hinted columns `cols` of
 * one table: up to three rows, and every column's text over them. A group
 * header merged over several columns (its text in the first) is read as the
 * header of each column under it.
 */
export function readHeader(sheet: SheetGrid, row: number, cols: number[], hints: ReadonlyMap<number, HeaderHint>): Header {
  const labelEntry = cols.find((c) => hints.get(c) === 'label');
  const valueCols = cols.filter((c) => isValueHint(hints.get(c)) || hints.get(c) === 'note');
  let from = valueCols[0] as number;
  let to = valueCols[valueCols.length - 1] as number;
  let top = row;
  let bottom = row;
  // A title above stands in the label column; a year or group header row above stands over the figures.
  if (namesColumns(sheet, row - 1, from, to) && isHeaderishRow(sheet, row - 1, from, to, labelEntry)) top = row - 1;
  // The label column's own header (`Verksamhet`) may stand on a lower header row.
  while (bottom - top < 2 && isHeaderishRow(sheet, bottom + 1, from, to, undefined)) bottom++;

  const textOf = (c: number): string => {
    let text = '';
    for (let r = top; r <= bottom; r++) {
      let t = headerText(cellAt(sheet, r, c)).trim();
      if (t === '' && r < bottom) t = groupHeaderOver(sheet, r, c, from);
      if (t !== '') text = text === '' ? t : `${text}\n${t}`;
    }
    return text;
  };
  // Columns whose words stand only on the other header rows belong to the table too.
  while (isValueHint(classifyHeader(textOf(to + 1)))) to++;
  while (from > 0 && from - 1 !== labelEntry && isValueHint(classifyHeader(textOf(from - 1)))) from--;
  const columns: HeaderColumn[] = [];
  for (let c = from; c <= to; c++) {
    const text = textOf(c);
    if (text === '') continue;
    let yearRow = top;
    for (let r = top; r <= bottom; r++) {
      if (hasYear(headerText(cellAt(sheet, r, c)))) {
        yearRow = r;
        break;
      }
    }
    columns.push({ col: c, text, hint: classifyHeader(text), years: yearsIn(text), yearRow });
  }
  return { top, bottom, columns, labelCol: labelEntry, labelText: labelEntry === undefined ? '' : headerText(cellAt(sheet, row, labelEntry)) };
}

/**
 * The text of a group header merged over the column (Excel keeps it in the
 * merge's first cell): the nearest text to the left on the same row, with
 * only empty cells between, when the column has a header of its own below.
 * Years are each column's own and are never spread.
 */
function groupHeaderOver(sheet: SheetGrid, row: number, col: number, from: number): string {
  if (headerText(cellAt(sheet, row + 1, col)).trim() === '') return '';
  for (let c = col - 1; c >= from; c--) {
    const cell = cellAt(sheet, row, c);
    if (isBlank(cell)) continue;
    const t = headerText(cell).trim();
    return t !== '' && !hasYear(t) && !isValueHint(classifyHeader(t)) ? t : '';
  }
  return '';
}
