/**
 * A/B of the commentary drafts of two revisions in one process, on the
 * bench's 100 000-row workbook (`generatedWorkbook(100, 994)`, checked once):
 *
 *   node --expose-gc --import tsx scripts/ab-drafts.ts 84e8bdf HEAD
 *   node --expose-gc --import tsx scripts/ab-drafts.ts 84e8bdf .      (. = the working tree)
 *
 * Each revision's `src` is taken with `git archive` into a temporary folder
 * (the engine imports nothing outside `src`), and `draftCommentary` of each
 * runs in turn (order alternating, the heap collected before each run when
 * `--expose-gc` is given), RUNS times (default 9). Printed per revision: CPU
 * time of the call (`process.cpuUsage`, user + system, so the collector's
 * helper threads count) and wall time, min and median; on Linux the minor
 * page faults during the call (median: fresh memory the kept drafts take);
 * and the bytes the drafts keep, per draft (heap used after a full
 * collection, with and without them). CPU time, min over runs, is the figure
 * to compare on a machine others use at the same time.
 */
import { execSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

type Drafts = { units: { rows: unknown[]; summary: unknown }[] };
type DraftFn = (result: unknown, workbook: unknown, options: { lang: 'sv' }) => Drafts;

const root = path.resolve(__dirname, '..');

/** The `src` folder of a revision (`.`: the working tree). */
function sourceOf(rev: string): string {
  if (rev === '.') return path.join(root, 'src');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ab-drafts-${rev.replace(/[^\w.-]/g, '_')}-`));
  execSync(`git archive ${JSON.stringify(rev)} src | tar -x -C ${JSON.stringify(dir)}`, { cwd: root });
  return path.join(dir, 'src');
}

/** Minor page faults of this process so far (Linux), else NaN. */
function minorFaults(): number {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]);
  } catch {
    return NaN;
  }
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
}

function main(): void {
  const revs = process.argv.slice(2);
  if (revs.length < 2) throw new Error('usage: node --expose-gc --import tsx scripts/ab-drafts.ts OLD NEW [MORE…]');
  const runs = Number(process.env.RUNS ?? 9);
  const gc = (globalThis as { gc?: () => void }).gc;
  const sources = revs.map(sourceOf);
  const last = sources[sources.length - 1] as string;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { generatedWorkbook } = require(path.join(last, 'engine', 'generate')) as { generatedWorkbook: (sheets: number, rows: number) => unknown };
  const { checkWorkbook } = require(path.join(last, 'engine', 'check')) as { checkWorkbook: (grid: unknown) => unknown };
  const fns = sources.map((s) => (require(path.join(s, 'engine', 'commentary', 'draft')) as { draftCommentary: DraftFn }).draftCommentary);
  /* eslint-enable @typescript-eslint/no-require-imports */
  const grid = generatedWorkbook(100, 994);
  const result = checkWorkbook(grid);
  const draft = (k: number): Drafts => (fns[k] as DraftFn)(result, grid, { lang: 'sv' });

  const cpu: number[][] = revs.map(() => []);
  const wall: number[][] = revs.map(() => []);
  const faults: number[][] = revs.map(() => []);
  for (let k = 0; k < revs.length; k++) draft(k);
  for (let i = 0; i < runs; i++) {
    const order = revs.map((_, k) => k);
    if (i % 2 === 1) order.reverse();
    for (const k of order) {
      gc?.();
      const f0 = minorFaults();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      draft(k);
      const t1 = performance.now();
      const c = process.cpuUsage(c0);
      (faults[k] as number[]).push(minorFaults() - f0);
      (cpu[k] as number[]).push((c.user + c.system) / 1000);
      (wall[k] as number[]).push(t1 - t0);
    }
  }

  /** Bytes kept per draft: heap used with the drafts held, less without, after full collections. */
  const kept = (k: number): string => {
    if (gc === undefined) return 'kept: run with --expose-gc';
    gc();
    const before = process.memoryUsage().heapUsed;
    const drafts = draft(k);
    gc();
    const after = process.memoryUsage().heapUsed;
    const n = drafts.units.reduce((s, u) => s + u.rows.length + (u.summary === null ? 0 : 1), 0);
    return `kept ${((after - before) / n).toFixed(0)} B a draft (${n} drafts)`;
  };
  const lines = revs.map((rev, k) => {
    const c = cpu[k] as number[];
    const w = wall[k] as number[];
    const f = median(faults[k] as number[]);
    const pf = Number.isNaN(f) ? '' : `; ${f} minor faults (${((f * 4096) / 1048576).toFixed(0)} MB)`;
    return `${rev}: drafts CPU min ${Math.min(...c).toFixed(0)} median ${median(c).toFixed(0)} ms; wall min ${Math.min(...w).toFixed(0)} median ${median(w).toFixed(0)} ms${pf}; ${kept(k)}`;
  });
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  process.stdout.write(`${runs} runs each, 100 000 rows, load ${load}\n${lines.join('\n')}\n`);
}

main();
