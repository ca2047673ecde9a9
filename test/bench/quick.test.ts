/**
 * The benchmark still runs: `npm run bench -- --quick --json` on
 * small sizes completes and reports every row of every section, each with a
 * figure. No timing is asserted (figures depend on the machine); the full
 * benchmark's figures are in docs/performance.md.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import type { BenchRow } from '../../bench/types';
import { BUILD_TIMEOUT_MS, ensureBuild } from '../helpers/build';

/**
 * The quick benchmark takes 1–5 minutes on a loaded two-core machine, once
 * the pane is built (test/helpers/build.ts, built first and on its own bound);
 * a browser that cannot start fails within 30 s (test/helpers/chromium.ts),
 * and a run that still has not finished after 10 minutes fails instead of
 * waiting.
 */
const BOUND_MS = 600_000;
jest.setTimeout(BUILD_TIMEOUT_MS + BOUND_MS + 30_000);

const ROOT = path.join(__dirname, '..', '..');

describe('npm run bench -- --quick', () => {
  it('completes and prints every row of every section', () => {
    ensureBuild();
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'index.ts'), '--quick', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: BOUND_MS });
    if (r.error !== undefined) throw new Error(`bench --quick did not finish within ${BOUND_MS / 1000} s (${r.error.message}):\n${r.stderr}`);
    if (r.status !== 0) throw new Error(`bench --quick failed (${String(r.status ?? r.signal)}):\n${r.stderr}`);
    const out = JSON.parse(r.stdout) as { quick: boolean; machine: { cpus: number; node: string }; rows: BenchRow[] };
    expect(out.quick).toBe(true);
    expect(out.machine.node).toBe(process.version);
    const count = (bench: string, measure: string): number => out.rows.filter((row) => row.bench === bench && row.measure === measure).length;
    // (1) engine on 1, 10, 40 sheets and the stress case, with its split; (6) growth at three sizes.
    expect(count('engine', 'detect + rules + drafts')).toBe(3);
    expect(count('engine', 'detect + rules + drafts, stress')).toBe(1);
    expect(count('engine', 'stress: detect / rules / drafts')).toBe(1);
    expect(out.rows.filter((row) => row.bench === 'growth')).toHaveLength(3);
    // Today's engine against the baseline revision's, side by side: detect + rules, drafts and both, at two sizes.
    expect(count('engine', 'detect + rules: today vs 7e0753a')).toBe(2);
    expect(count('engine', 'drafts: today vs 7e0753a')).toBe(2);
    expect(count('engine', 'detect + rules + drafts: today vs 7e0753a')).toBe(2);
    // (2) the command line against exceljs and SheetJS, its memory, and a folder in worker threads.
    expect(count('cli', 'check --json vs exceljs load (in process)')).toBe(1);
    expect(count('cli', 'check --json vs SheetJS read with formulas (in process)')).toBe(1);
    expect(count('cli', 'check: peak memory')).toBe(1);
    expect(out.rows.filter((row) => row.bench === 'cli' && row.measure.startsWith('check FOLDER'))).toHaveLength(1);
    // (3) round trips for three workbook sizes and over 5 MB; (4) bytes for the same three.
    expect(count('office', 'round trips per Validera (read + mark)')).toBe(3);
    expect(count('office', 'round trips to read, over 5 MB')).toBe(1);
    expect(count('bytes', 'bytes per Validera (requests + responses)')).toBe(3);
    // (5) the task pane: bundle and time to findings in Chromium.
    expect(count('taskpane', 'JS before first paint, gzipped')).toBe(1);
    expect(count('taskpane', 'page load → findings list (demo, Chromium)')).toBe(1);
    for (const row of out.rows) {
      expect(Number.isFinite(row.value)).toBe(true);
      expect(row.value).toBeGreaterThan(0);
      expect(row.figure).not.toBe('');
    }
    // The generated workbooks are checked for real: the 97th-row #DIVISION/0! units are found on every sheet.
    const forty = out.rows.find((row) => row.bench === 'engine' && row.size.startsWith('40 blad'));
    expect(forty?.size).toMatch(/80 tabeller, [1-9]\d* anm\./);
  });
});
