/**
 * Writing cells, all of one action in one batch, and never half of it.
 *
 * `changeCells` is the one way the add-in changes a workbook:
 * 1. one sync reads every target cell's state (value, formula, number format,
 *    value type, fill) together with its sheet's protection and the
 *    workbook's read-only flag (ExcelApi 1.8);
 * 2. the caller decides the changes from that state (and may refuse:
 *    `stale`, `protected`, `readonly` are thrown before anything is written);
 * 3. one sync writes every change;
 * 4. if that sync fails (a sheet protected meanwhile, a cell being edited,
 *    the connection lost), Excel may have applied the batch's first actions:
 *    a new batch reads the cells again and writes back the state of step 1
 *    where it differs. Only if that fails too does the error say so
 *    (`restored: false`), and the caller keeps what is needed to restore later.
 *
 * Formulas are written through `formulas` (en-US), never `formulasLocal`.
 * Text Excel would take for something else (a leading `=`, `+`, `-`, `@`,
 * `#`, an apostrophe, a digit, a boolean word) is written into a cell
 * formatted as Text (`@`): Excel's documented way to keep an entry as text.
 * For a new value the cell keeps `@`, so editing it later (F2, Enter) cannot
 * turn it into a formula either; when a snapshot is restored, the cell's own
 * format is put back after the text is in.
 */
import { errorTextEnUs } from '../engine/errors';
import type { CellValue, ErrorCode } from '../engine/grid';
import { ActionError } from './actions';
import { classifyError, toActionError } from './errors';
import { toCell } from './read';
import type { XlContext, XlHost, XlNote, XlRange, XlRangeFill, XlWorksheet } from './xl';

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

export interface SnapshotInfo {
  readOnly: boolean;
  protectedSheets: ReadonlySet<string>;
  missingSheets: ReadonlySet<string>;
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

function key(t: CellTarget): string {
  return `${t.sheet}\u0000${t.cell}`;
}

/** Worksheet proxies by name, one per batch. */
class Sheets {
  private readonly map = new Map<string, XlWorksheet>();
  constructor(private readonly context: XlContext) {}
  get(name: string): XlWorksheet {
    let ws = this.map.get(name);
    if (ws === undefined) {
      ws = this.context.workbook.worksheets.getItemOrNullObject(name);
      this.map.set(name, ws);
    }
    return ws;
  }
  all(): [string, XlWorksheet][] {
    return [...this.map];
  }
}

/** Queues the reads of a snapshot; returns a function that gives the states after sync. */
function queueSnapshot(host: XlHost, context: XlContext, sheets: Sheets, targets: readonly CellTarget[], notes: boolean): () => { states: CellState[]; info: SnapshotInfo } {
  const patterns = host.supports('1.9');
  const json = host.supports('1.16');
  const names = [...new Set(targets.map((t) => t.sheet))];
  for (const name of names) {
    const ws = sheets.get(name);
    ws.load('name');
    ws.protection.load('protected');
  }
  const readOnly = host.supports('1.8');
  if (readOnly) context.workbook.load('readOnly');
  const ranges = targets.map((t) => {
    const ws = sheets.get(t.sheet);
    const r = ws.getRange(t.cell);
    r.load(json ? 'valuesAsJson,values,valueTypes,formulas,numberFormat' : 'values,valueTypes,formulas,numberFormat');
    r.format.fill.load(patterns ? 'color,pattern,patternColor' : 'color');
    return r;
  });
  const noteProxies = notes ? targets.map((t) => sheets.get(t.sheet).notes.getItemOrNullObject(t.cell).load('content') as XlNote) : undefined;
  return () => {
    const missing = new Set(names.filter((n) => sheets.get(n).isNullObject));
    const protectedSheets = new Set(names.filter((n) => !missing.has(n) && sheets.get(n).protection.protected));
    const info: SnapshotInfo = { readOnly: readOnly && context.workbook.readOnly, protectedSheets, missingSheets: missing };
    const states = targets.map((t, i) => {
      if (missing.has(t.sheet)) return { sheet: t.sheet, cell: t.cell, value: null, numberFormat: 'General', fill: { none: true, color: '#FFFFFF' } };
      const state = stateOf(t, ranges[i] as XlRange, patterns, json);
      const note = noteProxies?.[i];
      if (note !== undefined) state.note = note.isNullObject ? null : note.content;
      return state;
    });
    return { states, info };
  };
}

function stateOf(t: CellTarget, r: XlRange, patterns: boolean, json: boolean): CellState {
  const jv = json ? ((r.valuesAsJson[0]?.[0] ?? {}) as { errorType?: string }) : undefined;
  const cell = toCell(r.values[0]?.[0], r.valueTypes[0]?.[0] ?? 'Empty', r.formulas[0]?.[0], undefined, jv?.errorType);
  const state: CellState = { sheet: t.sheet, cell: t.cell, value: cell?.value ?? null, numberFormat: String(r.numberFormat[0]?.[0] ?? 'General'), fill: fillOf(r.format.fill, patterns) };
  if (cell?.formula !== undefined) state.formula = cell.formula;
  if (cell?.error !== undefined && cell.errorIsText !== true && cell.formula === undefined) state.error = cell.error;
  return state;
}

function fillOf(fill: XlRangeFill, patterns: boolean): FillState {
  const color = String(fill.color ?? '#FFFFFF').toUpperCase();
  if (!patterns) return { none: color === '#FFFFFF', color };
  const pattern = String(fill.pattern ?? 'None');
  if (pattern === 'None') return { none: true, color };
  return { none: false, color, pattern, patternColor: String(fill.patternColor ?? '#000000').toUpperCase() };
}

/** Queues the writes of one change onto a cell whose state is `current`. */
function queueChange(host: XlHost, sheets: Sheets, change: CellChange, current: CellState, restoring: boolean): void {
  const r = sheets.get(change.sheet).getRange(change.cell);
  let format = current.numberFormat;
  const setFormat = (f: string): void => {
    if (f !== format) {
      r.numberFormat = [[f]];
      format = f;
    }
  };
  const finalFormat = change.numberFormat ?? current.numberFormat;
  const c = change.content;
  if (c !== undefined) {
    if (c.formula !== undefined || c.error !== undefined) {
      // A Text-formatted cell would keep a formula as text.
      if (format === '@') setFormat(finalFormat === '@' ? 'General' : finalFormat);
      r.formulas = [[c.formula ?? errorTextEnUs(c.error as ErrorCode)]];
    } else if (c.value === null || c.value === '') {
      r.clear('Contents');
    } else if (typeof c.value === 'string' && (needsTextFormat(c.value) || format === '@')) {
      setFormat('@');
      r.values = [[c.value]];
      if (restoring || change.numberFormat !== undefined) setFormat(finalFormat);
    } else {
      if (format === '@' && typeof c.value !== 'string') setFormat(finalFormat === '@' ? 'General' : finalFormat);
      r.values = [[c.value]];
    }
  }
  setFormat(finalFormat);
  if (change.fill !== undefined && !sameFill(change.fill, current.fill)) queueFill(r.format.fill, change.fill, host.supports('1.9'), current.fill);
  if (change.note !== undefined && change.note !== current.note) {
    const notes = sheets.get(change.sheet).notes;
    if (change.note === null) notes.getItemOrNullObject(change.cell).delete();
    else if (current.note === null || current.note === undefined) notes.add(change.cell, change.note);
    else notes.getItemOrNullObject(change.cell).content = change.note;
  }
}

function queueFill(fill: XlRangeFill, target: FillState, patterns: boolean, current: FillState): void {
  if (target.none) {
    fill.clear();
    return;
  }
  fill.color = target.color;
  if (!patterns) return; // ExcelApi 1.7: a colour is all that can be set
  const pattern = target.pattern ?? 'Solid';
  // Setting a colour on a patterned cell keeps its pattern: set the pattern too.
  if (pattern !== (current.none ? 'Solid' : (current.pattern ?? 'Solid'))) fill.pattern = pattern;
  if (target.patternColor !== undefined && pattern !== 'Solid' && target.patternColor !== current.patternColor) fill.patternColor = target.patternColor;
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
function satisfied(state: CellState, change: CellChange): boolean {
  if (change.content !== undefined && !(holds(state, change.content) && (change.content.error !== undefined || state.error === undefined || change.content.value !== null))) return false;
  if (change.numberFormat !== undefined && change.numberFormat !== state.numberFormat) return false;
  if (change.fill !== undefined && !sameFill(change.fill, state.fill)) return false;
  if (change.note !== undefined && change.note !== state.note) return false;
  return true;
}

export interface ChangeResult {
  before: CellState[];
  changes: CellChange[];
  /** Syncs made (normally 2: snapshot, write). */
  syncs: number;
}

export interface ChangeOptions {
  /** Called after the decision, before anything is written (the write-ahead log). */
  beforeWrite?: (before: CellState[], changes: CellChange[]) => Promise<void>;
  /** Merge into one step on Excel's undo stack (ExcelApi 1.20). */
  mergeUndoGroup?: boolean;
  /** Read (and allow changing) the cells' notes; only where ExcelApi 1.18 is supported. */
  notes?: boolean;
}

/** An action failed and Excel could not be put back: the caller must keep `before` to restore it later. */
export class UnrestoredError extends ActionError {
  constructor(
    cause: ActionError,
    public readonly before: CellState[],
    public readonly changes: CellChange[],
  ) {
    super(cause.code, `${cause.message}; not restored`);
  }
}

/**
 * Reads the target cells, lets `decide` choose the changes, writes them in one
 * batch, and restores the cells if the write fails. See the module comment.
 */
export async function changeCells(
  host: XlHost,
  targets: readonly CellTarget[],
  decide: (states: CellState[], info: SnapshotInfo) => CellChange[],
  options: ChangeOptions = {},
): Promise<ChangeResult> {
  let before: CellState[] = [];
  let changes: CellChange[] = [];
  let readOnly = false;
  let written = false;
  let syncs = 0;
  try {
    await host.run(
      async (context) => {
        const sheets = new Sheets(context);
        const take = queueSnapshot(host, context, sheets, targets, options.notes === true && host.supports('1.18'));
        syncs++;
        await context.sync();
        const { states, info } = take();
        readOnly = info.readOnly;
        before = states;
        changes = decide(states, info);
        if (changes.length === 0) return;
        await options.beforeWrite?.(before, changes);
        const byKey = new Map(states.map((s) => [key(s), s] as const));
        for (const change of changes) queueChange(host, sheets, change, byKey.get(key(change)) as CellState, false);
        written = true;
        syncs++;
        await context.sync();
      },
      { mergeUndoGroup: options.mergeUndoGroup === true },
    );
  } catch (err) {
    const failure = err instanceof ActionError ? err : new ActionError(classifyError(err, readOnly), err instanceof Error ? err.message : String(err));
    if (!written) throw failure;
    // The write batch failed somewhere: put back what it may have changed.
    const undo = changes.map((c) => restoreChange(before.find((b) => key(b) === key(c)) as CellState, c));
    try {
      await rewrite(host, undo, options.notes === true && host.supports('1.18'));
    } catch {
      throw new UnrestoredError(failure, before, changes);
    }
    throw failure;
  }
  return { before, changes, syncs };
}

/** Writes `changes` where the cells differ from them (read, then write: 2 syncs). */
export async function rewrite(host: XlHost, changes: readonly CellChange[], notes = false): Promise<void> {
  if (changes.length === 0) return;
  await host.run(async (context) => {
    const sheets = new Sheets(context);
    const take = queueSnapshot(host, context, sheets, changes, notes);
    await context.sync();
    const { states } = take();
    let queued = 0;
    changes.forEach((change, i) => {
      const state = states[i] as CellState;
      if (satisfied(state, change)) return;
      queueChange(host, sheets, change, state, true);
      queued++;
    });
    if (queued > 0) await context.sync();
  });
}

/** Throws the refusal an action must give before writing, if any. */
export function refuseIfLocked(info: SnapshotInfo, sheets: Iterable<string>): void {
  for (const s of sheets) if (info.missingSheets.has(s)) throw new ActionError('stale', `sheet ${s} is gone`);
  if (info.readOnly) throw new ActionError('readonly');
  for (const s of sheets) if (info.protectedSheets.has(s)) throw new ActionError('protected', s);
}

export { toActionError };
