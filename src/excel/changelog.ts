/**
 * The add-in's own change log: what every action changed, with each touched
 * cell's state before (value, formula, number format, fill), so "Ångra" can
 * restore it exactly, and the marks: the conditional formats the add-in
 * added (by id) and its notes, or, for marks made by filling cells (the
 * previous version, and hosts without ExcelApi 1.9), each cell's own
 * previous fill.
 *
 * It lives outside the document (never document settings or custom XML parts:
 * saving those clears Excel's undo stack), keyed by the document's URL, in
 * OfficeRuntime.storage (shared runtime) or the pane's localStorage, so it
 * survives closing and reopening the task pane; in memory where neither is
 * available. Entries are written ahead of the write they describe.
 */
import type { ChangeLogEntry } from './actions';
import type { CellChange, CellState, FillState, LayoutChange } from './write';

export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

/** A store in memory (one per JavaScript runtime when shared). */
export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    get: (k) => Promise.resolve(map.get(k) ?? null),
    set: (k, v) => {
      map.set(k, v);
      return Promise.resolve();
    },
  };
}

interface AsyncStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
}

let fallback: KeyValueStore | undefined;

/** OfficeRuntime.storage, else localStorage, else memory shared by the runtime. */
export function browserStore(): KeyValueStore {
  const g = globalThis as unknown as { OfficeRuntime?: { storage?: AsyncStorage }; localStorage?: Storage };
  const runtime = g.OfficeRuntime?.storage;
  if (runtime !== undefined) return { get: (k) => runtime.getItem(k), set: (k, v) => runtime.setItem(k, v) };
  try {
    const ls = g.localStorage;
    if (ls !== undefined) {
      const probe = '__avvikelsekollen_probe__';
      ls.setItem(probe, '1');
      ls.removeItem(probe);
      return {
        get: (k) => Promise.resolve(ls.getItem(k)),
        set: (k, v) => {
          ls.setItem(k, v);
          return Promise.resolve();
        },
      };
    }
  } catch {
    // storage blocked (private mode, policy): memory only
  }
  fallback ??= memoryStore();
  return fallback;
}

/** One action in the log. */
export interface LogEntry extends ChangeLogEntry {
  /** `pending` while its write runs (or when it failed and could not be put back). */
  state: 'pending' | 'done';
  before: CellState[];
  changes: CellChange[];
  /** What puts back the action's layout: sheets it added (deleted by undo), columns and sheets it hid. */
  layoutBack?: LayoutChange;
}

/**
 * A cell the add-in marked by filling it: marks made by the previous version,
 * and on hosts without ExcelApi 1.9. Cleared by putting `previous` back.
 */
export interface MarkRecord {
  sheet: string;
  cell: string;
  /** The cell's own fill before the first mark. */
  previous: FillState;
  /** The colour the add-in gave it. */
  applied: string;
  /** The note the add-in added (ExcelApi 1.18), if any. */
  note?: string;
}

/**
 * A conditional format the add-in added to mark finding cells (ExcelApi 1.9:
 * over `RangeAreas`); the cells' own formatting is never written. Deleted by
 * id (ExcelApi 1.6), or found by its signature (rule formula and colour, see
 * `mark-formats.ts`) while the id is not known.
 */
export interface FormatRecord {
  sheet: string;
  /** `ConditionalFormat.id`; absent while the batch that adds it has not answered (written ahead). */
  id?: string;
  /** The cells it was added over (`F5:F7,H9`). */
  address: string;
  /** Its fill, `MARK_COLORS[severity]`. */
  color: string;
}

/** A note the add-in added to a marked cell (ExcelApi 1.18), with conditional-format marks. */
export interface NoteRecord {
  sheet: string;
  cell: string;
  note: string;
}

export interface StoredLog {
  version: 1;
  entries: LogEntry[];
  /** Marks made by filling cells (the previous version; hosts without ExcelApi 1.9). */
  marks: MarkRecord[];
  /** Marks made by conditional formats (absent in logs written by the previous version). */
  formats?: FormatRecord[];
  /** Notes added with conditional-format marks (absent in logs written by the previous version). */
  notes?: NoteRecord[];
}

/** How many actions can be undone, newest first. */
export const MAX_ENTRIES = 20;

export class ChangeLog {
  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
  ) {}

  static keyFor(documentUrl: string): string {
    return `avvikelsekollen.changelog.v1:${documentUrl === '' ? 'unsaved' : documentUrl}`;
  }

  async load(): Promise<StoredLog> {
    try {
      const text = await this.store.get(this.key);
      if (text !== null) {
        const parsed = JSON.parse(text) as StoredLog;
        if (parsed.version === 1 && Array.isArray(parsed.entries) && Array.isArray(parsed.marks)) return parsed;
      }
    } catch {
      // unreadable: start afresh
    }
    return { version: 1, entries: [], marks: [] };
  }

  async save(log: StoredLog): Promise<void> {
    const trimmed: StoredLog = { ...log, entries: log.entries.slice(-MAX_ENTRIES) };
    await this.store.set(this.key, JSON.stringify(trimmed));
  }

  async update(f: (log: StoredLog) => void): Promise<StoredLog> {
    const log = await this.load();
    f(log);
    await this.save(log);
    return log;
  }
}

/** The public part of an entry. */
export function publicEntry(e: LogEntry): ChangeLogEntry {
  return { id: e.id, label: e.label, at: e.at, cells: e.cells };
}
