/**
 * Warms the engine up while the pane is idle, so the first Validera does not
 * run the engine's code cold. In a fresh page V8 runs the checks' code in its
 * interpreter first and optimizes it only as it gets hot: the first check of
 * a 40-sheet workbook took 250–400 ms of the pane's main thread, a later one
 * 50–100 ms. Here the example's tables (Kommunstyrelsen 2021, not the
 * workbook being checked: that is not read before Validera) are checked
 * sheet by sheet in the page's idle time, mostly one short round an idle
 * callback, until the first action starts or a budget is spent.
 *
 * The cells are made by the read's own `toCell` (the same properties in the
 * same order, so the same hidden classes as the cells Validera reads), or the
 * code V8 optimizes for them would be thrown away at the first real check.
 */
import seed from '../../examples/source/kommunstyrelsen-2021-tables.json';
import { type Cell, checkWorkbook, type WorkbookGrid } from '../engine';
import { seedAsExampleWorkbook, seedAsPastedValues, type SeedFile } from '../example/seed';
import { toCell } from '../excel/read';

/** The cell as Excel reports it to the read (value, value type, formula, number format), through `toCell`. */
function asRead(c: Cell | undefined): Cell | undefined {
  if (c === undefined) return undefined;
  const type = c.error !== undefined && c.errorIsText !== true ? 'Error' : c.value === null ? 'Empty' : typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String';
  return toCell(type === 'Error' ? '#DIV/0!' : c.value, type, c.formula ?? c.value, c.numberFormat ?? 'General');
}

/** A grid as the read would have made it from the same cells (an empty cell, or a row of them, left out). */
export function asReadGrid(grid: WorkbookGrid): WorkbookGrid {
  return {
    sheets: grid.sheets.map((s) => {
      const cells: (Cell | undefined)[][] = [];
      s.cells.forEach((row, r) =>
        row.forEach((c, col) => {
          const cell = asRead(c);
          if (cell !== undefined) (cells[r] ??= [])[col] = cell;
        }),
      );
      return { ...s, cells };
    }),
  };
}

/**
 * The warm-up's rounds, each a few milliseconds once compiled: every sheet of
 * the example on its own (with formulas, and as pasted values), then the
 * whole example (the checks across tables and of the sheet Kommentarer).
 */
export function warmUpRounds(): WorkbookGrid[] {
  const books = [asReadGrid(seedAsExampleWorkbook(seed as SeedFile)), asReadGrid(seedAsPastedValues(seed as SeedFile))];
  const rounds: WorkbookGrid[] = [];
  for (const book of books) for (const sheet of book.sheets) rounds.push({ sheets: [sheet] });
  rounds.push(...books);
  return rounds;
}

export interface WarmUpOptions {
  /** Milliseconds of checking to spend at most (default 600). */
  budgetMs?: number;
  /** Slices of idle time shorter than this are left alone (default 10 ms). */
  minSliceMs?: number;
  /**
   * No further round in a slice once this much of it is spent (default 4 ms):
   * mostly one round a slice, so a click or a frame that arrives meanwhile
   * waits for one short round at most.
   */
  maxSliceMs?: number;
}

interface IdleDeadline {
  timeRemaining(): number;
}
type IdleScheduler = (work: (deadline: IdleDeadline) => void) => void;

/** The browser's idle callback; where there is none (Safari), a short timer with a 10 ms slice. */
function whenIdle(): IdleScheduler {
  const g = globalThis as { requestIdleCallback?: (cb: (d: IdleDeadline) => void) => number };
  if (typeof g.requestIdleCallback === 'function') {
    const ric = g.requestIdleCallback.bind(globalThis);
    return (work) => void ric(work);
  }
  return (work) => {
    setTimeout(() => {
      const end = Date.now() + 10;
      work({ timeRemaining: () => Math.max(0, end - Date.now()) });
    }, 50);
  };
}

export interface WarmUp {
  /** Ends the warm-up (an action started: the engine is then warmed by real use). */
  stop(): void;
  /** Rounds run so far and the milliseconds they took. */
  readonly rounds: number;
  readonly spentMs: number;
  readonly done: Promise<void>;
}

/** Starts warming the engine up in the page's idle time. */
export function warmUpEngine({ budgetMs = 600, minSliceMs = 10, maxSliceMs = 4 }: WarmUpOptions = {}, schedule: IdleScheduler = whenIdle()): WarmUp {
  let stopped = false;
  let rounds = 0;
  let spentMs = 0;
  let plan: WorkbookGrid[] | undefined;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const slice = (deadline: IdleDeadline): void => {
    const sliceStart = Date.now();
    while (!stopped && spentMs < budgetMs && deadline.timeRemaining() >= minSliceMs && Date.now() - sliceStart < maxSliceMs) {
      const started = Date.now();
      plan ??= warmUpRounds();
      checkWorkbook(plan[rounds % plan.length] as WorkbookGrid);
      rounds++;
      spentMs += Date.now() - started;
    }
    if (stopped || spentMs >= budgetMs) finish();
    else schedule(slice);
  };
  schedule(slice);
  return {
    stop: () => {
      stopped = true;
      finish();
    },
    get rounds() {
      return rounds;
    },
    get spentMs() {
      return spentMs;
    },
    done,
  };
}
