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
 * OfficeRuntime.storage (shared runtime) or the pane's localStorage
 * (`storage.ts`), so it survives closing and reopening the task pane; in
 * memory where neither is available. Entries are written ahead of the write
 * they describe. Storage has a quota: the logs of the documents used least
 * recently are evicted (`MAX_DOCUMENTS`, and whenever a write is refused).
 * Losing a log never leaves marks behind (they are found by signature on
 * every sheet, see mark-formats.ts); it loses only the means to Ångra.
 */
import type { ChangeLogEntry } from './actions';
import type { ChartRecord } from './chart';
import type { KeyValueStore } from './storage';
import type { CellChange, CellState, FillState, LayoutChange } from './write';

/** One action in the log. */
export interface LogEntry extends ChangeLogEntry {
  /** `pending` while its write runs (or when it failed and could not be put back). */
  state: 'pending' | 'done';
  before: CellState[];
  changes: CellChange[];
  /** What puts back the action's layout: sheets it added (deleted by undo), columns and sheets it hid. */
  layoutBack?: LayoutChange;
  /** Charts the action added (by sheet and name): Ångra deletes those still there. */
  charts?: ChartRecord[];
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

export { browserStore, memoryStore, type KeyValueStore } from './storage';

/** How many documents' logs are kept; the least recently used go first. */
export const MAX_DOCUMENTS = 30;

/** The key of the index of documents' logs and when each was last written. */
export const INDEX_KEY = 'avvikelsekollen.changelog.index.v1';

type LogIndex = Record<string, number>;

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

  /**
   * Saves the log and notes the document as used now. A write refused for
   * the quota evicts the least recently used other document's log and tries
   * again; with no other log left, the oldest entries of this one go.
   */
  async save(log: StoredLog): Promise<void> {
    let entries = log.entries.slice(-MAX_ENTRIES);
    const index = await this.index();
    index[this.key] = Date.now();
    for (;;) {
      try {
        await this.store.set(this.key, JSON.stringify({ ...log, entries }));
        break;
      } catch (err) {
        const victim = oldest(index, this.key);
        if (victim !== undefined) {
          await this.evict(index, victim);
        } else if (entries.length > 0) {
          entries = entries.slice(1);
        } else {
          throw err;
        }
      }
    }
    for (let victim = oldest(index, this.key); Object.keys(index).length > MAX_DOCUMENTS && victim !== undefined; victim = oldest(index, this.key)) {
      await this.evict(index, victim);
    }
    try {
      await this.store.set(INDEX_KEY, JSON.stringify(index));
    } catch {
      // the index is a hint: without it, eviction starts over from this document
    }
  }

  async update(f: (log: StoredLog) => void): Promise<StoredLog> {
    const log = await this.load();
    f(log);
    await this.save(log);
    return log;
  }

  private async index(): Promise<LogIndex> {
    try {
      const text = await this.store.get(INDEX_KEY);
      const parsed: unknown = text === null ? {} : JSON.parse(text);
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as LogIndex) : {};
    } catch {
      return {};
    }
  }

  private async evict(index: LogIndex, key: string): Promise<void> {
    delete index[key];
    try {
      await this.store.remove(key);
    } catch {
      // already gone
    }
  }
}

/** The least recently used document other than `except`. */
function oldest(index: LogIndex, except: string): string | undefined {
  let found: string | undefined;
  for (const [k, at] of Object.entries(index)) if (k !== except && (found === undefined || at < (index[found] as number))) found = k;
  return found;
}

/** The public part of an entry. */
export function publicEntry(e: LogEntry): ChangeLogEntry {
  return { id: e.id, label: e.label, at: e.at, cells: e.cells };
}
