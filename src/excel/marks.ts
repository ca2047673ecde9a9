/**
 * Marks: each finding's cell gets its severity's fill colour; clearing puts
 * back every cell's own previous fill exactly (a colour, a pattern, or no
 * fill at all), and removes the notes the add-in added (ExcelApi 1.18).
 * A cell whose fill someone changed after it was marked is left alone.
 */
import { SEVERITY_ORDER, type Finding, type Severity } from '../engine/finding';
import { translate, type Language } from '../engine/i18n';
import { ActionError } from './actions';
import { ChangeLog, type MarkRecord } from './changelog';
import { changeCells, sameFill, UnrestoredError, type CellChange, type CellState, type FillState, type SnapshotInfo } from './write';
import type { XlHost } from './xl';

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
  return !state.fill.none && state.fill.color.toUpperCase() === record.applied.toUpperCase() && (state.fill.pattern ?? 'Solid') === 'Solid';
}

const cellKey = (sheet: string, cell: string): string => `${sheet}\u0000${cell}`;

export interface MarkOutcome {
  cells: number;
  skippedSheets: string[];
}

interface Wanted {
  severity: Severity;
  note: string;
}

/**
 * Marks the findings' cells, replacing earlier marks (cells no longer in the
 * findings get their own fill back). 2 syncs. Protected sheets are skipped.
 */
export async function markFindings(host: XlHost, log: ChangeLog, findings: readonly Finding[], options: { notes: boolean; lang: Language }): Promise<MarkOutcome> {
  const stored = await log.load();
  const old = new Map(stored.marks.map((m) => [cellKey(m.sheet, m.cell), m] as const));
  const wanted = new Map<string, Wanted & { sheet: string; cell: string }>();
  for (const f of findings) {
    const k = cellKey(f.sheet, f.cell);
    const text = translate(f.messageId, options.lang, f.params);
    const w = wanted.get(k);
    if (w === undefined) wanted.set(k, { sheet: f.sheet, cell: f.cell, severity: f.severity, note: text });
    else {
      if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[w.severity]) w.severity = f.severity;
      if (!w.note.split('\n').includes(text)) w.note += `\n${text}`;
    }
  }
  const targets = [...new Map([...old.values(), ...wanted.values()].map((t) => [cellKey(t.sheet, t.cell), { sheet: t.sheet, cell: t.cell }])).values()];
  if (targets.length === 0) return { cells: 0, skippedSheets: [] };
  const notes = options.notes && host.supports('1.18');
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

/** Puts back every marked cell's own fill and removes the add-in's notes. 2 syncs. */
export async function clearAllMarks(host: XlHost, log: ChangeLog): Promise<void> {
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
