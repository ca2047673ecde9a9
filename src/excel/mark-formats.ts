/**
 * Marks as conditional formats (the add-in's marking where ExcelApi 1.9 is
 * supported). Marking never writes a cell's own fill, font or note: per sheet
 * and severity one `Custom` conditional format is added over exactly the
 * finding cells, with a rule that is always true and the severity's fill.
 * Taking a mark away deletes the format, and the cell shows its own
 * formatting again: exact by construction, also for a cell the economist
 * recoloured while it was marked.
 *
 * Requirement sets (checked by the caller, `marks.ts`):
 * - `Worksheet.getRanges(address)` and `RangeAreas.conditionalFormats`:
 *   ExcelApi 1.9 (one format over many cells, hence the 1.9 requirement);
 * - `ConditionalFormatCollection.add('Custom')`, `.getItem(id)`,
 *   `ConditionalFormat.id`, `.type`, `.delete()`, `.custom` /
 *   `.customOrNullObject` with `rule.formula` and `format.fill.color`,
 *   `Range.conditionalFormats`: ExcelApi 1.6 (so marks made on a newer Excel
 *   can be deleted on any host the add-in runs on, ExcelApi 1.7);
 * - notes: ExcelApi 1.18.
 * (`ConditionalFormatCollection.getItemOrNullObject`, ExcelApi 1.14, is not
 * needed: which ids still exist is learnt before deleting.)
 *
 * Round trips. After a read that learnt, with its data, which formats are on
 * the sheets holding earlier marks (`queueFormatProbe`), marking is 1 sync:
 * the earlier marks' formats are deleted by id and the new ones added in the
 * same batch, each new format's `id` loaded in it and kept in the change log.
 * With notes, 2 (a note is added only where the cell has none, which must be
 * read first).
 *
 * Ours are recognised by their signature only: the rule formula
 * `MARK_FORMULA` (it names the add-in) and a fill of `MARK_COLORS`.
 * `ConditionalFormat.id` is documented as the format's priority in its
 * collection, and new formats are added at the top, so an id remembered from
 * an earlier batch may name the economist's own format by now
 * (learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-id-member).
 * Ids are used only within the batch after the look that learnt them, and
 * deleted in descending priority (highest id first), so deleting one never
 * shifts another still to be deleted. A batch that breaks off half-way
 * (a sheet protected meanwhile, the connection lost) is cleaned up the same
 * way: `removeMarkFormats` lists the formats of the affected sheets with
 * their rule and fill (1 sync) and deletes ours (1 more). The cells' own
 * formatting was never touched, so nothing else needs putting back (notes,
 * which are written, are put back by `rewrite`).
 */
import { cellAddress, type Severity } from '../engine';
import { ActionError } from './actions';
import { parseRect, rectAddress } from './address';
import type { ChangeLog, FormatRecord, NoteRecord } from './changelog';
import { officeErrorCode, toActionError } from './errors';
import type { ReadFacts } from './read';
import { normalizeFormula, rewrite, UnrestoredError, type CellTarget } from './write';
import type { XlConditionalFormatCollection, XlHost, XlNote, XlWorksheet } from './xl';

/**
 * Fill colours per severity. Each has a relative luminance of about 0.18, so
 * both black text (light theme) and white text (dark theme, where Excel shows
 * automatic text in white) read at ≥ 4.5:1 (WCAG AA) on it.
 */
export const MARK_COLORS: Readonly<Record<Severity, string>> = {
  error: '#CE473D',
  warning: '#986E1B',
  info: '#4279AF',
};

/**
 * The rule of every mark: always true, and naming the add-in, so the
 * economist sees in Excel's rule manager what the format is, and the add-in
 * can tell its own formats from anyone else's.
 */
export const MARK_FORMULA = '="Avvikelsekollen: markering"<>""';

/**
 * The longest address list given to one `getRanges` call. Excel documents no
 * limit, but long lists of areas have been refused (office-js issue #5198:
 * ≈ 8 000 characters, 500 areas); 255 characters (Excel's limit for a
 * reference typed into a formula) is well clear of that. A longer list is
 * split over several formats.
 */
export const MARK_ADDRESS_LIMIT = 255;

/** What a collection load needs to tell our formats (ExcelApi 1.6; `customOrNullObject` is null for other types). */
export const SIGNATURE_LOAD = 'items/id,items/type,items/customOrNullObject/rule/formula,items/customOrNullObject/format/fill/color';

const OUR_FORMULA = normalizeFormula(MARK_FORMULA);
const OUR_COLORS = new Set(Object.values(MARK_COLORS).map((c) => c.toUpperCase()));

/** Whether a format carries the marks' signature: `Custom`, rule `MARK_FORMULA`, a fill of `MARK_COLORS`. */
export function isMarkFormat(type: string, formula: unknown, color: unknown): boolean {
  return type === 'Custom' && typeof formula === 'string' && normalizeFormula(formula) === OUR_FORMULA && typeof color === 'string' && OUR_COLORS.has(color.toUpperCase());
}

/**
 * The cells as address lists of at most `limit` characters: each column's
 * consecutive rows as one area (`F5:F7`), columns left to right.
 */
export function markAddresses(cells: readonly string[], limit = MARK_ADDRESS_LIMIT, separator: ListSeparator = ','): string[] {
  const points = new Map<string, { row: number; col: number }>();
  for (const c of cells) {
    const r = parseRect(c);
    if (r !== undefined) points.set(cellAddress(r.top, r.left), { row: r.top, col: r.left });
  }
  const sorted = [...points.values()].sort((a, b) => a.col - b.col || a.row - b.row);
  const areas: string[] = [];
  for (let i = 0; i < sorted.length;) {
    const start = sorted[i] as { row: number; col: number };
    let end = start;
    while (i + 1 < sorted.length && (sorted[i + 1] as { row: number; col: number }).col === start.col && (sorted[i + 1] as { row: number; col: number }).row === end.row + 1)
      end = sorted[++i] as { row: number; col: number };
    areas.push(rectAddress({ top: start.row, left: start.col, bottom: end.row, right: start.col }));
    i++;
  }
  const lists: string[] = [];
  let current = '';
  for (const a of areas) {
    if (current !== '' && current.length + 1 + a.length > limit) {
      lists.push(current);
      current = '';
    }
    current = current === '' ? a : `${current}${separator}${a}`;
  }
  if (current !== '') lists.push(current);
  return lists;
}

/** The separator of an address list for `Worksheet.getRanges`. */
export type ListSeparator = ',' | ';';

/**
 * Which separator this Excel takes in `getRanges` address lists, learnt once
 * per session: `,` first; desktop Excel with a locale whose list separator is
 * `;` has refused `,` with InvalidArgument (office-js issues 1167 and 1985),
 * and then `;` is used from there on.
 */
export interface AddressListStyle {
  separator: ListSeparator;
}

/** The formats on one sheet, as far as marking needs them (ids valid until the next change to the sheet's formats). */
export interface SheetFormats {
  /** The ids of every format on the sheet. */
  present: ReadonlySet<string>;
  /** The ids of those carrying the marks' signature. */
  ours: ReadonlySet<string>;
}

/** The whole sheet's formats (ExcelApi 1.6: `Range.conditionalFormats` of `getRange()`). */
function sheetFormats(ws: XlWorksheet): XlConditionalFormatCollection {
  return ws.getRange().conditionalFormats;
}

/** Queues loading a sheet's formats with their signatures; the returned function reads them after the sync. */
export function queueFormatProbe(ws: XlWorksheet): () => SheetFormats {
  const coll = sheetFormats(ws);
  coll.load(SIGNATURE_LOAD);
  return () => {
    const present = new Set<string>();
    const ours = new Set<string>();
    for (const f of coll.items) {
      present.add(f.id);
      const c = f.customOrNullObject;
      if (!c.isNullObject && isMarkFormat(f.type, c.rule.formula, c.format.fill.color)) ours.add(f.id);
    }
    return { present, ours };
  };
}

/** What marking knows of the workbook before it writes. */
export interface FormatView {
  readOnly: boolean;
  missing: ReadonlySet<string>;
  protectedSheets: ReadonlySet<string>;
  /** The formats on the sheets looked at (existing ones). */
  formats: ReadonlyMap<string, SheetFormats>;
  /** The notes of the cells looked at (`sheet\u0000cell` → content, null for none). */
  notes: ReadonlyMap<string, string | null>;
}

/** The key of a cell in the maps here (`sheet\u0000cell`). */
export const cellKey = (sheet: string, cell: string): string => `${sheet}\u0000${cell}`;

/** Asks `inspect` to look at every sheet of the workbook (1 more sync to list them). */
export const EVERY_SHEET = Symbol('every sheet');

async function sheetNames(host: XlHost): Promise<string[]> {
  return host.run(async (context) => {
    const coll = context.workbook.worksheets;
    coll.load('items/name');
    await context.sync();
    return coll.items.map((w) => w.name);
  });
}

async function inspectOnce(host: XlHost, sheets: readonly string[], formatSheets: readonly string[], noteCells: readonly CellTarget[]): Promise<Omit<FormatView, 'missing'>> {
  return host.run(async (context) => {
    const readOnly = host.supports('1.8');
    if (readOnly) context.workbook.load('readOnly');
    const proxies = new Map<string, XlWorksheet>();
    const ws = (name: string): XlWorksheet => {
      let w = proxies.get(name);
      if (w === undefined) proxies.set(name, (w = context.workbook.worksheets.getItem(name)));
      return w;
    };
    for (const name of sheets) ws(name).protection.load('protected');
    const probes = formatSheets.map((name) => ({ name, take: queueFormatProbe(ws(name)) }));
    const notes = noteCells.map((t) => ({ key: cellKey(t.sheet, t.cell), note: ws(t.sheet).notes.getItemOrNullObject(t.cell).load('content') as XlNote }));
    await context.sync();
    return {
      readOnly: readOnly && context.workbook.readOnly,
      protectedSheets: new Set(sheets.filter((n) => ws(n).protection.protected)),
      formats: new Map(probes.map((p) => [p.name, p.take()] as const)),
      notes: new Map(notes.map((n) => [n.key, n.note.isNullObject ? null : n.note.content] as const)),
    };
  });
}

/**
 * Learns, in 1 sync, the protection of `sheets` and of the sheets of
 * `noteCells`, the workbook's read-only flag, the formats on `sheets` and
 * the notes of `noteCells` (ExcelApi 1.18). A
 * sheet that no longer exists fails that request (ItemNotFound): then 1 sync
 * learns which exist and the look is made again without the missing ones.
 */
export async function inspect(host: XlHost, sheetsToLook: readonly string[] | typeof EVERY_SHEET, noteCells: readonly CellTarget[] = []): Promise<FormatView> {
  const listed = sheetsToLook === EVERY_SHEET ? await sheetNames(host) : undefined;
  const sheets = listed ?? (sheetsToLook as readonly string[]);
  const all = [...new Set([...sheets, ...noteCells.map((c) => c.sheet)])];
  try {
    return { ...(await inspectOnce(host, all, sheets, noteCells)), missing: new Set() };
  } catch (err) {
    if (officeErrorCode(err) !== 'ItemNotFound') throw err;
  }
  const names = new Set((await sheetNames(host)).map((n) => n.toLowerCase()));
  const exists = (n: string): boolean => names.has(n.toLowerCase());
  const view = await inspectOnce(
    host,
    all.filter(exists),
    sheets.filter(exists),
    noteCells.filter((c) => exists(c.sheet)),
  );
  return { ...view, missing: new Set(all.filter((n) => !exists(n))) };
}

/** One note to write: its new content (null: delete) and what the cell had. */
export interface NoteChange extends CellTarget {
  note: string | null;
  had: string | null;
}

/** What one marking batch does. */
export interface FormatPlan {
  /** Formats to delete (present when last looked). */
  deletes: { sheet: string; id: string }[];
  /** Formats to add. */
  adds: { sheet: string; address: string; color: string }[];
  notes: NoteChange[];
}

/** Writes a plan in 1 sync: deletes (in descending priority), notes, then the new formats. */
export async function writeMarks(host: XlHost, plan: FormatPlan): Promise<void> {
  if (plan.deletes.length === 0 && plan.adds.length === 0 && plan.notes.length === 0) return;
  return host.run(async (context) => {
    const proxies = new Map<string, { ws: XlWorksheet; all?: XlConditionalFormatCollection }>();
    const sheet = (name: string): { ws: XlWorksheet; all?: XlConditionalFormatCollection } => {
      let s = proxies.get(name);
      if (s === undefined) proxies.set(name, (s = { ws: context.workbook.worksheets.getItem(name) }));
      return s;
    };
    // Highest id (lowest priority) first: deleting a format shifts the ids of those below it, never above.
    const deletes = [...plan.deletes].sort((a, b) => Number(b.id) - Number(a.id));
    for (const d of deletes) {
      const s = sheet(d.sheet);
      s.all ??= sheetFormats(s.ws);
      s.all.getItem(d.id).delete();
    }
    for (const n of plan.notes) {
      const notes = sheet(n.sheet).ws.notes;
      if (n.note === null) notes.getItemOrNullObject(n.cell).delete();
      else if (n.had === null) notes.add(n.cell, n.note);
      else notes.getItemOrNullObject(n.cell).content = n.note;
    }
    for (const a of plan.adds) {
      const cf = sheet(a.sheet).ws.getRanges(a.address).conditionalFormats.add('Custom');
      cf.custom.rule.formula = MARK_FORMULA;
      cf.custom.format.fill.color = a.color;
    }
    await context.sync();
  });
}

/** The formats of ours to delete on a sheet: those carrying the signature (never a remembered id, see the module comment). */
export function oursOn(formats: SheetFormats | undefined): string[] {
  return formats === undefined ? [] : [...formats.ours];
}

/**
 * After a marking batch failed: deletes every format of ours on `sheets`
 * (by signature). 2 syncs (list, delete; +1 when a sheet is gone). Returns
 * the sheets it could not change (protected now): their records must stay.
 */
export async function removeMarkFormats(host: XlHost, sheets: readonly string[]): Promise<Set<string>> {
  if (sheets.length === 0) return new Set();
  const view = await inspect(host, sheets);
  const deletes = sheets.filter((s) => !view.missing.has(s) && !view.protectedSheets.has(s)).flatMap((s) => oursOn(view.formats.get(s)).map((id) => ({ sheet: s, id })));
  if (deletes.length > 0 && view.readOnly) throw new ActionError('readonly');
  await writeMarks(host, { deletes, adds: [], notes: [] });
  return new Set(sheets.filter((s) => view.protectedSheets.has(s)));
}

/** A cell to mark: its worst severity and the note text (the messages, one a line). */
export interface WantedMark extends CellTarget {
  severity: Severity;
  note: string;
}

/** What a read learnt for marking in one batch. */
export interface FormatKnowledge {
  facts: ReadFacts;
  /** The formats on the sheets holding earlier marks; undefined when they were not loaded. */
  formats: ReadonlyMap<string, SheetFormats> | undefined;
}

/** The texts of the add-in's notes per cell (`sheet\u0000cell`). */
export function noteTexts(records: readonly NoteRecord[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of records) {
    const k = cellKey(r.sheet, r.cell);
    const set = out.get(k) ?? new Set<string>();
    set.add(r.note);
    out.set(k, set);
  }
  return out;
}

/**
 * Whether a note is one the add-in wrote. Excel on Windows may put the
 * author's name in front of a note added through the API ("Anna Berg:" and a
 * line break); Microsoft's pages do not say, so both forms are recognised.
 */
export function isOurNote(content: string, ours: ReadonlySet<string> | undefined): boolean {
  if (ours === undefined) return false;
  if (ours.has(content)) return true;
  const m = /^[^\n]{1,255}:\r?\n/.exec(content);
  return m !== null && ours.has(content.slice(m[0].length));
}

/** What marking did: cells marked, and sheets left unmarked because they are protected. */
export interface MarkOutcome {
  cells: number;
  skippedSheets: string[];
}

const unique = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

/**
 * Marks `wanted` with conditional formats, replacing the earlier marks (their
 * formats deleted in the same batch). 1 sync with what a read learnt
 * (`known`); 2 with notes (ExcelApi 1.18: read the cells' notes first) or
 * without `known`. Protected sheets are skipped and keep their marks. If the
 * batch fails, what it may have added is deleted by signature and notes are
 * put back (see the module comment), and the error is thrown; if that fails
 * too, `UnrestoredError`, with every format that may be ours on record.
 */
export async function markWithFormats(
  host: XlHost,
  log: ChangeLog,
  wanted: ReadonlyMap<string, WantedMark>,
  options: { notes: boolean; known?: FormatKnowledge; addressStyle?: AddressListStyle },
): Promise<MarkOutcome> {
  const style = options.addressStyle ?? { separator: ',' };
  const stored = await log.load();
  const records = stored.formats ?? [];
  const noteRecords = stored.notes ?? [];
  // Notes the add-in wrote are looked after while the host can read notes, also once the setting is off.
  const notesPath = host.supports('1.18') && (options.notes || noteRecords.length > 0);
  const noteCells: CellTarget[] = notesPath
    ? [...new Map([...(options.notes ? [...wanted.values()] : []), ...noteRecords].map((c) => [cellKey(c.sheet, c.cell), { sheet: c.sheet, cell: c.cell }])).values()]
    : [];

  // What must be known before writing: from the read where it learnt it, else looked at now (1 sync; 2 to list the sheets).
  // Our formats are looked for on every sheet, by signature: a change log that was lost (storage evicted or
  // cleared) never leaves marks behind.
  let readOnly: boolean;
  let exists: (sheet: string) => boolean;
  let isProtected: (sheet: string) => boolean;
  let formats: ReadonlyMap<string, SheetFormats>;
  let notes: ReadonlyMap<string, string | null> = new Map();
  const known = options.known;
  if (known !== undefined && known.formats !== undefined) {
    const facts = new Map(known.facts.sheets.map((s) => [s.name, s] as const));
    const probed = known.formats;
    const look = [...facts.keys()].filter((s) => !probed.has(s));
    const lookNotes = noteCells.filter((c) => facts.has(c.sheet));
    if (wanted.size === 0 && look.length === 0 && lookNotes.length === 0 && [...probed.values()].every((f) => f.ours.size === 0)) {
      if (records.length > 0) await log.update((l) => (l.formats = []));
      return { cells: 0, skippedSheets: [] };
    }
    const view = look.length > 0 || lookNotes.length > 0 ? await inspect(host, look, lookNotes) : undefined;
    readOnly = known.facts.readOnly || (view?.readOnly ?? false);
    exists = (s) => facts.has(s) && !(view?.missing.has(s) ?? false);
    isProtected = (s) => facts.get(s)?.protected === true || (view?.protectedSheets.has(s) ?? false);
    formats = new Map([...probed, ...(view?.formats ?? [])]);
    notes = view?.notes ?? notes;
  } else {
    const view = await inspect(host, EVERY_SHEET, noteCells);
    readOnly = view.readOnly;
    exists = (s) => !view.missing.has(s) && view.formats.has(s);
    isProtected = (s) => view.protectedSheets.has(s);
    formats = view.formats;
    notes = view.notes;
  }
  const recordSheets = [...formats.keys()];
  const writable = (s: string): boolean => exists(s) && !isProtected(s);

  const skipped = unique(
    [...recordSheets.filter((s) => (formats.get(s)?.ours.size ?? 0) > 0), ...[...wanted.values()].map((w) => w.sheet), ...(notesPath ? noteRecords.map((r) => r.sheet) : [])].filter(
      (s) => exists(s) && isProtected(s),
    ),
  );
  const kept = records.filter((r) => exists(r.sheet) && isProtected(r.sheet));
  const keptNotes = noteRecords.filter((r) => !notesPath || (exists(r.sheet) && isProtected(r.sheet)));

  // The plan: earlier formats out, new ones in (per sheet and severity), notes where the cell has none or has ours.
  const deletes = recordSheets.filter(writable).flatMap((s) => oursOn(formats.get(s)).map((id) => ({ sheet: s, id })));
  const groups = new Map<string, { sheet: string; color: string; cells: string[] }>();
  const order: Severity[] = ['error', 'warning', 'info'];
  const marked = [...wanted.values()].filter((w) => writable(w.sheet));
  for (const w of [...marked].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity))) {
    const k = cellKey(w.sheet, w.severity);
    const g = groups.get(k) ?? { sheet: w.sheet, color: MARK_COLORS[w.severity], cells: [] };
    g.cells.push(w.cell);
    groups.set(k, g);
  }
  const adds = [...groups.values()].flatMap((g) => markAddresses(g.cells, MARK_ADDRESS_LIMIT, style.separator).map((address) => ({ sheet: g.sheet, address, color: g.color })));
  const texts = noteTexts(noteRecords);
  const noteChanges: NoteChange[] = [];
  const newNotes: NoteRecord[] = [];
  for (const c of noteCells) {
    if (!writable(c.sheet)) continue;
    const k = cellKey(c.sheet, c.cell);
    const had = notes.get(k) ?? null;
    const ours = had !== null && isOurNote(had, texts.get(k));
    const w = options.notes ? wanted.get(k) : undefined;
    if (w !== undefined && (had === null || ours)) {
      if (had !== w.note) noteChanges.push({ sheet: c.sheet, cell: c.cell, note: w.note, had });
      newNotes.push({ sheet: c.sheet, cell: c.cell, note: w.note });
    } else if (w === undefined && ours) {
      noteChanges.push({ sheet: c.sheet, cell: c.cell, note: null, had });
    }
  }
  if (readOnly && (deletes.length > 0 || adds.length > 0 || noteChanges.length > 0)) throw new ActionError('readonly');

  // Written ahead: where the add-in's formats may be after the batch (what `clearMarks` and a new Validera look at first).
  const pending: FormatRecord[] = adds.map((a) => ({ sheet: a.sheet, address: a.address, color: a.color }));
  await log.update((l) => {
    l.formats = [...records.filter((r) => exists(r.sheet)), ...pending];
    l.notes = [...noteRecords.filter((r) => !notesPath || exists(r.sheet)), ...newNotes];
  });
  try {
    await writeMarks(host, { deletes, adds, notes: noteChanges });
  } catch (err) {
    const failure = toActionError(err);
    try {
      if (noteChanges.length > 0)
        await rewrite(
          host,
          noteChanges.map((c) => ({ sheet: c.sheet, cell: c.cell, note: c.had })),
          true,
        );
      const touched = unique([...deletes.map((d) => d.sheet), ...adds.map((a) => a.sheet)]);
      const left = await removeMarkFormats(host, touched);
      await log.update((l) => {
        l.formats = [...kept, ...[...records, ...pending].filter((r) => left.has(r.sheet))];
        l.notes = noteRecords.filter((r) => !notesPath || exists(r.sheet));
      });
    } catch {
      throw new UnrestoredError(failure, [], []);
    }
    if (failure.code === 'invalid-argument' && style.separator === ',' && adds.some((a) => a.address.includes(','))) {
      // This Excel takes `;` between the areas (see AddressListStyle): the same marking again, looked at afresh.
      style.separator = ';';
      return markWithFormats(host, log, wanted, { notes: options.notes, addressStyle: style });
    }
    throw failure;
  }
  await log.update((l) => {
    l.formats = [...kept, ...adds];
    l.notes = [...keptNotes, ...newNotes];
  });
  return { cells: marked.length, skippedSheets: skipped };
}

/**
 * Takes away the conditional-format marks and the add-in's notes: 2 syncs
 * (look, delete; +1 when a sheet is gone). A note the economist changed is
 * theirs and stays. Protected sheets keep their marks, on record.
 */
export async function clearFormatMarks(host: XlHost, log: ChangeLog): Promise<void> {
  const stored = await log.load();
  const records = stored.formats ?? [];
  const noteRecords = stored.notes ?? [];
  const notesOk = host.supports('1.18');
  const noteCells = notesOk ? [...new Map(noteRecords.map((c) => [cellKey(c.sheet, c.cell), { sheet: c.sheet, cell: c.cell }])).values()] : [];
  // Every sheet, by signature: also marks whose change log was lost.
  const view = await inspect(host, EVERY_SHEET, noteCells);
  const writable = (s: string): boolean => !view.missing.has(s) && !view.protectedSheets.has(s);
  const deletes = [...view.formats.keys()].filter(writable).flatMap((s) => oursOn(view.formats.get(s)).map((id) => ({ sheet: s, id })));
  const texts = noteTexts(noteRecords);
  const noteChanges = noteCells
    .filter((c) => writable(c.sheet))
    .flatMap((c): NoteChange[] => {
      const had = view.notes.get(cellKey(c.sheet, c.cell)) ?? null;
      return had !== null && isOurNote(had, texts.get(cellKey(c.sheet, c.cell))) ? [{ sheet: c.sheet, cell: c.cell, note: null, had }] : [];
    });
  if (view.readOnly && (deletes.length > 0 || noteChanges.length > 0)) throw new ActionError('readonly');
  // A batch that breaks off leaves the log as it was: what it deleted is no longer there next time (ids are looked up first).
  await writeMarks(host, { deletes, adds: [], notes: noteChanges });
  await log.update((l) => {
    l.formats = records.filter((r) => view.protectedSheets.has(r.sheet));
    l.notes = noteRecords.filter((r) => !notesOk || view.protectedSheets.has(r.sheet));
  });
}
