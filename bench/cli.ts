/**
 * (2) The command line: `check` on a generated 40-sheet .xlsx (an RN table of
 * 150 rows and a kontogrupp table per sheet: 6 240 table rows) against merely
 * loading the same file with exceljs, warm and alternated in one plain Node
 * process (bench/cli-pairs.js), in several such processes: a process's JIT
 * and collector settle differently each time, so one process's ratio moves
 * 1,04–1,34 × between runs; the figure is the median of the processes'.
 * `check` is the command line as it ships: `build/cli/main.js`, compiled by
 * `tsc` as `npm install` compiles it (the benchmark compiles it first, so the
 * figure is for the source as it is; TypeScript run through tsx would add a
 * getter call to every call between modules, which the shipped code does not
 * have), run by plain Node (not inside this tsx process).
 *
 * Also, as the economist runs it: one `avvikelsekollen check FILE --json`
 * process against one process that only loads the file with exceljs
 * (start-up and V8 compiling the code included), and peak memory of `check`
 * against the loaded workbook's own memory, each in a fresh child process
 * (bench/cli-memory.ts).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { buildWorkbook, writeWorkbook } from '../scripts/build-example';
import { generatedTableRows, generatedUnits } from '../src/example/generate';
import type { MemoryReport } from './cli-memory';
import { kib, median, ms } from './timing';
import type { BenchOptions, BenchRow } from './types';

const ROOT = path.join(__dirname, '..');

/** Compiles the command line as `npm install` does (build/, which the child processes run). */
function compileCli(): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}

/** One plain Node process alternating `pairs` exceljs loads and checks (bench/cli-pairs.js). */
function alternatedPairs(file: string, pairs: number): { load: number[]; check: number[]; code: number } {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'cli-pairs.js'), file, String(pairs)], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cli-pairs: exit ${String(r.status)} ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as { load: number[]; check: number[]; code: number };
}

function memory(mode: 'load' | 'check', file: string): MemoryReport {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, 'cli-memory.ts'), mode, file], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cli-memory ${mode}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as MemoryReport;
}

/** The processes' check/load ratios (each the ratio of its medians), and all pairs' own ratios: the machine's noise beside the figure. */
function spread(processes: readonly { load: readonly number[]; check: readonly number[] }[]): string {
  const quantiles = (xs: number[]): ((q: number) => string) => {
    xs.sort((a, b) => a - b);
    return (q) => (xs[Math.round(q * (xs.length - 1))] as number).toFixed(2);
  };
  const perProcess = quantiles(processes.map((p) => median(p.check) / median(p.load)));
  const pairs = quantiles(processes.flatMap((p) => p.check.map((c, i) => c / (p.load[i] as number))));
  return `processes ${perProcess(0)}–${perProcess(1)} ×; pairs: median ${pairs(0.5)}, middle half ${pairs(0.25)}–${pairs(0.75)}`;
}

/** Wall time of one process running `args`. */
function processTime(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const t = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${String(r.status)} ${r.stderr}`);
  return t;
}

export async function benchCli(options: BenchOptions): Promise<BenchRow[]> {
  const sheets = options.quick ? 4 : 40;
  const rnRows = 150;
  const pairs = options.quick ? 2 : 15;
  const pairProcesses = options.quick ? 1 : 5;
  const processRuns = options.quick ? 1 : 9;
  compileCli();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'avk-bench-'));
  try {
    const file = path.join(dir, `bench-${sheets}-blad.xlsx`);
    await writeWorkbook(buildWorkbook(generatedUnits(sheets, rnRows)), file);
    const size = `${sheets} blad, ${generatedTableRows(sheets, rnRows)} tabellrader, ${kib(fs.statSync(file).size)}`;

    const processes = Array.from({ length: pairProcesses }, () => alternatedPairs(file, pairs));
    const code = (processes[0] as { code: number }).code;
    const ratio = median(processes.map((p) => median(p.check) / median(p.load)));
    const checkMs = median(processes.map((p) => median(p.check)));
    const loadMs = median(processes.map((p) => median(p.load)));

    // One process each, as run from a terminal (alternated).
    const loadScript = `const E=require('exceljs');new E.Workbook().xlsx.readFile(${JSON.stringify(file)}).catch(()=>process.exit(3))`;
    const loadProcess: number[] = [];
    const checkProcess: number[] = [];
    for (let i = 0; i < processRuns; i++) {
      loadProcess.push(processTime(['-e', loadScript]));
      checkProcess.push(processTime([path.join(ROOT, 'bin', 'avvikelsekollen.js'), 'check', file, '--json']));
    }
    const loadProcessMs = median(loadProcess);
    const checkProcessMs = median(checkProcess);

    const loaded = memory('load', file);
    const checked = memory('check', file);
    const own = loaded.retainedBytes;
    const peak = checked.peakRssDelta;
    return [
      {
        bench: 'cli',
        measure: 'check --json vs exceljs load (in process)',
        size: `${size}; exit ${code}`,
        figure: ms(checkMs),
        value: checkMs,
        unit: 'ms',
        baseline: `load ${ms(loadMs)} → ${ratio.toFixed(2)} × (median of ${pairProcesses} processes × ${pairs} alternated pairs; ${spread(processes)})`,
        target: '≤ 1,3 × load',
        met: ratio <= 1.3,
        runs: pairProcesses * pairs,
      },
      {
        bench: 'cli',
        measure: 'check --json vs exceljs load (one process each)',
        size,
        figure: ms(checkProcessMs),
        value: checkProcessMs,
        unit: 'ms',
        baseline: `node + load ${ms(loadProcessMs)} → ${(checkProcessMs / loadProcessMs).toFixed(2)} ×`,
        target: '≤ 1,3 × load',
        met: checkProcessMs <= 1.3 * loadProcessMs,
        runs: processRuns,
      },
      {
        bench: 'cli',
        measure: 'check: peak memory',
        size,
        figure: `${kib(peak)} peak RSS over start`,
        value: peak,
        unit: 'bytes',
        baseline: `workbook ${kib(own)} (heap kept after load; load alone peaks ${kib(loaded.peakRssDelta)}) → ${(peak / own).toFixed(1)} ×`,
        target: '< 4 × workbook',
        met: peak < 4 * own,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
