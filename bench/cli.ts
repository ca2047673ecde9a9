/**
 * (2) The command line: `check` on a generated 40-sheet .xlsx (an RN table of
 * 150 rows and a kontogrupp table per sheet: 6 240 table rows) against merely
 * loading the same file with exceljs, alternated in one process. `check` is
 * the command line as it ships: `build/cli/main.js`, compiled by `tsc` as
 * `npm install` compiles it (the benchmark compiles it first, so the figure
 * is for the source as it is; TypeScript run through tsx would add a getter
 * call to every call between modules, which the shipped code does not have).
 *
 * Also, as the economist runs it: one `avvikelsekollen check FILE --json`
 * process against one process that only loads the file with exceljs
 * (start-up and V8 compiling the code included), and peak memory of `check`
 * against the loaded workbook's own memory, each in a fresh child process
 * (bench/cli-memory.ts).
 */
import { execFileSync, spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { buildWorkbook, writeWorkbook } from '../scripts/build-example';
import type { CliIO } from '../src/cli/command';
import { generatedTableRows, generatedUnits } from '../src/engine/generate';
import type { MemoryReport } from './cli-memory';
import { kib, median, ms, time } from './timing';
import type { BenchOptions, BenchRow } from './types';

const ROOT = path.join(__dirname, '..');

type CliMain = (argv: string[], io: CliIO) => Promise<number>;

/** Compiles the command line as `npm install` does and loads it. */
function shippedCli(): CliMain {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const built = require(path.join(ROOT, 'build', 'cli', 'main.js')) as { main: CliMain };
  return built.main;
}

async function loadOnly(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
}

function memory(mode: 'load' | 'check', file: string): MemoryReport {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, 'cli-memory.ts'), mode, file], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cli-memory ${mode}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as MemoryReport;
}

/**
 * The alternated pairs' own check/load ratios: their median, middle half and
 * range (the machine's noise, beside the ratio of the medians). One pair's
 * ratio moves 0,6–2 × with the collector's timing and other jobs on the host;
 * the medians of 31 pairs move a few per cent between runs.
 */
function spread(load: readonly number[], check: readonly number[]): string {
  const ratios = check.map((c, i) => c / (load[i] as number)).sort((a, b) => a - b);
  const at = (q: number): string => (ratios[Math.round(q * (ratios.length - 1))] as number).toFixed(2);
  return `pairs: median ${at(0.5)}, middle half ${at(0.25)}–${at(0.75)}, all ${at(0)}–${at(1)} ×`;
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
  const runs = options.quick ? 2 : 31;
  const processRuns = options.quick ? 1 : 9;
  const main = shippedCli();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'avk-bench-'));
  try {
    const file = path.join(dir, `bench-${sheets}-blad.xlsx`);
    await writeWorkbook(buildWorkbook(generatedUnits(sheets, rnRows)), file);
    const size = `${sheets} blad, ${generatedTableRows(sheets, rnRows)} tabellrader, ${kib(fs.statSync(file).size)}`;
    const sink = { write: () => true };
    const checkCli = (): Promise<number> => main(['check', file, '--json'], { stdout: sink, stderr: sink, stderrIsTTY: false });

    // Warm up both paths twice, then alternate so both see the same machine state.
    let code = 0;
    for (let i = 0; i < 2; i++) {
      await loadOnly(file);
      code = await checkCli();
    }
    const load: number[] = [];
    const check: number[] = [];
    for (let i = 0; i < runs; i++) {
      load.push(await time(() => loadOnly(file)));
      check.push(await time(checkCli));
    }
    const loadMs = median(load);
    const checkMs = median(check);

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
        baseline: `load ${ms(loadMs)} → ${(checkMs / loadMs).toFixed(2)} × (${spread(load, check)})`,
        target: '≤ 1,3 × load',
        met: checkMs <= 1.3 * loadMs,
        runs,
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
