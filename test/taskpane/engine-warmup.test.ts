/**
 * The engine's warm-up in the pane's idle time (src/taskpane/engine-warmup.ts):
 * it checks the example's tables made exactly as Validera's read makes them
 * (same cells, same properties in the same order), covers every sheet and the
 * whole workbook, works only while there is idle time, and stops at the first
 * action or when its budget is spent.
 */
import seed from '../../examples/source/kommunstyrelsen-2021-tables.json';
import { checkWorkbook } from '../../src/engine/check';
import type { WorkbookGrid } from '../../src/engine/grid';
import { seedAsExampleWorkbook, seedAsPastedValues, type SeedFile } from '../../src/example/seed';
import { readWorkbook } from '../../src/excel/read';
import { TestHost } from '../../src/excel/simulated';
import { asReadGrid, warmUpEngine, warmUpRounds } from '../../src/taskpane/engine-warmup';

const example = (): WorkbookGrid => seedAsExampleWorkbook(seed as SeedFile);
const pasted = (): WorkbookGrid => seedAsPastedValues(seed as SeedFile);

/** An idle-time scheduler the test drives: each `idle(ms)` runs the waiting slice with that much time left. */
function manualIdle(): { schedule: (work: (d: { timeRemaining(): number }) => void) => void; idle: (ms: number) => boolean } {
  let waiting: ((d: { timeRemaining(): number }) => void) | undefined;
  return {
    schedule: (work) => {
      waiting = work;
    },
    idle: (ms) => {
      const work = waiting;
      waiting = undefined;
      if (work === undefined) return false;
      const end = Date.now() + ms;
      work({ timeRemaining: () => Math.max(0, end - Date.now()) });
      return true;
    },
  };
}

describe('engine warm-up', () => {
  it.each([
    ['with formulas and Kommentarer', example],
    ['as pasted values', pasted],
  ])('the example %s is warmed up exactly as Validera reads it from Excel (same cells, same properties in the same order)', async (_name, make) => {
    const host = new TestHost(make(), { apiVersion: '1.9', language: 'sv-SE' });
    const { workbook } = await readWorkbook(host);
    // JSON keeps the order of the properties: equal texts are equal cells built the same way.
    expect(JSON.stringify(asReadGrid(make()))).toBe(JSON.stringify(workbook));
  });

  it('checking the warm-up grids finds what checking the example finds (the same rules run on the same tables)', () => {
    for (const make of [example, pasted]) {
      const direct = checkWorkbook(make());
      expect(direct.findings.length).toBeGreaterThan(0);
      expect(checkWorkbook(asReadGrid(make()))).toEqual(direct);
    }
  });

  it('the rounds are every sheet of the example on its own, with formulas and as pasted values, then both whole workbooks', () => {
    const rounds = warmUpRounds();
    const names = example().sheets.map((s) => s.name);
    const single = rounds.filter((r) => r.sheets.length === 1).map((r) => r.sheets[0]?.name);
    expect(single).toEqual([...names, ...pasted().sheets.map((s) => s.name)]);
    expect(rounds.filter((r) => r.sheets.length > 1).map((r) => r.sheets.map((s) => s.name))).toEqual([names, pasted().sheets.map((s) => s.name)]);
  });

  it('works only in idle slices long enough, and stops for good at the first action', async () => {
    const { schedule, idle } = manualIdle();
    const warm = warmUpEngine({ budgetMs: 60_000, minSliceMs: 10 }, schedule);
    expect(warm.rounds).toBe(0); // nothing before the page is idle
    idle(5); // too short a slice: nothing run, asked again
    expect(warm.rounds).toBe(0);
    idle(200);
    const afterSlice = warm.rounds;
    expect(afterSlice).toBeGreaterThan(0);
    warm.stop();
    expect(idle(200)).toBe(true); // the slice already asked for runs, and does nothing
    expect(warm.rounds).toBe(afterSlice);
    expect(idle(200)).toBe(false); // and no further slice is asked for
    await expect(warm.done).resolves.toBeUndefined();
  });

  it('ends by itself once its budget is spent', async () => {
    const { schedule, idle } = manualIdle();
    const warm = warmUpEngine({ budgetMs: 30, minSliceMs: 1 }, schedule);
    let slices = 0;
    while (idle(10)) slices++;
    await warm.done;
    expect(warm.spentMs).toBeGreaterThanOrEqual(30);
    expect(warm.rounds).toBeGreaterThan(0);
    expect(slices).toBeGreaterThan(0);
  });
});

describe('the warm-up and the pane', () => {
  it('the first action of the pane (Validera) stops the warm-up, which then does no more rounds', async () => {
    const { getSession } = await import('../../src/taskpane/host');
    const { onWarmUpStop, warmUpStopped } = await import('../../src/taskpane/warmup-control');
    const { schedule, idle } = manualIdle();
    const warm = warmUpEngine({ budgetMs: 60_000, minSliceMs: 1 }, schedule);
    onWarmUpStop(warm.stop);
    idle(50);
    const session = await getSession(); // demo mode here (no Office): the example workbook
    expect(warmUpStopped()).toBe(false); // opening the pane is no action
    let stoppedWhenValidating: boolean | undefined;
    session.subscribe(() => {
      if (session.getState().phase === 'validating') stoppedWhenValidating ??= warmUpStopped();
    });
    const rounds = warm.rounds;
    await session.validate();
    expect(stoppedWhenValidating).toBe(true);
    idle(50);
    expect(warm.rounds).toBe(rounds);
    expect(session.getState().report?.result.findings.length).toBeGreaterThan(0);
    // A warm-up that arrives only now (its code loaded late) is stopped at once.
    let stoppedLate = false;
    onWarmUpStop(() => (stoppedLate = true));
    expect(stoppedLate).toBe(true);
  });
});
