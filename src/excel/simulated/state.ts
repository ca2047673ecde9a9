/**
 * The test host's workbook: cells as Excel keeps them (value, formula, number
 * format, fill, note), with Excel's rules for what a written value becomes.
 * No Office.js, no Node: used by tests and by demo mode in the browser.
 */
import { type ErrorCode, errorCodeFromText, errorTextEnUs, type WorkbookGrid } from '../../engine';
import type { Rect } from '../address';
import { evaluate, understands, type Scalar } from './evaluator';

export interface HostFill {
  /** `None` (no fill), `Solid`, or another pattern name. */
  pattern: string;
  /** `#RRGGBB`; meaningful when the pattern is not `None`. */
  color: string;
  patternColor: string;
}

export const NO_FILL: HostFill = Object.freeze({ pattern: 'None', color: '#FFFFFF', patternColor: '#000000' }) as HostFill;

export interface HostCell {
  value: number | string | boolean | null;
  error?: ErrorCode;
  /** en-US formula with `=`. */
  formula?: string;
  numberFormat: string;
  fill: HostFill;
  /**
   * A linked data type (Stocks, Geography) or an entity: the cell shows
   * `text`, `values` gives `#VALUE!` and `valuesAsJson` basicType "Error"
   * (learn.microsoft.com/office/dev/add-ins/excel/excel-data-types-concepts).
   */
  dataType?: { type: 'Entity' | 'LinkedEntity'; text: string };
}

/** A conditional format (ExcelApi 1.6) as Excel keeps it; see `conditional-formats.ts`. */
export interface HostConditionalFormat {
  /** `Custom` (the type the host models fully), `CellValue`, `DataBar` … */
  type: string;
  /** The cells it applies to. */
  ranges: Rect[];
  /** A custom format's rule formula (en-US), '' until set. */
  formula: string;
  /** The fill it shows while its rule is met (`#RRGGBB`), null for none. */
  fill: string | null;
}

/** A list data validation (ExcelApi 1.8) as Excel keeps it: the cells it covers, the list, its error alert. */
export interface HostDataValidation {
  rects: Rect[];
  /** The comma-separated values. */
  source: string;
  inCellDropDown: boolean;
  alert: { message: string; showAlert: boolean; style: string; title: string };
}

/** A chart (ExcelApi 1.1) as the add-in sees it; see `charts.ts`. */
export interface HostChart {
  id: string;
  name: string;
  type: string;
  /** The source data's sheet and range (`A1:B17`). */
  sourceSheet: string;
  source: string;
  seriesBy: string;
  title: string;
  valueAxisTitle: string;
  legendVisible: boolean;
  /** The cells it covers (`D2:L20`). */
  position: string;
}

export interface HostSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  rows: (HostCell | undefined)[][];
  notes: Map<string, string>;
  /** 0-based indexes of hidden columns. */
  hiddenColumns: Set<number>;
  /** Conditional formats, highest priority first (none when absent). */
  conditionalFormats?: HostConditionalFormat[];
  /** List data validations (none when absent); see `data-validation.ts`. */
  dataValidations?: HostDataValidation[];
  /** Charts on the sheet (none when absent). */
  charts?: HostChart[];
}

/** A new, empty, visible sheet (what `worksheets.add` creates). */
export function newSheet(name: string): HostSheet {
  return { name, visibility: 'Visible', protected: false, rows: [], notes: new Map(), hiddenColumns: new Set() };
}

/** Error texts as Swedish Excel shows them. */
const SV_ERRORS: Partial<Record<ErrorCode, string>> = {
  DIV_BY_ZERO: '#DIVISION/0!',
  NA: '#SAKNAS!',
  NAME: '#NAMN?',
  NULL: '#SKÄRNING!',
  NUM: '#OGILTIGT!',
  REF: '#REFERENS!',
  VALUE: '#VÄRDEFEL!',
  CALC: '#BERÄKNING!',
};

/** The text an error value shows in a display language. */
export function errorDisplayText(code: ErrorCode, language: string): string {
  if (/^sv\b/i.test(language)) return SV_ERRORS[code] ?? errorTextEnUs(code);
  return errorTextEnUs(code);
}

export function emptyCell(): HostCell {
  return { value: null, numberFormat: 'General', fill: NO_FILL };
}

export function isEmptyContent(c: HostCell | undefined): boolean {
  return c === undefined || (c.value === null && c.error === undefined && c.formula === undefined && c.dataType === undefined);
}

/** Builds the host's sheets from a grid (formulas keep their calculated values). */
export function sheetsFromGrid(grid: WorkbookGrid): HostSheet[] {
  return grid.sheets.map((s) => ({
    name: s.name,
    visibility: s.hidden === true ? 'Hidden' : 'Visible',
    protected: false,
    notes: new Map(),
    hiddenColumns: new Set<number>(),
    rows: s.cells.map((row) =>
      (row ?? []).map((c) => {
        if (c === undefined) return undefined;
        const cell = emptyCell();
        if (c.numberFormat !== undefined) cell.numberFormat = c.numberFormat;
        if (c.formula !== undefined) cell.formula = c.formula;
        if (c.error !== undefined && c.errorIsText !== true) cell.error = c.error;
        else cell.value = c.value;
        return cell;
      }),
    ),
  }));
}

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, maj: 4, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, okt: 9, oct: 9, nov: 10, dec: 11 };

/**
 * A month and year Excel takes for a date when typed into a General cell
 * ("May 2021", "Jan-21", "maj 2021"): the date serial of the month's first
 * day, else undefined. Excel's documentation does not list what it parses;
 * the simulated Excel does this much so that text written without the Text
 * format can be caught.
 */
export function monthYearSerial(text: string): number | undefined {
  const m = /^([a-zåäö]{3})[a-zåäö]*\.?[-\s](\d{2}|\d{4})$/i.exec(text.trim());
  const month = m === null ? undefined : MONTHS[(m[1] as string).toLowerCase()];
  if (m === null || month === undefined) return undefined;
  const y = Number(m[2]);
  const year = (m[2] as string).length === 2 ? (y < 30 ? 2000 + y : 1900 + y) : y;
  return Math.round((Date.UTC(year, month, 1) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

const NUMBER_TEXT = /^[+-]?(\d[\d\u00a0 ]*)([.,]\d+)?(E[+-]?\d+)?%?$/i;

/**
 * What Excel makes of a string entered into a cell (through `values`, or a
 * constant through `formulas`): a formula, a number, a boolean, an error
 * value, or text. A cell formatted as Text (`@`) keeps the string as text; a
 * leading apostrophe makes text (and is not part of the value).
 */
export function interpretEntry(text: string, numberFormat: string): Pick<HostCell, 'value' | 'error' | 'formula'> {
  if (numberFormat === '@') return { value: text };
  if (text === '') return { value: null };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.length > 1 && text.startsWith('=')) return { value: null, formula: text };
  const t = text.trim();
  const date = monthYearSerial(t);
  if (date !== undefined) return { value: date };
  if (NUMBER_TEXT.test(t)) {
    const percent = t.endsWith('%');
    const n = Number(t.replace(/[\u00a0 %]/g, '').replace(',', '.'));
    if (Number.isFinite(n)) return { value: percent ? n / 100 : n };
  }
  if (/^[+-]./.test(t)) return { value: null, formula: `=${t}` }; // Excel reads "-abc" as the formula =-abc
  const error = errorCodeFromText(t);
  if (error !== undefined) return { value: null, error };
  if (/^(TRUE|SANT)$/i.test(t)) return { value: true };
  if (/^(FALSE|FALSKT)$/i.test(t)) return { value: false };
  return { value: text };
}

/** Recalculates every formula in the workbook (all sheets; memoised, cycles give #REF!). */
export function recalculate(sheets: readonly HostSheet[]): void {
  const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s] as const));
  const done = new Map<HostCell, Scalar>();
  const busy = new Set<HostCell>();
  const valueOf = (sheet: HostSheet, row: number, col: number): Scalar => {
    const cell = sheet.rows[row]?.[col];
    if (cell === undefined) return null;
    // A formula the evaluator does not know keeps the value Excel calculated (the host does not guess).
    if (cell.formula === undefined || !understands(cell.formula)) return cell.error !== undefined ? { error: cell.error } : cell.value;
    const known = done.get(cell);
    if (known !== undefined) return known;
    if (busy.has(cell)) return { error: 'REF' };
    busy.add(cell);
    const v = evaluate(cell.formula, (name, r, c) => {
      const target = name === undefined ? sheet : byName.get(name.toLowerCase());
      return target === undefined ? { error: 'REF' } : valueOf(target, r, c);
    });
    busy.delete(cell);
    done.set(cell, v);
    if (typeof v === 'object' && v !== null) {
      cell.value = null;
      cell.error = v.error;
    } else {
      cell.value = v;
      delete cell.error;
    }
    return v;
  };
  for (const s of sheets) s.rows.forEach((row, r) => row?.forEach((c, col) => (c?.formula !== undefined ? valueOf(s, r, col) : undefined)));
}
