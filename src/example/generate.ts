/**
 * Generated workbooks for the benchmark and demo mode's
 * `?demo=bench40`: N sheets, each one unit with an RN table of `rnRows` rows
 * and a kontogrupp table of the six account groups, laid out like the
 * example workbook (`seedAsWorkbook`, scripts/build-example.ts), with figures
 * from a fixed pseudo-random sequence, so every run sees the same workbook.
 * Every 97th RN row is a unit new this year (Bokslut 0: #DIVISION/0!).
 * Pure code like the engine's: no Node, no exceljs (the benchmark writes the same units
 * to .xlsx with scripts/build-example.ts).
 */
import type { SheetGrid, WorkbookGrid } from '../engine';
import { unitSheetAsGrid, type SeedRow, type SeedTable } from './seed';

export const KONTOGRUPPER: readonly (readonly [string, string])[] = [
  ['3', 'Intäkter'],
  ['4', 'Inköp tillg o vhet samt bidrag'],
  ['5', 'Personalkostnader'],
  ['6A', 'Lokalhyror'],
  ['6B', 'Entrpr,fastighetskostn, övr. m'],
  ['7', 'Övriga kostnader'],
];

/** One generated sheet: a unit and its tables, top to bottom (the shape scripts/build-example.ts lays out). */
export interface GeneratedUnit {
  name: string;
  title: string;
  tables: { table: SeedTable; changeYears: string }[];
}

/** A small deterministic generator (mulberry32). */
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

/** Unit `index` (0-based): an RN table of `rnRows` rows and a kontogrupp table. */
export function generatedUnit(index: number, rnRows: number): GeneratedUnit {
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

export function generatedUnits(sheets: number, rnRows: number): GeneratedUnit[] {
  return Array.from({ length: sheets }, (_, i) => generatedUnit(i, rnRows));
}

/** Table rows (data rows, not totals) of a generated workbook. */
export function generatedTableRows(sheets: number, rnRows: number): number {
  return sheets * (rnRows + KONTOGRUPPER.length);
}

/** The generated workbook as a grid, with formulas and their values (Avv, Förändr%, =SUM totals). */
export function generatedWorkbook(sheets: number, rnRows: number): WorkbookGrid {
  const out: SheetGrid[] = generatedUnits(sheets, rnRows).map((u) => unitSheetAsGrid(u.name, u.title, u.tables));
  return { sheets: out };
}
