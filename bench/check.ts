/**
 * Benchmarks of issue 2:
 *  - `check` on a generated 40-sheet workbook (an RN table of 150 rows and a
 *    kontogrupp table per sheet, laid out like the example) against merely
 *    loading the same file with exceljs, measured in the same run.
 *    Target: check ≤ 1,3 × load.
 *  - The engine alone (table detection and every rule) on 100 000 table rows.
 *    Target: < 1 s.
 * Figures only; no test asserts a time.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { addUnitSheet, buildWorkbook, writeWorkbook, type UnitSheet } from '../scripts/build-example';
import { main } from '../src/cli/main';
import { checkWorkbook } from '../src/engine/check';
import type { SeedRow, SeedTable } from '../src/engine/seed';
import { workbookToGrid } from '../src/xlsx/read';
import type { BenchOptions, BenchResult } from './types';

const KONTOGRUPPER: readonly [string, string][] = [
  ['3', 'Intäkter'],
  ['4', 'Inköp tillg o vhet samt bidrag'],
  ['5', 'Personalkostnader'],
  ['6A', 'Lokalhyror'],
  ['6B', 'Entrpr,fastighetskostn, övr. m'],
  ['7', 'Övriga kostnader'],
];

/** A small deterministic generator (mulberry32), so every run measures the same workbook. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function printed(n: number): string {
  return String(Math.round(n));
}

function row(rand: () => number, code: string, name: string, index: number): SeedRow {
  // Costs mostly; now and then a revenue row, and every 97th row a unit new this year (Bokslut 0: #DIVISION/0!).
  const sign = rand() < 0.1 ? 1 : -1;
  const b = index % 97 === 41 ? 0 : sign * Math.round(100 + rand() * 90_000);
  const c = b === 0 ? sign * Math.round(100 + rand() * 5_000) : Math.round(b * (0.7 + rand() * 0.6));
  const d = Math.round(c * (0.85 + rand() * 0.3));
  const change = b === 0 ? '#DIVISION/0!' : ((c / b - 1) * 100).toFixed(1).replace('.', ',');
  return { code, name, values: [printed(b), printed(c), printed(d), printed(c - d), change] };
}

/** One generated unit: an RN table of `rnRows` rows and a kontogrupp table. */
export function generatedUnit(index: number, rnRows: number): UnitSheet {
  const rand = random(1000 + index);
  const rows: SeedRow[] = [];
  for (let i = 0; i < rnRows; i++) rows.push(row(rand, `K${index.toString(36).toUpperCase()}${i.toString(36).toUpperCase().padStart(2, '0')}`, `Enhet ${index}.${i}`, i));
  const kontogrupp = KONTOGRUPPER.map(([code, name], i) => row(rand, code, name, i + 1));
  const table = (header: string, r: SeedRow[]): SeedTable => ({ unit: `Förvaltning ${index}`, header, rows: r, total: [] });
  return {
    name: `Förvaltning ${index + 1}`,
    title: `Förvaltning ${index + 1}`,
    tables: [
      { table: table('RN3', rows), changeYears: '2020 o 2021' },
      { table: table('KONTOGRUPP SUM', kontogrupp), changeYears: '2020 o 2021' },
    ],
  };
}

export function generatedUnits(sheets: number, rnRows: number): UnitSheet[] {
  return Array.from({ length: sheets }, (_, i) => generatedUnit(i, rnRows));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function loadOnly(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
}

async function checkCli(file: string): Promise<number> {
  const sink = { write: () => true };
  return main(['check', file, '--json'], { stdout: sink, stderr: sink, stderrIsTTY: false });
}

export async function benchCheck(options: BenchOptions): Promise<BenchResult[]> {
  const sheets = 40;
  const rnRows = 150;
  const runs = options.quick ? 3 : 7;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'avk-bench-'));
  try {
    const file = path.join(dir, 'bench-40-blad.xlsx');
    await writeWorkbook(buildWorkbook(generatedUnits(sheets, rnRows)), file);
    const tableRows = sheets * (rnRows + KONTOGRUPPER.length);
    const size = `${sheets} blad, ${tableRows} tabellrader, ${(fs.statSync(file).size / 1024).toFixed(0)} KiB`;

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

    // The engine alone on 100 000 table rows: 100 sheets × (994 RN rows + 6 kontogrupp rows), built in memory.
    const engineSheets = 100;
    const engineRnRows = 994;
    const wb = new ExcelJS.Workbook();
    for (const unit of generatedUnits(engineSheets, engineRnRows)) addUnitSheet(wb, unit);
    const grid = workbookToGrid(wb);
    const first = checkWorkbook(grid);
    const engine: number[] = [];
    for (let i = 0; i < runs; i++) engine.push(await time(() => checkWorkbook(grid)));
    const engineMs = median(engine);

    return [
      { name: 'load: exceljs readFile', size, ms: loadMs, runs },
      {
        name: 'check: avvikelsekollen check --json',
        size: `${size}; exit ${code}`,
        ms: checkMs,
        runs,
        target: '≤ 1,3 × load',
        ratio: checkMs / loadMs,
        met: checkMs <= 1.3 * loadMs,
      },
      {
        name: 'engine: checkWorkbook',
        size: `${first.rowsChecked} tabellrader, ${first.tables.length} tabeller, ${first.findings.length} anmärkningar`,
        ms: engineMs,
        runs,
        target: '< 1000 ms',
        met: engineMs < 1000,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
