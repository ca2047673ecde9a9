/**
 * Reading a table's body under its header: the label column, each row's code
 * and name, and what each row is — a row of figures, a section row without
 * figures (`Gemensamma verksamheter`), a labelled sum (`Summa gemensamt`,
 * `Totalt`) or the unlabelled total after the last row.
 */
import { errorCodeFromText } from '../errors';
import { cellAt, isBlank, type Cell, type SheetGrid } from '../grid';
import { isMarkerText, readNumber } from '../numbers';
import type { TableRow } from '../table';
import { classifyHeader, CODE, isResultLabel, isSumLabel, MAX_HEADER_TEXT, rowOfLabel, hasYear } from './words';

/** What a row of the body is: a row of figures, a labelled sum (`Summa`, `Totalt`) or the unlabelled total after the last row. */
export type RowKind = 'figures' | 'sum' | 'total';

/**
 * A table's body under its header. `rows` are the rows with figures (and
 * coded units with nothing booked yet), the sums and the total, in sheet
 * order and as the table lists them; `kinds[i]` says what `rows[i]` is.
 * Section rows stand apart, in `sections`.
 */
export interface Body {
  rows: TableRow[];
  kinds: RowKind[];
  /** The indexes of the rows of figures whose labels name a result the figures above may add up to (Netto, Resultat), top to bottom. */
  resultRows: number[];
  /** Rows with a label and no figures that head a group of rows (`Gemensamma verksamheter`). */
  sections: TableRow[];
}

/** The text of a label cell: text as it is, a small whole number (kontogrupp `3`) as digits. */
function labelTextOf(cell: Cell): string {
  const v = cell.value;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 100) return String(v);
  return '';
}

const LETTER = /\p{L}/u;

/** True when some of the first rows have a label with letters in the column. */
function hasTextBelow(sheet: SheetGrid, firstRow: number, col: number): boolean {
  for (let r = firstRow; r < firstRow + 6 && r < sheet.cells.length; r++) {
    const v = cellAt(sheet, r, col).value;
    if (typeof v === 'string' && LETTER.test(v)) return true;
  }
  return false;
}

/**
 * The label column when the header does not name it: the nearest column left
 * of the figures (up to eight columns away, past a Not column) with text in
 * it. Code and name in two columns: the code is the one further left.
 */
export function guessLabelColumn(sheet: SheetGrid, firstRow: number, leftmostValue: number, skip: ReadonlySet<number>): number | undefined {
  for (let c = leftmostValue - 1; c >= 0 && c >= leftmostValue - 8; c--) {
    if (skip.has(c) || !hasTextBelow(sheet, firstRow, c)) continue;
    if (c - 1 >= 0 && hasCodesBelow(sheet, firstRow, c - 1)) return c - 1;
    return c;
  }
  return undefined;
}

/** True when the column holds codes (KLC, 6A) in its first rows. */
function hasCodesBelow(sheet: SheetGrid, firstRow: number, col: number): boolean {
  for (let r = firstRow; r < firstRow + 6 && r < sheet.cells.length; r++) {
    const t = labelTextOf(cellAt(sheet, r, col));
    if (t !== '' && CODE.test(t)) return true;
  }
  return false;
}

/** The name column beside the label column, when the codes and names stand in two columns. */
export function nameColumnOf(sheet: SheetGrid, firstRow: number, labelCol: number, leftmostValue: number): number | null {
  return labelCol + 1 < leftmostValue && hasTextBelow(sheet, firstRow, labelCol + 1) ? labelCol + 1 : null;
}

/**
 * A row's whole label from its label cell's text and, when codes and names
 * stand in two columns, the name cell's (`second`, undefined without a name
 * column): the code and the name joined.
 */
function labelText(first: string, second: string | undefined): string {
  if (second === undefined || second === '') return first;
  if (first === '') return second;
  return CODE.test(first) ? `${first} ${second}` : first;
}

/** The table row a label makes: the code and the name from two columns, or the one label cell split (`KLC   Kansli Centerpartiet`). */
function labelledRow(row: number, first: string, second: string | undefined): TableRow {
  if (second !== undefined) {
    if (first !== '' && CODE.test(first)) return { row, code: first, name: second };
    if (first === '' && second !== '') return { row, code: '', name: second };
  }
  return rowOfLabel(row, first);
}

/**
 * What a row's value cells hold: nothing, header words (the next table's
 * header, or words among the figures), mostly text, or figures (numbers,
 * errors, formulas) — in at least half of the columns, or in fewer.
 */
type ValueCells = 'blank' | 'headerWords' | 'text' | 'fewFigures' | 'figures';

function readValueCells(sheet: SheetGrid, row: number, cols: readonly number[]): ValueCells {
  let figures = 0;
  let texts = 0;
  let headerWords = false;
  for (let k = 0; k < cols.length; k++) {
    const cell = cellAt(sheet, row, cols[k] as number);
    // An error, a formula or a number is a figure (and never blank): the commonest cells, each read once.
    if (cell.error !== undefined || cell.formula !== undefined || typeof cell.value === 'number') {
      figures++;
      continue;
    }
    if (isBlank(cell)) continue;
    if (readNumber(cell) !== undefined) figures++;
    else if (typeof cell.value === 'string' && isMarkerText(cell.value)) figures++;
    else if (typeof cell.value === 'string' && errorCodeFromText(cell.value) !== undefined) figures++;
    else if (typeof cell.value === 'string' && (cell.value.length > MAX_HEADER_TEXT || classifyHeader(cell.value) !== undefined || hasYear(cell.value))) headerWords = true;
    else texts++;
  }
  if (headerWords) return 'headerWords';
  if (figures === 0 && texts === 0) return 'blank';
  if (figures === 0 || texts >= figures) return 'text';
  return figures * 2 >= cols.length ? 'figures' : 'fewFigures';
}

/**
 * The body's rows from `firstRow` down, until two blank rows, the next
 * table's header, a row that is not figures, or the unlabelled total. Blank
 * rows in between (also right under the header) are passed over; section
 * rows are kept only when figures follow them.
 */
export function readBody(sheet: SheetGrid, firstRow: number, labelCol: number, nameCol: number | null, valueCols: readonly number[]): Body {
  const body: Body = { rows: [], kinds: [], resultRows: [], sections: [] };
  /** Section rows not yet followed by figures. */
  let sections: TableRow[] = [];
  let blankRun = 0;
  let figureRows = 0;
  /** A row of figures, a sum or the total (`label`: its whole label): the section rows above it belong to the table. */
  const keep = (row: TableRow, kind: RowKind, label: string): void => {
    if (sections.length > 0) {
      body.sections.push(...sections);
      sections = [];
    }
    if (kind === 'figures' && isResultLabel(label)) body.resultRows.push(body.rows.length);
    body.rows.push(row);
    body.kinds.push(kind);
    if (kind === 'figures') figureRows++;
  };
  for (let r = firstRow; r < sheet.cells.length; r++) {
    const first = labelTextOf(cellAt(sheet, r, labelCol));
    const second = nameCol === null ? undefined : labelTextOf(cellAt(sheet, r, nameCol));
    const text = labelText(first, second);
    const values = readValueCells(sheet, r, valueCols);
    if (text === '' && values === 'blank') {
      blankRun++;
      if (blankRun > 2 || (blankRun === 2 && body.rows.length > 0)) break;
      continue;
    }
    blankRun = 0;
    if (values === 'headerWords') break;
    const sum = isSumLabel(text);
    if (values === 'blank') {
      // A label without figures: a coded unit with nothing booked yet, or a section heading.
      if (sum) break;
      const row = labelledRow(r, first, second);
      if (row.code !== '') keep(row, 'figures', text);
      else sections.push(row);
      continue;
    }
    if (values === 'text') break;
    if (text === '') {
      // The unlabelled total: its label cell is empty (a date or a figure there is something else) and it
      // has figures in at least half of the value columns, as every total of the table's columns does.
      const unlabelled = isBlank(cellAt(sheet, r, labelCol)) && values === 'figures';
      if (figureRows > 0 && unlabelled) keep({ row: r, code: '', name: '' }, 'total', text);
      break;
    }
    if (sum) keep({ row: r, code: '', name: text }, 'sum', text);
    else keep(labelledRow(r, first, second), 'figures', text);
  }
  return body;
}
