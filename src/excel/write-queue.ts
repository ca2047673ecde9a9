/**
 * Queuing `changeCells`' work onto an Excel batch: the worksheet proxies of a
 * batch, the snapshot reads, the cell writes (value, format, fill, note), the
 * layout writes, and the size limits that split requests.
 */
import { cellAddress, type ErrorCode, errorTextEnUs } from '../engine';
import { parseRect } from './address';
import { toCell } from './read';
import { PAYLOAD_LIMIT_BYTES, type XlContext, type XlHost, type XlNote, type XlRange, type XlRangeFill, type XlWorksheet } from './xl';
import { columnKey, sameFill, type CellChange, type CellState, type CellTarget, type FillState, type LayoutChange, type LayoutProbe, type SnapshotInfo } from './write-state';

/** Worksheet proxies by name, one per batch. */
export class Sheets {
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
export function queueSnapshot(
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
export function cellLayout(layout: LayoutChange | undefined): LayoutChange | undefined {
  return layout === undefined ? undefined : { columns: layout.columns ?? [] };
}

/** The part Excel cannot undo on every platform (sheet visibility, deleted sheets), or undefined when there is none. */
export function sheetLevelLayout(layout: LayoutChange | undefined): LayoutChange | undefined {
  if (layout === undefined || ((layout.sheets ?? []).length === 0 && (layout.deleteSheets ?? []).length === 0)) return undefined;
  return { sheets: layout.sheets ?? [], deleteSheets: layout.deleteSheets ?? [] };
}

/** Queues the sheets to add (before any cell of the batch is written). */
export function queueAddSheets(sheets: Sheets, layout: LayoutChange | undefined): void {
  for (const name of layout?.addSheets ?? []) sheets.add(name);
}

/** Queues hiding/showing columns and sheets, and deleting sheets (after the cells). */
export function queueLayoutAfter(sheets: Sheets, layout: LayoutChange | undefined): void {
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
export function queueChange(host: XlHost, sheets: Sheets, change: CellChange, current: CellState): void {
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

/** Cells per snapshot request: with a fill, formulas and long texts, well under 5 MB each way. */
export const SNAPSHOT_CHUNK = 2000;

/** The most a write request is planned to carry (a margin below Excel on the web's 5 MB). */
export const WRITE_BUDGET_BYTES = Math.floor(PAYLOAD_LIMIT_BYTES * 0.8);

/** Estimated request bytes of one change: its actions' object paths, and its text twice (UTF-8). */
export function changeBytes(change: CellChange): number {
  const text = change.content?.formula ?? (typeof change.content?.value === 'string' ? change.content.value : '');
  return 400 + 3 * text.length + (change.note === undefined || change.note === null ? 0 : 3 * change.note.length + 150);
}
