/**
 * Today's engine against the baseline revision's (`baseline-engine.ts`), side
 * by side in one process on the same grids: detection + rules, drafting, and
 * the whole job, on the generated 40-sheet workbook and on 10 000 table rows. The two are
 * called alternately, pair after pair, so that load on the machine falls on
 * both; the figure is the median of the pairs' ratios.
 */
import { generatedTableRows, generatedWorkbook } from '../src/example/generate';
import { BASELINE_REVISION, loadBaselineEngine, loadTodaysEngine } from './baseline-engine';
import { median, ms, time } from './timing';
import type { BenchOptions, BenchRow } from './types';

interface Pairs {
  today: number;
  baseline: number;
  ratio: number;
  low: number;
  high: number;
}

/** Rounds of each job run before the pairs are timed, as the command line's bench does: V8 has optimised both engines' code by then. */
const WARM_UP_ROUNDS = 5;

/** `pairs` alternated runs of today's and the baseline's job (which goes first alternates too), after the warm-up rounds. */
async function alternate(pairs: number, today: () => unknown, baseline: () => unknown): Promise<Pairs> {
  for (let i = 0; i < WARM_UP_ROUNDS; i++) {
    today();
    baseline();
  }
  const t: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    let tt: number;
    let bb: number;
    if (i % 2 === 0) {
      tt = await time(today);
      bb = await time(baseline);
    } else {
      bb = await time(baseline);
      tt = await time(today);
    }
    t.push(tt);
    b.push(bb);
    ratios.push(tt / bb);
  }
  const sorted = [...ratios].sort((x, y) => x - y);
  const quarter = Math.floor(sorted.length / 4);
  return { today: median(t), baseline: median(b), ratio: median(ratios), low: sorted[quarter] as number, high: sorted[sorted.length - 1 - quarter] as number };
}

export async function benchEngineAgainstBaseline(options: BenchOptions): Promise<BenchRow[]> {
  const baseline = loadBaselineEngine();
  if (typeof baseline === 'string') {
    return [{ bench: 'engine', measure: `today vs ${BASELINE_REVISION}`, size: '', figure: 'not measured', value: 0, unit: '', baseline, runs: 0 }];
  }
  const sizes = [
    { label: '40 blad', sheets: 40, rnRows: 150, pairs: options.quick ? 5 : 31 },
    { label: '10k', sheets: 10, rnRows: 994, pairs: options.quick ? 3 : 15 },
  ];
  const TODAY = loadTodaysEngine();
  const rows: BenchRow[] = [];
  for (const size of sizes) {
    const grid = generatedWorkbook(size.sheets, size.rnRows);
    const tableRows = generatedTableRows(size.sheets, size.rnRows);
    const todayResult = TODAY.checkWorkbook(grid);
    const baselineResult = baseline.checkWorkbook(grid);
    const measures: { measure: string; pairs: Pairs }[] = [
      {
        measure: 'detect + rules',
        pairs: await alternate(
          size.pairs,
          () => TODAY.checkWorkbook(grid),
          () => baseline.checkWorkbook(grid),
        ),
      },
      {
        measure: 'drafts',
        pairs: await alternate(
          size.pairs,
          () => TODAY.draftCommentary(todayResult, grid, { lang: 'sv' }),
          () => baseline.draftCommentary(baselineResult, grid, { lang: 'sv' }),
        ),
      },
      {
        measure: 'detect + rules + drafts',
        pairs: await alternate(
          size.pairs,
          () => TODAY.draftCommentary(TODAY.checkWorkbook(grid), grid, { lang: 'sv' }),
          () => baseline.draftCommentary(baseline.checkWorkbook(grid), grid, { lang: 'sv' }),
        ),
      },
    ];
    for (const { measure, pairs } of measures) {
      rows.push({
        bench: 'engine',
        measure: `${measure}: today vs ${BASELINE_REVISION}`,
        size: `${size.label}, ${tableRows} tabellrader`,
        figure: `${ms(pairs.today)} vs ${ms(pairs.baseline)}`,
        value: pairs.ratio,
        unit: '×',
        baseline: `${pairs.ratio.toFixed(2)} × (median of ${size.pairs} alternated pairs; middle half ${pairs.low.toFixed(2)}–${pairs.high.toFixed(2)} ×)`,
        target: '≤ 1,5 × baseline',
        met: pairs.ratio <= 1.5,
        runs: size.pairs,
      });
    }
  }
  return rows;
}
