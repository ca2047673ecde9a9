/**
 * (2) The command line: `check` on a generated 40-sheet .xlsx (an RN table of
 * 150 rows and a kontogrupp table per sheet: 6 240 table rows) against merely
 * loading the same file with exceljs, alternated in one process. Peak memory
 * of `check` against the loaded workbook's own memory, each measured in a
 * fresh child process (bench/cli-memory.ts).
 */
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildWorkbook, writeWorkbook } from '../scripts/build-example';
import { main } from '../src/cli/main';
import { generatedTableRows, generatedUnits } from '../src/engine/generate';
import type { MemoryReport } from './cli-memory';
import { kib, median, ms, time } from './timing';
import type { BenchOptions, BenchRow } from './types';

async function loadOnly(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
}

async function checkCli(file: string): Promise<number> {
  const sink = { write: () => true };
  return main(['check', file, '--json'], { stdout: sink, stderr: sink, stderrIsTTY: false });
}

function memory(mode: 'load' | 'check', file: string): MemoryReport {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, 'cli-memory.ts'), mode, file], {
    cwd: path.join(__dirname, '..'),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`cli-memory ${mode}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as MemoryReport;
}

export async function benchCli(options: BenchOptions): Promise<BenchRow[]> {
  const sheets = options.quick ? 4 : 40;
  const rnRows = 150;
  const runs = options.quick ? 2 : 5;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'avk-bench-'));
  try {
    const file = path.join(dir, `bench-${sheets}-blad.xlsx`);
    await writeWorkbook(buildWorkbook(generatedUnits(sheets, rnRows)), file);
    const size = `${sheets} blad, ${generatedTableRows(sheets, rnRows)} tabellrader, ${kib(fs.statSync(file).size)}`;

    // Warm up both paths once, then alternate so both see the same machine state.
    await loadOnly(file);
    const code = await checkCli(file);
    const load: number[] = [];
    const check: number[] = [];
    for (let i = 0; i < runs; i++) {
      load.push(await time(() => loadOnly(file)));
      check.push(await time(() => checkCli(file)));
    }
    const loadMs = median(load);
    const checkMs = median(check);

    const loaded = memory('load', file);
    const checked = memory('check', file);
    const own = loaded.retainedBytes;
    const peak = checked.peakRssDelta;
    return [
      {
        bench: 'cli',
        measure: 'check --json vs exceljs load',
        size: `${size}; exit ${code}`,
        figure: ms(checkMs),
        value: checkMs,
        unit: 'ms',
        baseline: `load ${ms(loadMs)} → ${(checkMs / loadMs).toFixed(2)} ×`,
        target: '≤ 1,3 × load',
        met: checkMs <= 1.3 * loadMs,
        runs,
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
