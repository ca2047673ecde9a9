/**
 * Where the change log is kept, outside the document: OfficeRuntime.storage
 * where the shared runtime is supported, else the pane's local storage,
 * else memory.
 *
 * - `OfficeRuntime.storage` belongs to the SharedRuntime 1.1 requirement set
 *   (learn.microsoft.com/javascript/api/office-runtime/officeruntime.storage):
 *   it is used only after `isSetSupported('SharedRuntime', '1.1')`, never
 *   because the object exists (Office 2019 has none; a client may define the
 *   object without the runtime behind it).
 * - Local storage is keyed with `Office.context.partitionKey` where Office
 *   gives one (Excel on the web partitions storage per site:
 *   learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings).
 * - Both have a quota (10 MB per domain, shared by add-ins, for
 *   OfficeRuntime.storage): `ChangeLog` keeps the logs of the most recently
 *   used documents and evicts the oldest when a write is refused.
 */

/** A small asynchronous key-value store. */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
  /** Which store this is, for the self-test's report. */
  readonly kind: 'office-runtime' | 'local-storage' | 'memory';
}

/** A store in memory (one per JavaScript runtime when shared). */
export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    kind: 'memory',
    get: (k) => Promise.resolve(map.get(k) ?? null),
    set: (k, v) => {
      map.set(k, v);
      return Promise.resolve();
    },
    remove: (k) => {
      map.delete(k);
      return Promise.resolve();
    },
  };
}

/** OfficeRuntime.storage as the add-in uses it (SharedRuntime 1.1). */
export interface RuntimeStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

/** What the store is chosen from: the page's globals (a test passes its own). */
export interface StorageEnvironment {
  Office?: { context?: { requirements?: { isSetSupported(name: string, version?: string): boolean }; partitionKey?: string } };
  OfficeRuntime?: { storage?: RuntimeStorage };
  localStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/** Whether the client supports the shared runtime (SharedRuntime 1.1), false where it cannot say. */
export function sharedRuntimeSupported(env: StorageEnvironment): boolean {
  try {
    return env.Office?.context?.requirements?.isSetSupported('SharedRuntime', '1.1') === true;
  } catch {
    return false;
  }
}

/** The store the change log uses in this environment (see the module comment). */
export function browserStore(env: StorageEnvironment = globalThis as unknown as StorageEnvironment): KeyValueStore {
  const runtime = env.OfficeRuntime?.storage;
  if (runtime !== undefined && sharedRuntimeSupported(env)) {
    return { kind: 'office-runtime', get: (k) => runtime.getItem(k), set: (k, v) => runtime.setItem(k, v), remove: (k) => runtime.removeItem(k) };
  }
  try {
    const ls = env.localStorage;
    if (ls !== undefined) {
      let partition = '';
      try {
        partition = env.Office?.context?.partitionKey ?? '';
      } catch {
        partition = '';
      }
      const at = (k: string): string => (partition === '' ? k : `${partition}${k}`);
      const probe = at('__avvikelsekollen_probe__');
      ls.setItem(probe, '1');
      ls.removeItem(probe);
      return {
        kind: 'local-storage',
        get: (k) => Promise.resolve(ls.getItem(at(k))),
        set: (k, v) => {
          ls.setItem(at(k), v);
          return Promise.resolve();
        },
        remove: (k) => {
          ls.removeItem(at(k));
          return Promise.resolve();
        },
      };
    }
  } catch {
    // storage blocked (private mode, policy): memory only
  }
  return memoryStore();
}
