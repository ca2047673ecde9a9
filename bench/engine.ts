/**
 * (1) The engine: detect + every rule + commentary drafts on generated
 * workbooks of 1, 10 and 40 sheets and on 100 000 table rows, per 1 000 rows,
 * against a baseline that merely visits every cell of the same grid once.
 * (6) Growth: the same at 1k, 10k, 100k rows, per row.
 */
import { checkWorkbook } from '../src/engine/check';
import { draftCommentary } from '../src/engine/commentary';
import { findTables } from '../src/engine/detect';
import { generatedTableRows, generatedWorkbook } from '../src/example/generate';
import type { WorkbookGrid } from '../src/engine/grid';
import { benchEngineAgainstBaseline } from './engine-baseline';
import { medianTime, ms, time, median } from './timing';
import type { BenchOptions, BenchRow } from './types';

/** The engine's whole job on a workbook: find the tables, run every rule, draft the commentary. */
export function runEngine(grid: WorkbookGrid): number {
  const result = checkWorkbook(grid);
  const drafts = draftCommentary(result, grid, { lang: 'sv' });
  return result.findings.length + drafts.units.length;
}

/**
 * The baseline: visit every cell of the grid once and look at what it holds
 * (value, error, formula, format), as any reader of the grid must at least.
 */
export function visitCells(grid: WorkbookGrid): number {
  let n = 0;
  for (const sheet of grid.sheets) {
    for (const row of sheet.cells) {
      if (row === undefined) continue;
      for (const cell of row) {
        if (cell === undefined) continue;
        const v = cell.value;
        if (typeof v === 'number') n += v > 0 ? 1 : 2;
        else if (typeof v === 'string') n += v.length;
        if (cell.error !== undefined) n++;
        if (cell.formula !== undefined) n += cell.formula.length;
        if (cell.numberFormat !== undefined) n++;
      }
    }
  }
  return n;
}

interface Size {
  label: string;
  sheets: number;
  rnRows: number;
  runs: number;
}

interface Measured {
  size: Size;
  rows: number;
  cells: number;
  engineMs: number;
  visitMs: number;
  findings: number;
  tables: number;
}

function cellsOf(grid: WorkbookGrid): number {
  let n = 0;
  for (const s of grid.sheets) for (const r of s.cells) if (r !== undefined) for (const c of r) if (c !== undefined) n++;
  return n;
}

async function measure(size: Size): Promise<Measured> {
  const grid = generatedWorkbook(size.sheets, size.rnRows);
  const result = checkWorkbook(grid);
  // The JIT is warm from the smaller sizes: the largest is not run an extra time.
  const engineMs = await medianTime(size.runs, () => runEngine(grid), generatedTableRows(size.sheets, size.rnRows) < 50_000);
  const visitMs = await medianTime(Math.max(size.runs, 20), () => visitCells(grid));
  return {
    size,
    rows: generatedTableRows(size.sheets, size.rnRows),
    cells: cellsOf(grid),
    engineMs,
    visitMs,
    findings: result.findings.length,
    tables: result.tables.length,
  };
}

/** Where the stress case's time goes: detection, rules, drafts (medians). */
async function split(sheets: number, rnRows: number, runs: number): Promise<{ detect: number; rules: number; drafts: number }> {
  const grid = generatedWorkbook(sheets, rnRows);
  const d: number[] = [];
  const r: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < runs; i++) {
    d.push(await time(() => findTables(grid)));
    let result = checkWorkbook(grid);
    r.push(await time(() => (result = checkWorkbook(grid))));
    c.push(await time(() => draftCommentary(result, grid, { lang: 'sv' })));
  }
  const detect = median(d);
  return { detect, rules: Math.max(0, median(r) - detect), drafts: median(c) };
}

export async function benchEngine(options: BenchOptions): Promise<BenchRow[]> {
  const q = options.quick;
  const workbooks: Size[] = [
    { label: '1 blad', sheets: 1, rnRows: 150, runs: q ? 3 : 40 },
    { label: '10 blad', sheets: 10, rnRows: 150, runs: q ? 3 : 15 },
    { label: '40 blad', sheets: 40, rnRows: 150, runs: q ? 3 : 7 },
  ];
  // Stress and growth: sheets of one RN table of 994 rows plus 6 kontogrupp rows (1 000 table rows a sheet).
  const growth: Size[] = q
    ? [
        { label: '1k', sheets: 1, rnRows: 994, runs: 3 },
        { label: '5k', sheets: 5, rnRows: 994, runs: 2 },
        { label: '10k', sheets: 10, rnRows: 994, runs: 1 },
      ]
    : [
        { label: '1k', sheets: 1, rnRows: 994, runs: 20 },
        { label: '10k', sheets: 10, rnRows: 994, runs: 7 },
        { label: '100k', sheets: 100, rnRows: 994, runs: 3 },
      ];
  // Warm the JIT on a mid-sized workbook first, so the first size measured is not the one paying for compilation.
  const warm = generatedWorkbook(10, 150);
  for (let i = 0; i < (q ? 2 : 5); i++) runEngine(warm);
  const rows: BenchRow[] = [];
  const engineRow = (m: Measured, stress: boolean): BenchRow => {
    const per1000 = (m.engineMs / m.rows) * 1000;
    const ratio = m.engineMs / m.visitMs;
    const underSecond = m.engineMs < 1000;
    return {
      bench: 'engine',
      measure: stress ? 'detect + rules + drafts, stress' : 'detect + rules + drafts',
      size: `${m.size.label}, ${m.rows} tabellrader, ${m.cells} celler, ${m.tables} tabeller, ${m.findings} anm.`,
      figure: `${ms(m.engineMs)} (${ms(per1000)}/1000 rader)`,
      value: per1000,
      unit: 'ms/1000 rows',
      baseline: `visit cells ${ms(m.visitMs)} → ${ratio.toFixed(0)} ×`,
      // The stress row answers "100 000 rows in under 1 s"; the ratio to visiting the cells is judged on the workbook rows.
      target: stress ? '100 000 rader < 1 s' : '≤ 5 × visit',
      met: stress ? underSecond : ratio <= 5,
      runs: m.size.runs,
    };
  };
  for (const size of workbooks) rows.push(engineRow(await measure(size), false));

  const grown: Measured[] = [];
  for (const size of growth) grown.push(await measure(size));
  const stress = grown[grown.length - 1] as Measured;
  rows.push(engineRow(stress, true));
  const parts = await split(stress.size.sheets, stress.size.rnRows, 1);
  rows.push({
    bench: 'engine',
    measure: 'stress: detect / rules / drafts',
    size: `${stress.rows} tabellrader`,
    figure: `${ms(parts.detect)} / ${ms(parts.rules)} / ${ms(parts.drafts)}`,
    value: parts.detect + parts.rules + parts.drafts,
    unit: 'ms',
    runs: 1,
  });
  const first = grown[0] as Measured;
  const perRow = (m: Measured): number => (m.engineMs / m.rows) * 1000; // µs per row
  for (const m of grown) {
    const growthRatio = perRow(m) / perRow(first);
    rows.push({
      bench: 'growth',
      measure: `engine per row at ${m.size.label}`,
      size: `${m.rows} tabellrader`,
      figure: `${perRow(m).toFixed(1)} µs/rad (${ms(m.engineMs)})`,
      value: perRow(m),
      unit: 'µs/row',
      baseline: m === first ? 'baseline' : `${growthRatio.toFixed(2)} × per rad vid ${first.size.label}`,
      target: 'linear: ≤ 2 × per rad',
      met: growthRatio <= 2,
      runs: m.size.runs,
    });
  }
  rows.push(...(await benchEngineAgainstBaseline(options)));
  return rows;
}
