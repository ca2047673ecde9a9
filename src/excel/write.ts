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
 * Every text is entered into a cell formatted as Text (`@`), Excel's way to
 * keep an entry as text ("Jan-21" written through `values` may otherwise
 * become a date), and the cell then gets its own format back: text stays
 * text. Text Excel would take for something else when edited later (a
 * leading `=`, `+`, `-`, `@`, `#`, an apostrophe, a digit, a boolean word)
 * keeps `@` (the edit asks for it), so F2, Enter cannot turn it into a
 * formula either.
 *
 * Sheets and columns (`LayoutChange`) go in the same write batch as the
 * cells: sheets the action needs are added first (`worksheets.add`), then the
 * cells are written, then columns are hidden and sheets hidden. A sheet whose
 * targets may all be missing (`mayBeMissing`) costs one more sync before the
 * snapshot, to learn whether it exists (Excel fails a whole request that reads
 * a range on a missing sheet). A failed write batch also deletes the sheets it
 * added and puts hidden columns and sheets back.
 */
import { cellAddress, type CellValue, type ErrorCode, errorTextEnUs } from '../engine';
import { ActionError } from './actions';
import { parseRect } from './address';
import { classifyError, toActionError } from './errors';
import { toCell } from './read';
import { PAYLOAD_LIMIT_BYTES, type XlContext, type XlHost, type XlNote, type XlRange, type XlRangeFill, type XlWorksheet } from './xl';

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
  /** Drops a proxy (a null object cannot be reused for a sheet that is added later). */
  forget(name: string): void {
    this.map.delete(name);
  }
  /** Queues adding the sheet; later proxies of this batch use the new sheet. */
  add(name: string): XlWorksheet {
    const ws = this.context.workbook.worksheets.add(name);
    this.map.set(name, ws);
    return ws;
  }
  all(): [string, XlWorksheet][] {
    return [...this.map];
  }
}

/** Queues the reads of a snapshot; returns a function that gives the states after sync. */
function queueSnapshot(
  host: XlHost,
  context: XlContext,
  sheets: Sheets,
  targets: readonly CellTarget[],
  notes: boolean,
  known: { missing?: ReadonlySet<string>; probe?: LayoutProbe } = {},
): () => { states: CellState[]; info: SnapshotInfo } {
  const patterns = host.supports('1.9');
  const json = host.supports('1.16');
  const knownMissing = known.missing ?? new Set<string>();
  const probe = known.probe ?? {};
  const names = [...new Set([...targets.map((t) => t.sheet), ...(probe.columns ?? []).map((c) => c.sheet), ...(probe.sheets ?? []), ...(probe.contentsOf ?? [])])].filter((n) => !knownMissing.has(n));
  for (const name of names) {
    const ws = sheets.get(name);
    ws.load('name,visibility');
    ws.protection.load('protected');
  }
  const readOnly = host.supports('1.8');
  if (readOnly) context.workbook.load('readOnly');
  const ranges = targets.map((t) => {
    if (knownMissing.has(t.sheet)) return undefined;
    const ws = sheets.get(t.sheet);
    const r = ws.getRange(t.cell);
    r.load(json ? 'valuesAsJson,values,valueTypes,formulas,numberFormat' : 'values,valueTypes,formulas,numberFormat');
    r.format.fill.load(patterns ? 'color,pattern,patternColor' : 'color');
    return r;
  });
  const noteProxies = notes ? targets.map((t) => (knownMissing.has(t.sheet) ? undefined : (sheets.get(t.sheet).notes.getItemOrNullObject(t.cell).load('content') as XlNote))) : undefined;
  // Probes on sheets that may be missing are read after the sync, only where the sheet exists.
  const columnProbes = (probe.columns ?? [])
    .filter((c) => !knownMissing.has(c.sheet))
    .map((c) => ({ ref: c, range: sheets.get(c.sheet).getRange(cellAddress(0, c.col)).load('columnHidden') as XlRange }));
  const all = probe.sheets !== undefined && probe.sheets.length > 0 ? context.workbook.worksheets.load('items/name,items/visibility') : undefined;
  const contentProbes = (probe.contentsOf ?? []).filter((n) => !knownMissing.has(n)).map((n) => ({ name: n, range: sheets.get(n).getUsedRangeOrNullObject(true).load('address,formulas') as XlRange }));
  return () => {
    const missing = new Set([...knownMissing, ...names.filter((n) => sheets.get(n).isNullObject)]);
    const protectedSheets = new Set(names.filter((n) => !missing.has(n) && sheets.get(n).protection.protected));
    const columnHidden = new Map(columnProbes.filter((p) => !missing.has(p.ref.sheet)).map((p) => [columnKey(p.ref), p.range.columnHidden === true] as const));
    const visibility = new Map((probe.sheets ?? []).filter((n) => !missing.has(n)).map((n) => [n, sheets.get(n).visibility] as const));
    const visibleSheets = all === undefined ? 0 : context.workbook.worksheets.items.filter((w) => w.visibility === 'Visible').length;
    const contents = new Map<string, ReadonlySet<string>>();
    for (const p of contentProbes) {
      if (missing.has(p.name)) continue;
      const set = new Set<string>();
      if (!p.range.isNullObject) {
        const origin = parseRect(p.range.address);
        p.range.formulas.forEach((row, i) =>
          row.forEach((f, j) => {
            if (f !== '' && f !== null && origin !== undefined) set.add(cellAddress(origin.top + i, origin.left + j));
          }),
        );
      }
      contents.set(p.name, set);
    }
    const info: SnapshotInfo = { readOnly: readOnly && context.workbook.readOnly, protectedSheets, missingSheets: missing, columnHidden, visibility, visibleSheets, contents };
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

/** The part of a layout change Excel can undo (hidden columns): what may go in a merged undo group. */
function cellLayout(layout: LayoutChange | undefined): LayoutChange | undefined {
  return layout === undefined ? undefined : { columns: layout.columns ?? [] };
}

/** The part Excel cannot undo on every platform (sheet visibility, deleted sheets), or undefined when there is none. */
function sheetLevelLayout(layout: LayoutChange | undefined): LayoutChange | undefined {
  if (layout === undefined || ((layout.sheets ?? []).length === 0 && (layout.deleteSheets ?? []).length === 0)) return undefined;
  return { sheets: layout.sheets ?? [], deleteSheets: layout.deleteSheets ?? [] };
}

/** Queues the sheets to add (before any cell of the batch is written). */
function queueAddSheets(sheets: Sheets, layout: LayoutChange | undefined): void {
  for (const name of layout?.addSheets ?? []) sheets.add(name);
}

/** Queues hiding/showing columns and sheets, and deleting sheets (after the cells). */
function queueLayoutAfter(sheets: Sheets, layout: LayoutChange | undefined): void {
  for (const c of layout?.columns ?? []) sheets.get(c.sheet).getRange(cellAddress(0, c.col)).columnHidden = c.hidden;
  for (const x of layout?.sheets ?? []) sheets.get(x.name).visibility = x.visibility;
  for (const name of layout?.deleteSheets ?? []) sheets.get(name).delete();
}

function stateOf(t: CellTarget, r: XlRange, patterns: boolean, json: boolean): CellState {
  const jv = json ? ((r.valuesAsJson[0]?.[0] ?? {}) as { errorType?: string }) : undefined;
  const cell = toCell(r.values[0]?.[0], r.valueTypes[0]?.[0] ?? 'Empty', r.formulas[0]?.[0], undefined, jv?.errorType);
  const state: CellState = { sheet: t.sheet, cell: t.cell, value: cell?.value ?? null, numberFormat: String(r.numberFormat[0]?.[0] ?? 'General'), fill: fillOf(r.format.fill, patterns) };
  if (cell?.formula !== undefined) state.formula = cell.formula;
  if (cell?.error !== undefined && cell.errorIsText !== true && cell.formula === undefined) state.error = cell.error;
  return state;
}

export function fillOf(fill: XlRangeFill, patterns: boolean): FillState {
  const color = String(fill.color ?? '#FFFFFF').toUpperCase();
  if (!patterns) return { none: color === '#FFFFFF', color };
  const pattern = String(fill.pattern ?? 'None');
  if (pattern === 'None') return { none: true, color };
  return { none: false, color, pattern, patternColor: String(fill.patternColor ?? '#000000').toUpperCase() };
}

/** Queues the writes of one change onto a cell whose state is `current`. */
function queueChange(host: XlHost, sheets: Sheets, change: CellChange, current: CellState): void {
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
    } else if (typeof c.value === 'string') {
      // Every text is entered into a Text-formatted cell: Excel may read "May 2021" or "Jan-21" written through
      // `values` as a date. Then the cell gets its own format back (text stays text), or keeps `@` where the change asks.
      setFormat('@');
      r.values = [[c.value]];
      setFormat(finalFormat);
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

export function queueFill(fill: XlRangeFill, target: FillState, patterns: boolean, current: FillState): void {
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
  /** The layout change written with the cells, if any. */
  layout?: LayoutChange;
  /** What puts that layout back (sheets added are deleted, hidden columns and sheets shown again). */
  layoutBack?: LayoutChange;
  /** Syncs made (normally 2: snapshot, write; 3 with `mayBeMissing`). */
  syncs: number;
}

/** What `decide` may return: the cell changes, and a layout change for the same batch. */
export interface Decision {
  changes: CellChange[];
  layout?: LayoutChange;
}

export interface ChangeOptions {
  /** Called after the decision, before anything is written (the write-ahead log). */
  beforeWrite?: (before: CellState[], changes: CellChange[], layoutBack: LayoutChange | undefined) => Promise<void>;
  /** Merge into one step on Excel's undo stack (ExcelApi 1.20). */
  mergeUndoGroup?: boolean;
  /** Read (and allow changing) the cells' notes; only where ExcelApi 1.18 is supported. */
  notes?: boolean;
  /** Sheets that may not exist: one sync first learns which exist; targets on a missing one read as empty cells. */
  mayBeMissing?: readonly string[];
  /** Layout to read in the snapshot, for `decide`. */
  probe?: LayoutProbe;
  /** More writes queued into the write batch (after the cells and layout), e.g. a drop-down list over the written cells. */
  alsoQueue?: (context: XlContext) => void;
}

/** An action failed and Excel could not be put back: the caller must keep `before` to restore it later. */
export class UnrestoredError extends ActionError {
  constructor(
    cause: ActionError,
    public readonly before: CellState[],
    public readonly changes: CellChange[],
    public readonly layoutBack?: LayoutChange,
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
  decide: (states: CellState[], info: SnapshotInfo) => CellChange[] | Decision,
  options: ChangeOptions = {},
): Promise<ChangeResult> {
  let before: CellState[] = [];
  let changes: CellChange[] = [];
  let layout: LayoutChange | undefined;
  let layoutBack: LayoutChange | undefined;
  let readOnly = false;
  let written = false;
  let syncs = 0;
  const notes = options.notes === true && host.supports('1.18');
  // Merged into one Excel undo step only where ExcelApi 1.20 allows (RunOptions.mergeUndoGroup).
  const merged = options.mergeUndoGroup === true && host.supports('1.20');
  try {
    await host.run(
      async (context) => {
        const sheets = new Sheets(context);
        let missing: Set<string> | undefined;
        const maybe = [...new Set(options.mayBeMissing ?? [])];
        if (maybe.length > 0) {
          for (const name of maybe) sheets.get(name).load('name');
          syncs++;
          await context.sync();
          missing = new Set(maybe.filter((n) => sheets.get(n).isNullObject));
          // A null proxy stays null in Excel: sheets that exist get fresh proxies in the snapshot below.
          for (const n of missing) sheets.forget(n);
        }
        // The snapshot in parts of SNAPSHOT_CHUNK cells, each its own request (Excel on the web: 5 MB per request and response).
        let states: CellState[] = [];
        let info: SnapshotInfo | undefined;
        // A probe of whole sheets' contents (Ångra of an added sheet) gets a request of its own when there are cells too.
        const probeAlone = (options.probe?.contentsOf ?? []).length > 0 && targets.length > 0;
        const parts: (readonly CellTarget[])[] = probeAlone ? [[]] : [];
        for (let at = 0; at < targets.length; at += SNAPSHOT_CHUNK) parts.push(targets.slice(at, at + SNAPSHOT_CHUNK));
        if (parts.length === 0) parts.push([]);
        for (const [i, part] of parts.entries()) {
          const take = queueSnapshot(host, context, sheets, part, notes, { ...(missing === undefined ? {} : { missing }), ...(options.probe === undefined || i > 0 ? {} : { probe: options.probe }) });
          syncs++;
          await context.sync();
          const got = take();
          states = states.concat(got.states);
          info = info === undefined ? got.info : { ...info, protectedSheets: new Set([...info.protectedSheets, ...got.info.protectedSheets]) };
        }
        if (info === undefined) return;
        readOnly = info.readOnly;
        before = states;
        const decision = decide(states, info);
        ({ changes, layout } = Array.isArray(decision) ? { changes: decision, layout: undefined } : decision);
        if (isEmptyLayout(layout)) layout = undefined;
        layoutBack = layout === undefined ? undefined : inverseLayout(layout, info);
        if (isEmptyLayout(layoutBack)) layoutBack = undefined;
        if (changes.length === 0 && layout === undefined) return;
        await options.beforeWrite?.(before, changes, layoutBack);
        const byKey = new Map(states.map((s) => [key(s), s] as const));
        queueAddSheets(sheets, layout);
        written = true;
        // Split where a request would pass WRITE_BUDGET_BYTES (a large Kommentarer sheet); the syncs of one
        // run still make one undo step with ExcelApi 1.20, and a failure half-way is put back as any failed write.
        let bytes = 0;
        for (const change of changes) {
          queueChange(host, sheets, change, byKey.get(key(change)) as CellState);
          bytes += changeBytes(change);
          if (bytes > WRITE_BUDGET_BYTES) {
            syncs++;
            await context.sync();
            bytes = 0;
          }
        }
        queueLayoutAfter(sheets, merged ? cellLayout(layout) : layout);
        options.alsoQueue?.(context);
        syncs++;
        await context.sync();
      },
      { mergeUndoGroup: merged },
    );
    // Deleting a sheet, and on Windows and Mac hiding one, cannot be undone by Excel: inside a merged undo
    // group it throws UndoNotSupported (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
    // Those go in a batch of their own, after the merged one.
    const sheetLayout = merged ? sheetLevelLayout(layout) : undefined;
    if (sheetLayout !== undefined) {
      syncs++;
      await host.run(async (context) => {
        const sheets = new Sheets(context);
        queueLayoutAfter(sheets, sheetLayout);
        await context.sync();
      });
    }
  } catch (err) {
    const failure = err instanceof ActionError ? err : new ActionError(classifyError(err, readOnly), err instanceof Error ? err.message : String(err));
    if (!written) throw failure;
    // The write batch failed somewhere: put back what it may have changed.
    const added = new Set(layout?.addSheets ?? []);
    const undo = changes.filter((c) => !added.has(c.sheet)).map((c) => restoreChange(before.find((b) => key(b) === key(c)) as CellState, c));
    try {
      await rewrite(host, undo, notes);
      if (layoutBack !== undefined) await rewriteLayout(host, layoutBack);
    } catch {
      throw new UnrestoredError(failure, before, changes, layoutBack);
    }
    throw failure;
  }
  return { before, changes, syncs, ...(layout === undefined ? {} : { layout }), ...(layoutBack === undefined ? {} : { layoutBack }) };
}

/** Writes `changes` where the cells differ from them (read, then write: 2 syncs per SNAPSHOT_CHUNK cells). */
export async function rewrite(host: XlHost, changes: readonly CellChange[], notes = false): Promise<void> {
  for (let at = 0; at < changes.length; at += SNAPSHOT_CHUNK) {
    const part = changes.slice(at, at + SNAPSHOT_CHUNK);
    await host.run(async (context) => {
      const sheets = new Sheets(context);
      const take = queueSnapshot(host, context, sheets, part, notes);
      await context.sync();
      const { states } = take();
      let queued = 0;
      part.forEach((change, i) => {
        const state = states[i] as CellState;
        if (satisfied(state, change)) return;
        queueChange(host, sheets, change, state);
        queued++;
      });
      if (queued > 0) await context.sync();
    });
  }
}

/** Cells per snapshot request: with a fill, formulas and long texts, well under 5 MB each way. */
export const SNAPSHOT_CHUNK = 2000;

/** The most a write request is planned to carry (a margin below Excel on the web's 5 MB). */
export const WRITE_BUDGET_BYTES = Math.floor(PAYLOAD_LIMIT_BYTES * 0.8);

/** Estimated request bytes of one change: its actions' object paths, and its text twice (UTF-8). */
function changeBytes(change: CellChange): number {
  const text = change.content?.formula ?? (typeof change.content?.value === 'string' ? change.content.value : '');
  return 400 + 3 * text.length + (change.note === undefined || change.note === null ? 0 : 3 * change.note.length + 150);
}

/**
 * Puts a layout back where it differs (read, then write: 2 syncs): sheets to
 * delete are deleted if they exist, columns and sheets get the visibility given.
 */
export async function rewriteLayout(host: XlHost, layout: LayoutChange): Promise<void> {
  if (isEmptyLayout(layout)) return;
  await host.run(async (context) => {
    const sheets = new Sheets(context);
    const names = [...new Set([...(layout.deleteSheets ?? []), ...(layout.columns ?? []).map((c) => c.sheet), ...(layout.sheets ?? []).map((x) => x.name)])];
    for (const n of names) sheets.get(n).load('name,visibility');
    await context.sync();
    const exists = (n: string): boolean => !sheets.get(n).isNullObject;
    const columns = (layout.columns ?? []).filter((c) => exists(c.sheet) && !(layout.deleteSheets ?? []).includes(c.sheet));
    const probes = columns.map((c) => sheets.get(c.sheet).getRange(cellAddress(0, c.col)).load('columnHidden') as XlRange);
    if (probes.length > 0) await context.sync();
    const todo: LayoutChange = {
      columns: columns.filter((c, i) => (probes[i] as XlRange).columnHidden !== c.hidden),
      sheets: (layout.sheets ?? []).filter((x) => exists(x.name) && sheets.get(x.name).visibility !== x.visibility),
      deleteSheets: (layout.deleteSheets ?? []).filter(exists),
    };
    if (isEmptyLayout(todo)) return;
    queueLayoutAfter(sheets, todo);
    await context.sync();
  });
}

/** Throws the refusal an action must give before writing, if any. */
export function refuseIfLocked(info: SnapshotInfo, sheets: Iterable<string>): void {
  for (const s of sheets) if (info.missingSheets.has(s)) throw new ActionError('stale', `sheet ${s} is gone`);
  if (info.readOnly) throw new ActionError('readonly');
  for (const s of sheets) if (info.protectedSheets.has(s)) throw new ActionError('protected', s);
}

export { toActionError };
