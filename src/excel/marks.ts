/**
 * Marks: each finding's cell shows its severity's colour; clearing takes
 * every mark away and leaves every cell exactly as the economist formatted
 * it; notes with the message where ExcelApi 1.18 allows (only where the cell
 * has no note of its own).
 *
 * Two ways to mark, by what the host supports:
 * - ExcelApi 1.9 (Excel 2021, Microsoft 365, the web, Mac): conditional
 *   formats over the finding cells (`mark-formats.ts`). The cells' own
 *   fills, fonts and notes are never written, so clearing is exact by
 *   construction. A Validera marks in 1 round trip after its read, also the
 *   first time (2 with notes).
 * - Without it (ExcelApi 1.7–1.8, Excel 2019): the cells are filled, and the
 *   fill each had is kept in the change log and put back when the mark goes;
 *   a cell recoloured by hand after it was marked is left alone. Marking is
 *   1 sync when the read learnt the fill of every cell it touches (a
 *   re-validation), else 2 (read the cells' own fills, then write): one
 *   batch that loads a new cell's fill and sets its mark could not be put
 *   back exactly if it broke off, its answer (the own fill) never arriving.
 *   If a batch fails, the cells are put back in 2 more syncs, each to the fill
 *   it had at the read.
 *
 * Marks made by filling cells (the previous version of the add-in, or an
 * older Excel) stay cleared the way they were made: the first marking with
 * conditional formats clears them first (2 syncs, once), and "Ta bort
 * markeringar" clears both kinds.
 */
import { type Finding, type Language, type Severity, SEVERITY_ORDER, translate } from '../engine';
import { ActionError } from './actions';
import { ChangeLog, type MarkRecord, type StoredLog } from './changelog';
import { toActionError } from './errors';
import { clearFormatMarks, MARK_COLORS, markWithFormats, queueFormatProbe, type AddressListStyle, type MarkOutcome, type SheetFormats, type WantedMark } from './mark-formats';
import type { ReadFacts, ReadOptions } from './read';
import { changeCells, fillOf, queueFill, sameFill, UnrestoredError, type CellChange, type CellState, type FillState, type SnapshotInfo } from './write';
import type { XlHost, XlRangeFill, XlWorksheet } from './xl';

export { MARK_COLORS, MARK_FORMULA } from './mark-formats';
export type { MarkOutcome } from './mark-formats';

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of `#RRGGBB`. */
export function luminance(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio of two colours. */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

function markFill(severity: Severity): FillState {
  return { none: false, color: MARK_COLORS[severity], pattern: 'Solid', patternColor: '#000000' };
}

function isOurs(state: CellState, record: MarkRecord): boolean {
  return isOursFill(state.fill, record.applied);
}

function isOursFill(fill: FillState, applied: string): boolean {
  return !fill.none && fill.color.toUpperCase() === applied.toUpperCase() && (fill.pattern ?? 'Solid') === 'Solid';
}

const NO_FILL: FillState = { none: true, color: '#FFFFFF' };
/** A fill not known: writing over it sets every part (colour and pattern). */
const UNKNOWN_FILL: FillState = { none: false, color: '', pattern: '', patternColor: '' };

/** What a read learnt for marking in one batch. */
export interface MarkKnowledge {
  facts: ReadFacts;
  /** Filled marks: the fill each earlier-marked cell had at the read (`sheet\u0000cell`); undefined when it was not read. */
  fills: ReadonlyMap<string, FillState> | undefined;
  /** Conditional-format marks: the formats on the sheets holding earlier marks; undefined when they were not read. */
  formats: ReadonlyMap<string, SheetFormats> | undefined;
}

/**
 * Loads, with the read's first data request (no extra round trip), what
 * marking in one batch must know of the earlier marks: with conditional
 * formats (ExcelApi 1.9), the formats on every sheet (ours found by signature),
 * with fills, the fill of every cell marked earlier. On sheets that exist.
 * `knowledge` gives them after the read.
 */
export function probeMarks(host: XlHost, stored: Pick<StoredLog, 'marks' | 'formats'>): { alongside: NonNullable<ReadOptions['alongside']>; knowledge: (facts: ReadFacts) => MarkKnowledge } {
  const withFormats = host.supports('1.9');
  const patterns = host.supports('1.9');
  // With conditional formats, filled marks are cleared the way they were made (cells read again), not from this probe.
  const marks = withFormats ? [] : stored.marks;
  // With conditional formats, every sheet's formats are looked at: ours are found by signature, also when the log was lost.
  let fills: Map<string, FillState> | undefined = marks.length === 0 ? new Map() : undefined;
  let formats: Map<string, SheetFormats> | undefined;
  const alongside: NonNullable<ReadOptions['alongside']> = (_context, sheets) => {
    const probes = marks.flatMap((m) => {
      const ws = sheets.get(m.sheet);
      if (ws === undefined) return [];
      const fill = ws.getRange(m.cell).format.fill;
      fill.load(patterns ? 'color,pattern,patternColor' : 'color');
      return [{ key: cellKey(m.sheet, m.cell), fill }];
    });
    const formatProbes = withFormats ? [...sheets].map(([name, ws]) => ({ name, take: queueFormatProbe(ws) })) : [];
    return () => {
      fills = new Map(probes.map((p) => [p.key, fillOf(p.fill, patterns)] as const));
      if (withFormats) formats = new Map(formatProbes.map((p) => [p.name, p.take()] as const));
    };
  };
  return { alongside, knowledge: (facts) => ({ facts, fills, formats }) };
}

const cellKey = (sheet: string, cell: string): string => `${sheet}\u0000${cell}`;

/**
 * Each finding cell once, with its worst severity and, when notes are asked
 * for, its messages (one a line); without notes no message is translated
 * (a Validera of 240 findings would otherwise format 240 messages for nothing).
 */
function wantedMarks(findings: readonly Finding[], lang: Language, notes: boolean): Map<string, WantedMark> {
  const wanted = new Map<string, WantedMark>();
  for (const f of findings) {
    const k = cellKey(f.sheet, f.cell);
    const text = notes ? translate(f.messageId, lang, f.params) : '';
    const w = wanted.get(k);
    if (w === undefined) wanted.set(k, { sheet: f.sheet, cell: f.cell, severity: f.severity, note: text });
    else {
      if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[w.severity]) w.severity = f.severity;
      if (notes && !w.note.split('\n').includes(text)) w.note += `\n${text}`;
    }
  }
  return wanted;
}

/**
 * Marks the findings' cells, replacing earlier marks. With ExcelApi 1.9,
 * conditional formats: 1 sync after a read (`known`), 2 with notes; filled
 * marks of the previous version are cleared first (2 syncs, once). Without
 * it, fills: 1 sync when `known` has every touched cell's fill, else 2 (see
 * the module comment). Protected sheets are skipped.
 */
export async function markFindings(
  host: XlHost,
  log: ChangeLog,
  findings: readonly Finding[],
  options: { notes: boolean; lang: Language; known?: MarkKnowledge; addressStyle?: AddressListStyle },
): Promise<MarkOutcome> {
  const wanted = wantedMarks(findings, options.lang, options.notes);
  const stored = await log.load();
  if (host.supports('1.9')) {
    if (stored.marks.length > 0) await clearFillMarks(host, log);
    const known = options.known === undefined ? undefined : { facts: options.known.facts, formats: options.known.formats };
    return markWithFormats(host, log, wanted, {
      notes: options.notes,
      ...(known === undefined ? {} : { known }),
      ...(options.addressStyle === undefined ? {} : { addressStyle: options.addressStyle }),
    });
  }
  // Marks made with conditional formats on a newer Excel: deleted by id (ExcelApi 1.6) before filling.
  if ((stored.formats ?? []).length > 0 || (stored.notes ?? []).length > 0) await clearFormatMarks(host, log);
  return markWithFills(host, log, wanted, options);
}

/** Marking by filling cells (hosts without ExcelApi 1.9; see the module comment). */
async function markWithFills(host: XlHost, log: ChangeLog, wanted: ReadonlyMap<string, WantedMark>, options: { notes: boolean; known?: MarkKnowledge }): Promise<MarkOutcome> {
  const stored = await log.load();
  const old = new Map(stored.marks.map((m) => [cellKey(m.sheet, m.cell), m] as const));
  const targets = [...new Map([...old.values(), ...wanted.values()].map((t) => [cellKey(t.sheet, t.cell), { sheet: t.sheet, cell: t.cell }])).values()];
  if (targets.length === 0) return { cells: 0, skippedSheets: [] };
  const notes = options.notes && host.supports('1.18');
  const known = options.known;
  if (!notes && known !== undefined) {
    const fills = known.fills ?? (old.size === 0 ? new Map<string, FillState>() : undefined);
    const present = new Set(known.facts.sheets.map((s) => s.name));
    // One batch only when every cell it touches has a fill known from the read: then a batch that
    // fails half-way is put back exactly. A cell marked for the first time has its own fill known
    // only from the batch's answer, which a failed batch never delivers: those take the 2-sync path.
    const known1 = (k: string, sheet: string): boolean => !present.has(sheet) || (fills?.has(k) ?? false);
    if (fills !== undefined && [...old.values()].every((m) => known1(cellKey(m.sheet, m.cell), m.sheet)) && [...wanted.entries()].every(([k, w]) => known1(k, w.sheet))) {
      return markInOneBatch(host, log, stored.marks, wanted, { facts: known.facts, fills });
    }
  }
  const skipped = new Set<string>();
  let next: MarkRecord[] = [];
  let kept: MarkRecord[] = [];

  const decide = (states: CellState[], info: SnapshotInfo): CellChange[] => {
    if (info.readOnly) throw new ActionError('readonly');
    const changes: CellChange[] = [];
    next = [];
    kept = [];
    for (const state of states) {
      const k = cellKey(state.sheet, state.cell);
      const prev = old.get(k);
      const want = wanted.get(k);
      if (info.missingSheets.has(state.sheet)) continue;
      if (info.protectedSheets.has(state.sheet)) {
        skipped.add(state.sheet);
        if (prev !== undefined) kept.push(prev);
        continue;
      }
      const ours = prev !== undefined && isOurs(state, prev);
      const ourNote = prev?.note !== undefined && state.note === prev.note;
      if (want !== undefined) {
        const fill = markFill(want.severity);
        const record: MarkRecord = { sheet: state.sheet, cell: state.cell, previous: ours ? (prev as MarkRecord).previous : state.fill, applied: fill.color };
        const change: CellChange = { sheet: state.sheet, cell: state.cell, fill };
        if (notes && (state.note === null || ourNote)) {
          change.note = want.note;
          record.note = want.note;
        }
        changes.push(change);
        next.push(record);
      } else if (prev !== undefined) {
        const change: CellChange = { sheet: state.sheet, cell: state.cell };
        if (ours) change.fill = prev.previous;
        if (notes && ourNote) change.note = null;
        if (change.fill !== undefined || change.note !== undefined) changes.push(change);
      }
    }
    return changes;
  };

  try {
    await changeCells(host, targets, decide, {
      notes,
      // Written ahead: if the write is lost half-way, every cell that may carry a mark is on record.
      beforeWrite: async () => {
        await log.update((l) => (l.marks = [...stored.marks.filter((m) => !wanted.has(cellKey(m.sheet, m.cell))), ...next, ...kept]));
      },
    });
  } catch (err) {
    if (!(err instanceof UnrestoredError)) await log.update((l) => (l.marks = stored.marks));
    throw err;
  }
  await log.update((l) => (l.marks = [...next, ...kept]));
  return { cells: next.length, skippedSheets: [...skipped] };
}

interface Planned {
  sheet: string;
  cell: string;
  prev: MarkRecord | undefined;
  want: Severity | undefined;
  /** The fill at the read (cells marked before), undefined for a new mark. */
  pre: FillState | undefined;
  /** The fill to set, if any. */
  write: FillState | undefined;
  /** The fill proxy, loaded before the write: the fill the cell had. */
  snap?: XlRangeFill;
}

/** Marking in 1 sync, from what the read learnt (see the module comment). */
async function markInOneBatch(
  host: XlHost,
  log: ChangeLog,
  storedMarks: readonly MarkRecord[],
  wanted: ReadonlyMap<string, WantedMark>,
  known: { facts: ReadFacts; fills: ReadonlyMap<string, FillState> },
): Promise<MarkOutcome> {
  if (known.facts.readOnly) throw new ActionError('readonly');
  const patterns = host.supports('1.9');
  const sheets = new Map(known.facts.sheets.map((s) => [s.name, s] as const));
  const old = new Map(storedMarks.map((m) => [cellKey(m.sheet, m.cell), m] as const));
  const skipped = new Set<string>();
  const kept: MarkRecord[] = [];
  const plan: Planned[] = [];
  for (const k of new Set([...old.keys(), ...wanted.keys()])) {
    const prev = old.get(k);
    const w = wanted.get(k);
    const { sheet, cell } = (prev ?? w) as { sheet: string; cell: string };
    const facts = sheets.get(sheet);
    if (facts === undefined) continue; // the sheet is gone, and its marks with it
    if (facts.protected) {
      skipped.add(sheet);
      if (prev !== undefined) kept.push(prev);
      continue;
    }
    const pre = prev === undefined ? undefined : known.fills.get(k);
    const preOurs = prev !== undefined && pre !== undefined && isOursFill(pre, prev.applied);
    let write: FillState | undefined;
    if (w !== undefined) {
      write = markFill(w.severity);
      if (pre !== undefined && sameFill(pre, write)) write = undefined;
    } else if (preOurs) {
      write = (prev as MarkRecord).previous;
    }
    if (w === undefined && write === undefined) {
      continue; // an old mark someone recoloured: theirs now, no longer on record
    }
    plan.push({ sheet, cell, prev, want: w?.severity, pre, write });
  }
  const record = (p: Planned, fill: FillState | undefined): MarkRecord => ({
    sheet: p.sheet,
    cell: p.cell,
    previous: p.prev !== undefined && fill !== undefined && isOursFill(fill, p.prev.applied) ? p.prev.previous : (fill ?? NO_FILL),
    applied: MARK_COLORS[p.want as Severity],
  });
  // Written ahead: every cell that may carry a mark is on record (a new mark's own fill is known only after the sync).
  const ahead = [...storedMarks.filter((m) => !wanted.has(cellKey(m.sheet, m.cell))), ...plan.filter((p) => p.want !== undefined).map((p) => record(p, p.pre)), ...kept];
  await log.update((l) => (l.marks = ahead));
  try {
    if (plan.length > 0) {
      await host.run(async (context) => {
        const proxies = new Map<string, XlWorksheet>();
        for (const p of plan) {
          let ws = proxies.get(p.sheet);
          if (ws === undefined) proxies.set(p.sheet, (ws = context.workbook.worksheets.getItem(p.sheet)));
          const fill = ws.getRange(p.cell).format.fill;
          fill.load(patterns ? 'color,pattern,patternColor' : 'color'); // before the write below: the fill the cell has
          p.snap = fill;
          if (p.write !== undefined) queueFill(fill, p.write, patterns, p.pre ?? UNKNOWN_FILL);
        }
        await context.sync();
      });
    }
  } catch (err) {
    const failure = toActionError(err);
    try {
      await restorePlan(host, plan);
    } catch {
      throw new UnrestoredError(failure, [], []);
    }
    await log.update((l) => (l.marks = [...storedMarks]));
    throw failure;
  }
  const next: MarkRecord[] = [];
  const fixups: CellChange[] = [];
  for (const p of plan) {
    const had = fillOf(p.snap as XlRangeFill, patterns);
    if (p.want !== undefined) next.push(record(p, had));
    else if (p.prev !== undefined && !isOursFill(had, p.prev.applied)) {
      fixups.push({ sheet: p.sheet, cell: p.cell, fill: had }); // recoloured by hand between the read and this batch: put theirs back
    }
  }
  if (fixups.length > 0) await changeCells(host, fixups, (states) => fixups.filter((c, i) => !sameFill((states[i] as CellState).fill, c.fill as FillState)));
  await log.update((l) => (l.marks = [...next, ...kept]));
  return { cells: next.length, skippedSheets: [...skipped] };
}

/** After a failed marking batch: every planned cell back to its fill at the read; a new mark to no fill where it shows. */
async function restorePlan(host: XlHost, plan: readonly Planned[]): Promise<void> {
  const targets = plan.filter((p) => p.write !== undefined);
  if (targets.length === 0) return;
  await changeCells(host, targets, (states, info) =>
    targets.flatMap((p, i): CellChange[] => {
      const state = states[i] as CellState;
      if (info.missingSheets.has(p.sheet) || info.protectedSheets.has(p.sheet)) return [];
      if (p.pre !== undefined) return sameFill(state.fill, p.pre) ? [] : [{ sheet: p.sheet, cell: p.cell, fill: p.pre }];
      return p.want !== undefined && isOursFill(state.fill, MARK_COLORS[p.want]) ? [{ sheet: p.sheet, cell: p.cell, fill: NO_FILL }] : [];
    }),
  );
}

/**
 * Takes every mark away: conditional-format marks and their notes deleted
 * (3 syncs), filled marks given their own fill back (2 syncs; only for marks
 * made by filling). Protected sheets keep their marks, on record.
 */
export async function clearAllMarks(host: XlHost, log: ChangeLog): Promise<void> {
  const stored = await log.load();
  if (stored.marks.length > 0) await clearFillMarks(host, log);
  // Conditional-format marks are looked for on every sheet by signature, whatever the log says (it may have been lost).
  await clearFormatMarks(host, log);
}

/** Puts back every filled cell's own fill and removes the notes recorded with them. 2 syncs. */
async function clearFillMarks(host: XlHost, log: ChangeLog): Promise<void> {
  const stored = await log.load();
  if (stored.marks.length === 0) return;
  const notes = host.supports('1.18') && stored.marks.some((m) => m.note !== undefined);
  const byKey = new Map(stored.marks.map((m) => [cellKey(m.sheet, m.cell), m] as const));
  const left: MarkRecord[] = [];
  const decide = (states: CellState[], info: SnapshotInfo): CellChange[] => {
    if (info.readOnly) throw new ActionError('readonly');
    const changes: CellChange[] = [];
    for (const state of states) {
      const record = byKey.get(cellKey(state.sheet, state.cell)) as MarkRecord;
      if (info.missingSheets.has(state.sheet)) continue;
      if (info.protectedSheets.has(state.sheet)) {
        left.push(record);
        continue;
      }
      const change: CellChange = { sheet: state.sheet, cell: state.cell };
      if (isOurs(state, record) && !sameFill(state.fill, record.previous)) change.fill = record.previous;
      if (notes && record.note !== undefined && state.note === record.note) change.note = null;
      if (change.fill !== undefined || change.note !== undefined) changes.push(change);
    }
    return changes;
  };
  await changeCells(host, stored.marks, decide, { notes });
  await log.update((l) => (l.marks = left));
}
