/**
 * What `changeCells` reads and writes: a cell's state, a change to it, the
 * layout change and probe of an action, the snapshot's information, and the
 * pure comparisons between them (no Excel calls here).
 */
import { type CellValue, type ErrorCode } from '../engine';

/** A cell's fill as far as the requirement sets let us read it. */
export interface FillState {
  /** No fill. Without ExcelApi 1.9 a white fill cannot be told from none and counts as none. */
  none: boolean;
  /** `#RRGGBB` (upper case). */
  color: string;
  /** ExcelApi 1.9: the pattern (`Solid`, `Gray25` …) and its colour. */
  pattern?: string;
  patternColor?: string;
}

/** What a cell holds, enough to write it back exactly. */
export interface Content {
  value: CellValue;
  formula?: string;
  /** An error constant (not a formula's result). */
  error?: ErrorCode;
}

export interface CellTarget {
  sheet: string;
  cell: string;
}

/** Everything the add-in may change in a cell, as read before changing it. */
export interface CellState extends CellTarget, Content {
  numberFormat: string;
  fill: FillState;
  /** The cell's note (ExcelApi 1.18), null for none; absent when notes were not read. */
  note?: string | null;
}

/** One cell's change: only the parts given are written. */
export interface CellChange extends CellTarget {
  content?: Content;
  numberFormat?: string;
  fill?: FillState;
  /** A note to add or set (ExcelApi 1.18), or null to delete the cell's note. */
  note?: string | null;
}

/** A column of a sheet, 0-based. */
export interface ColumnRef {
  sheet: string;
  col: number;
}

/**
 * What an action changes besides cells, written in the same batch: sheets
 * added before the cells are written; columns hidden or shown, sheets'
 * visibility set, and sheets deleted after.
 */
export interface LayoutChange {
  addSheets?: string[];
  columns?: (ColumnRef & { hidden: boolean })[];
  sheets?: { name: string; visibility: string }[];
  deleteSheets?: string[];
}

/** What of the layout a snapshot reads (besides the target cells). */
export interface LayoutProbe {
  /** Whether these columns are hidden (sheets that exist). */
  columns?: readonly ColumnRef[];
  /** These sheets' visibility, and how many sheets are visible. */
  sheets?: readonly string[];
  /** The cells holding anything on these sheets (to know whether a sheet holds only what the add-in wrote). */
  contentsOf?: readonly string[];
}

export interface SnapshotInfo {
  readOnly: boolean;
  protectedSheets: ReadonlySet<string>;
  missingSheets: ReadonlySet<string>;
  /** `sheet\u0000col` → hidden, for the probed columns of existing sheets. */
  columnHidden: ReadonlyMap<string, boolean>;
  /** Probed sheets' visibility (existing ones). */
  visibility: ReadonlyMap<string, string>;
  /** How many sheets are visible (when sheets were probed). */
  visibleSheets: number;
  /** Probed sheets' non-empty cells (A1 addresses). */
  contents: ReadonlyMap<string, ReadonlySet<string>>;
}

export function columnKey(c: ColumnRef): string {
  return `${c.sheet}\u0000${c.col}`;
}

/** The layout change that undoes `forward`, given the state before it (sheets it added are deleted). */
export function inverseLayout(forward: LayoutChange, info: SnapshotInfo): LayoutChange {
  const back: LayoutChange = {};
  if (forward.addSheets !== undefined && forward.addSheets.length > 0) back.deleteSheets = [...forward.addSheets];
  const added = new Set(forward.addSheets ?? []);
  const columns = (forward.columns ?? []).filter((c) => !added.has(c.sheet)).map((c) => ({ sheet: c.sheet, col: c.col, hidden: info.columnHidden.get(columnKey(c)) ?? false }));
  if (columns.length > 0) back.columns = columns;
  const sheets = (forward.sheets ?? []).filter((x) => !added.has(x.name)).map((x) => ({ name: x.name, visibility: info.visibility.get(x.name) ?? 'Visible' }));
  if (sheets.length > 0) back.sheets = sheets;
  return back;
}

export function isEmptyLayout(l: LayoutChange | undefined): boolean {
  return l === undefined || ((l.addSheets ?? []).length === 0 && (l.columns ?? []).length === 0 && (l.sheets ?? []).length === 0 && (l.deleteSheets ?? []).length === 0);
}

/** True when Excel would not keep this string as the text it is. */
export function needsTextFormat(text: string): boolean {
  return /^\s*[=+\-@#'\d.,(\u2212$€£%]/.test(text) || /^\s*(true|false|sant|falskt)\s*$/i.test(text);
}

/** Formula text compared the way Excel normalises it (case and spaces outside strings). */
export function normalizeFormula(f: string): string {
  return f
    .split('"')
    .map((part, i) => (i % 2 === 0 ? part.replace(/\s+/g, '').toUpperCase() : part))
    .join('"');
}

function sameValue(a: CellValue, b: CellValue): boolean {
  const blank = (v: CellValue): boolean => v === null || v === '';
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

/**
 * Whether a cell holds `content`. A formula is compared by its text; a
 * constant by its value. An empty `content` (value null, no error) also
 * matches an error constant: the engine's `CellContent` does not carry errors.
 */
export function holds(state: Content, content: Content): boolean {
  if (content.formula !== undefined) return state.formula !== undefined && normalizeFormula(state.formula) === normalizeFormula(content.formula);
  if (state.formula !== undefined) return false;
  if (content.error !== undefined) return state.error === content.error;
  if (content.value === null && state.error !== undefined && state.value === null) return true;
  return state.error === undefined || state.value !== null ? sameValue(state.value, content.value) : false;
}

export function sameFill(a: FillState, b: FillState): boolean {
  if (a.none || b.none) return a.none === b.none;
  return a.color.toUpperCase() === b.color.toUpperCase() && (a.pattern ?? 'Solid') === (b.pattern ?? 'Solid') && (a.patternColor ?? '') === (b.patternColor ?? '');
}

export function key(t: CellTarget): string {
  return `${t.sheet}\u0000${t.cell}`;
}

/** The change that puts a cell back to `before`, touching only what `change` changed. */
export function restoreChange(before: CellState, change: CellChange): CellChange {
  const back: CellChange = { sheet: before.sheet, cell: before.cell };
  if (change.content !== undefined) back.content = contentOf(before);
  if (change.content !== undefined || change.numberFormat !== undefined) back.numberFormat = before.numberFormat;
  if (change.fill !== undefined) back.fill = before.fill;
  if (change.note !== undefined && before.note !== undefined) back.note = before.note;
  return back;
}

export function contentOf(s: Content): Content {
  const c: Content = { value: s.value };
  if (s.formula !== undefined) c.formula = s.formula;
  if (s.error !== undefined) c.error = s.error;
  return c;
}

/** Whether a cell's state already is what `change` would make it (so writing it back is not needed). */
export function satisfied(state: CellState, change: CellChange): boolean {
  if (change.content !== undefined && !(holds(state, change.content) && (change.content.error !== undefined || state.error === undefined || change.content.value !== null))) return false;
  if (change.numberFormat !== undefined && change.numberFormat !== state.numberFormat) return false;
  if (change.fill !== undefined && !sameFill(change.fill, state.fill)) return false;
  if (change.note !== undefined && change.note !== state.note) return false;
  return true;
}
