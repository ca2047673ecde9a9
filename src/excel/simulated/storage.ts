/**
 * The storage Office gives an add-in, simulated for tests and demo mode:
 * `OfficeRuntime.storage` with its documented quota, and the requirement-set
 * check that says whether it may be used.
 *
 * - OfficeRuntime.storage belongs to SharedRuntime 1.1 and holds 10 MB per
 *   domain, shared by the add-ins of that domain
 *   (learn.microsoft.com/javascript/api/office-runtime/officeruntime.storage).
 *   Here a write over the quota is refused, and without the shared runtime
 *   every call fails (a client may define the object without the runtime
 *   behind it; the documentation promises nothing then).
 * - Local storage is the pane's own (5 MB in browsers, also refused when full).
 */
import type { RuntimeStorage, StorageEnvironment } from '../storage';

/** OfficeRuntime.storage's documented quota. */
export const RUNTIME_STORAGE_QUOTA = 10 * 1024 * 1024;

function bytesOf(map: ReadonlyMap<string, string>): number {
  let n = 0;
  // UTF-16, as browsers count web storage.
  for (const [k, v] of map) n += 2 * (k.length + v.length);
  return n;
}

/** A key-value store with a quota in bytes. */
export class QuotaStorage {
  readonly items = new Map<string, string>();
  constructor(readonly quota: number) {}

  setItem(key: string, value: string): void {
    const next = new Map(this.items);
    next.set(key, value);
    if (bytesOf(next) > this.quota) {
      const err = new Error(`The quota of ${this.quota} bytes is exceeded.`);
      err.name = 'QuotaExceededError';
      throw err;
    }
    this.items.set(key, value);
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  get bytes(): number {
    return bytesOf(this.items);
  }
}

export interface SimulatedStorageOptions {
  /** Whether the client supports SharedRuntime 1.1 (Microsoft 365, Excel 2021, the web; not Excel 2019). */
  sharedRuntime: boolean;
  /** `Office.context.partitionKey` (Excel on the web); undefined elsewhere. */
  partitionKey?: string;
  runtimeQuota?: number;
  localQuota?: number;
}

/** The page's globals as the store is chosen from them, with the storage behind them. */
export function simulatedStorageEnvironment(options: SimulatedStorageOptions): StorageEnvironment & { runtime: QuotaStorage; local: QuotaStorage } {
  const runtime = new QuotaStorage(options.runtimeQuota ?? RUNTIME_STORAGE_QUOTA);
  const local = new QuotaStorage(options.localQuota ?? 5 * 1024 * 1024);
  const guard = <T>(f: () => T): Promise<T> => {
    if (!options.sharedRuntime) return Promise.reject(new Error('OfficeRuntime.storage needs the shared runtime (SharedRuntime 1.1).'));
    try {
      return Promise.resolve(f());
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  };
  const storage: RuntimeStorage = {
    getItem: (k) => guard(() => runtime.getItem(k)),
    setItem: (k, v) => guard(() => runtime.setItem(k, v)),
    removeItem: (k) => guard(() => runtime.removeItem(k)),
  };
  return {
    runtime,
    local,
    Office: {
      context: {
        requirements: { isSetSupported: (name, version) => name === 'SharedRuntime' && options.sharedRuntime && Number(version ?? '1.1') <= 1.1 },
        ...(options.partitionKey === undefined ? {} : { partitionKey: options.partitionKey }),
      },
    },
    OfficeRuntime: { storage },
    localStorage: local,
  };
}
