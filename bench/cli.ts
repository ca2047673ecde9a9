/**
 * (2) The command line: `check` on a generated 40-sheet .xlsx (an RN table of
 * 150 rows and a kontogrupp table per sheet: 6 240 table rows) against
 * merely loading the same file with exceljs and against SheetJS
 * (@e965/xlsx) reading it with formulas, warm and alternated in one plain
 * Node process (bench/cli-pairs.js), in several such processes (the figure
 * is the median of the processes'). `check` is the command line as it
 * ships: `build/cli/main.js`, compiled by `tsc` as `npm install` compiles it
 * (the benchmark compiles it first), run by plain Node.
 *
 * Also: peak memory of `check` (the heap in use, sampled, over the heap
 * before it; plus the file's bytes and its largest part inflated) against
 * the workbook's unzipped size, in a fresh process (bench/cli-memory.ts);
 * and `check FOLDER` on 40 workbooks (worker threads) against checking them
 * one at a time, alternated, each run a fresh process (bench/cli-folder.js).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildWorkbook, writeWorkbook } from '../scripts/build-example';
import { generatedTableRows, generatedUnits } from '../src/example/generate';
import type { MemoryReport } from './cli-memory';
import { kib, median, ms } from './timing';
import type { BenchOptions, BenchRow } from './types';
import { readZipDirectory } from '../src/xlsx/zip';

const ROOT = path.join(__dirname, '..');

/** Compiles the command line as `npm install` does (build/, which the child processes run). */
function compileCli(): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}

interface Rounds {
  exceljs: number[];
  sheetjs: number[];
  check: number[];
  /** The same calls' CPU time. */
  cpu: { exceljs: number[]; sheetjs: number[]; check: number[] };
  code: number;
}

/** One plain Node process alternating `rounds` exceljs loads, SheetJS reads and checks (bench/cli-pairs.js). */
function alternatedRounds(file: string, rounds: number): Rounds {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'cli-pairs.js'), file, String(rounds)], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cli-pairs: exit ${String(r.status)} ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as Rounds;
}

/** One plain Node process alternating `check FOLDER` and the same files one at a time (bench/cli-folder.js). */
function folderRounds(folder: string, rounds: number): { folder: number[]; oneByOne: number[] } {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'cli-folder.js'), folder, String(rounds)], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cli-folder: exit ${String(r.status)} ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as { folder: number[]; oneByOne: number[] };
}

/** The sum of the parts' uncompressed sizes, as the zip's directory gives them. */
function unzippedSize(file: string): number {
  return (readZipDirectory(fs.readFileSync(file)) ?? []).reduce((sum, e) => sum + e.size, 0);
}

/**
 * The memory of one check (bench/cli-memory.ts), with V8's young generation kept at 1 MB so that the
 * heap sampled is close to what is alive (by default up to 16 MB of short-lived garbage piles up
 * between two scavenges, whatever the check holds).
 */
function memory(mode: 'check', file: string): MemoryReport {
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-semi-space-size=1', '--import', 'tsx', path.join(__dirname, 'cli-memory.ts'), mode, file], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cli-memory ${mode}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as MemoryReport;
}

export async function benchCli(options: BenchOptions): Promise<BenchRow[]> {
  const sheets = options.quick ? 4 : 40;
  const rnRows = 150;
  const rounds = options.quick ? 2 : 9;
  const processes = options.quick ? 1 : 3;
  const folderFiles = options.quick ? 4 : 40;
  const folderSheets = options.quick ? 2 : 10;
  compileCli();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'avk-bench-'));
  try {
    const file = path.join(dir, `bench-${sheets}-blad.xlsx`);
    await writeWorkbook(buildWorkbook(generatedUnits(sheets, rnRows)), file);
    const unzipped = unzippedSize(file);
    const size = `${sheets} blad, ${generatedTableRows(sheets, rnRows)} tabellrader, ${kib(fs.statSync(file).size)} (${kib(unzipped)} uppackad)`;

    const runs = Array.from({ length: processes }, () => alternatedRounds(file, rounds));
    const code = (runs[0] as Rounds).code;
    const med = (pick: (r: Rounds) => number[]): number => median(runs.map((r) => median(pick(r))));
    const ratio = (pick: (r: Rounds) => number[]): number => median(runs.map((r) => median(r.check) / median(pick(r))));
    const checkMs = med((r) => r.check);
    const exceljsMs = med((r) => r.exceljs);
    const sheetjsMs = med((r) => r.sheetjs);
    const vsExceljs = ratio((r) => r.exceljs);
    const vsSheetjs = ratio((r) => r.sheetjs);
    const cpuRatio = (pick: (c: Rounds['cpu']) => number[]): number => median(runs.map((r) => median(r.cpu.check) / median(pick(r.cpu))));
    const spread = (pick: (r: Rounds) => number[]): string => {
      const ratios = runs.flatMap((r) => r.check.map((c, i) => c / (pick(r)[i] as number)));
      return `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
    };

    const checked = memory('check', file);
    const peak = checked.peakBytes;

    const folder = path.join(dir, 'mapp');
    fs.mkdirSync(folder);
    const one = path.join(folder, 'forvaltning-01.xlsx');
    await writeWorkbook(buildWorkbook(generatedUnits(folderSheets, rnRows)), one);
    for (let i = 2; i <= folderFiles; i++) fs.copyFileSync(one, path.join(folder, `forvaltning-${String(i).padStart(2, '0')}.xlsx`));
    const folderRun = folderRounds(folder, options.quick ? 2 : 5);
    const folderMs = median(folderRun.folder);
    const oneByOneMs = median(folderRun.oneByOne);
    const speedups = folderRun.folder.map((f, i) => (folderRun.oneByOne[i] as number) / f);
    const speedup = median(speedups);
    const alternated = `median of ${processes} processes × ${rounds} alternated rounds`;
    return [
      {
        bench: 'cli',
        measure: 'check --json vs exceljs load (in process)',
        size: `${size}; exit ${code}`,
        figure: ms(checkMs),
        value: checkMs,
        unit: 'ms',
        baseline: `exceljs load ${ms(exceljsMs)} → ${vsExceljs.toFixed(2)} × (${alternated}; rounds ${spread((r) => r.exceljs)}; CPU time ${cpuRatio((c) => c.exceljs).toFixed(2)} ×)`,
        target: '≤ 0,6 × load',
        met: vsExceljs <= 0.6,
        runs: processes * rounds,
      },
      {
        bench: 'cli',
        measure: 'check --json vs SheetJS read with formulas (in process)',
        size,
        figure: ms(checkMs),
        value: checkMs,
        unit: 'ms',
        baseline: `SheetJS read ${ms(sheetjsMs)} → ${vsSheetjs.toFixed(2)} × (${alternated}; rounds ${spread((r) => r.sheetjs)}; CPU time ${cpuRatio((c) => c.sheetjs).toFixed(2)} ×)`,
        target: '≤ 0,8 × read',
        met: vsSheetjs <= 0.8,
        runs: processes * rounds,
      },
      {
        bench: 'cli',
        measure: 'check: peak memory',
        size,
        figure: `${kib(peak)} peak heap in use during the check (+ file and largest part)`,
        value: peak,
        unit: 'bytes',
        baseline: `unzipped ${kib(unzipped)} → ${(peak / unzipped).toFixed(1)} × (the grid alone ${kib(checked.gridHeapBytes)} = ${(checked.gridHeapBytes / unzipped).toFixed(1)} ×; reading alone peaks at ${kib(checked.readPeakHeapDelta)}, the engine alone on a grid read before at ${kib(checked.enginePeakHeapDelta)}; peak RSS over the warmed-up process ${kib(checked.peakRssDelta)})`,
        target: '≤ 2 × unzipped',
        met: peak <= 2 * unzipped,
      },
      {
        bench: 'cli',
        measure: `check FOLDER (${os.availableParallelism()} threads: the main one and ${os.availableParallelism() - 1} worker${os.availableParallelism() === 2 ? '' : 's'}) vs one file at a time`,
        size: `${folderFiles} arbetsböcker à ${folderSheets} blad`,
        figure: ms(folderMs),
        value: folderMs,
        unit: 'ms',
        baseline: `one at a time ${ms(oneByOneMs)} → ${speedup.toFixed(2)} × faster (median of ${speedups.length} alternated pairs of fresh processes; pairs ${Math.min(...speedups).toFixed(2)}–${Math.max(...speedups).toFixed(2)}; load ${os.loadavg()[0]?.toFixed(1) ?? '?'})`,
        target: '≥ 1,7 × faster',
        met: speedup >= 1.7,
        runs: folderRun.folder.length,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
