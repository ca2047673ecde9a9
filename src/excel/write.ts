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
import { cellAddress } from '../engine';
import { ActionError } from './actions';
import { classifyError, toActionError } from './errors';
import type { XlContext, XlHost, XlRange } from './xl';
import { inverseLayout, isEmptyLayout, key, restoreChange, satisfied, type CellChange, type CellState, type CellTarget, type LayoutChange, type LayoutProbe, type SnapshotInfo } from './write-state';
import { cellLayout, changeBytes, queueAddSheets, queueChange, queueLayoutAfter, queueSnapshot, Sheets, sheetLevelLayout, SNAPSHOT_CHUNK, WRITE_BUDGET_BYTES } from './write-queue';

export {
  columnKey,
  contentOf,
  holds,
  inverseLayout,
  isEmptyLayout,
  needsTextFormat,
  normalizeFormula,
  restoreChange,
  sameFill,
  type CellChange,
  type CellState,
  type CellTarget,
  type ColumnRef,
  type Content,
  type FillState,
  type LayoutChange,
  type LayoutProbe,
  type SnapshotInfo,
} from './write-state';
export { fillOf, queueFill, SNAPSHOT_CHUNK, WRITE_BUDGET_BYTES } from './write-queue';

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
