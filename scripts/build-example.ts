/**
 * Builds `examples/kommunstyrelsen-2021.xlsx` from the seed's tables as printed
 * (`examples/source/kommunstyrelsen-2021-tables.json`): one sheet per unit, a
 * title, its RN table (if it has one) and its kontogrupp table, laid out the
 * way `seedAsPastedValues` lays them out, but with formulas for Avv, Förändr%
 * and the totals, as an economist's workbook has them.
 *
 *   npx tsx scripts/build-example.ts        (or: npm run example)
 *
 * The seed's problems are left in: the #DIVISION/0! row (KLFÖ), the empty
 * Förändr% cells (KGHR, KGOS, 6A, Stadsrevisionen's 3 Intäkter), the
 * `2020 o 2022` header above Kommunledning's RN table, the sign-flip and
 * tiny-base rows.
 *
 * Constants are the printed (rounded) figures. Avv and Förändr% are formulas,
 * so the workbook shows what they compute from those figures (KLMP's Avv is
 * 416 where the report printed 417): that is what Excel would show.
 * One exception, so that the tiny-base rows stay what they are: where the
 * report prints a base of 0 beside a computed % (Valnämnden's 3 Intäkter
 * 0 → 1 184 = 477 317,7 %; KMY; Valnämnden's 6A), the ledger's figure cannot
 * have been exactly 0 (that would have printed #DIVISION/0!, as KLFÖ did). The
 * workbook holds an unrounded figure that still shows as 0 and reproduces the
 * printed % (see `unroundedBase` in src/example/seed.ts).
 *
 * The layout functions are exported: the benchmark builds bigger workbooks of
 * the same shape with them.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { paddedLabel, seedHeaderTexts, SEED_UNITS, unroundedBase, type SeedFile, type SeedTable } from '../src/example/seed';
import { errorCodeFromText } from '../src/engine/errors';
import { parseNumberText } from '../src/engine/numbers';
import { addExampleComments } from './example-comments';

export const AMOUNT_FORMAT = '#,##0';
export const CHANGE_FORMAT = '0.0';
/** The fixed creation date of generated workbooks, so the output is the same byte for byte. */
export const FIXED_DATE = new Date(Date.UTC(2022, 1, 15, 8, 0, 0));

const ROOT = path.join(__dirname, '..');
export const SEED_PATH = path.join(ROOT, 'examples', 'source', 'kommunstyrelsen-2021-tables.json');
export const EXAMPLE_PATH = path.join(ROOT, 'examples', 'kommunstyrelsen-2021.xlsx');

/** One sheet of the workbook: a unit and its tables, top to bottom. */
export interface UnitSheet {
  name: string;
  title: string;
  tables: SheetTable[];
}

/** A table to lay out: the seed's printed figures plus the text over its Förändr% column. */
export interface SheetTable {
  table: SeedTable;
  changeYears: string;
}

type Cached = number | string | ExcelJS.CellErrorValue | undefined;

function printed(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  return parseNumberText(text)?.value;
}

function changeResult(previous: number, actual: number): Cached {
  if (previous === 0) return { error: '#DIV/0!' };
  return (actual / previous - 1) * 100;
}

function setFormula(cell: ExcelJS.Cell, formula: string, result: Cached): void {
  cell.value = result === undefined ? { formula } : { formula, result };
}

/**
 * Lays out one table with its top-left header cell at `top` (1-based row) in
 * column A. Returns the first free row after it.
 */
export function addTable(ws: ExcelJS.Worksheet, top: number, { table, changeYears }: SheetTable): number {
  const header = ws.getRow(top);
  seedHeaderTexts(table.header, 2020, 2021, changeYears).forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'bottom', horizontal: i === 0 ? 'left' : 'right' };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.height = 30;

  const first = top + 1;
  let r = first;
  const sums = [0, 0, 0, 0];
  for (const row of table.rows) {
    const [bText, cText, dText, , fText] = row.values;
    const b0 = printed(bText);
    const c0 = printed(cText);
    const d = printed(dText);
    const { previous: b, actual: c } = b0 !== undefined && c0 !== undefined ? unroundedBase(b0, c0, fText) : { previous: b0, actual: c0 };
    const line = ws.getRow(r);
    line.getCell(1).value = paddedLabel(row.code, row.name);
    [b, c, d].forEach((v, i) => {
      const cell = line.getCell(i + 2);
      if (v !== undefined) cell.value = v;
      cell.numFmt = AMOUNT_FORMAT;
    });
    const avv = line.getCell(5);
    setFormula(avv, `C${r}-D${r}`, c !== undefined && d !== undefined ? c - d : undefined);
    avv.numFmt = AMOUNT_FORMAT;
    const change = line.getCell(6);
    change.numFmt = CHANGE_FORMAT;
    // An empty Förändr% in the report stays empty; #DIVISION/0! is the formula dividing by 0.
    const hasChange = fText !== undefined && fText.trim() !== '' && (printed(fText) !== undefined || errorCodeFromText(fText) !== undefined);
    if (hasChange && b !== undefined && c !== undefined) setFormula(change, `(C${r}/B${r}-1)*100`, changeResult(b, c));
    [b, c, d, c !== undefined && d !== undefined ? c - d : undefined].forEach((v, i) => {
      sums[i] = (sums[i] as number) + (v ?? 0);
    });
    r++;
  }
  const last = r - 1;
  r++; // the blank row before the total
  const total = ws.getRow(r);
  ['B', 'C', 'D', 'E'].forEach((col, i) => {
    const cell = total.getCell(i + 2);
    setFormula(cell, `SUM(${col}${first}:${col}${last})`, sums[i]);
    cell.numFmt = AMOUNT_FORMAT;
    cell.font = { bold: true };
  });
  const totalChange = total.getCell(6);
  setFormula(totalChange, `(C${r}/B${r}-1)*100`, changeResult(sums[0] as number, sums[1] as number));
  totalChange.numFmt = CHANGE_FORMAT;
  totalChange.font = { bold: true };
  return r + 1;
}

/** Adds one unit's sheet: the title in A1, then its tables, each followed by two empty rows. */
export function addUnitSheet(wb: ExcelJS.Workbook, unit: UnitSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(unit.name);
  ws.columns = [{ width: 38 }, { width: 13 }, { width: 13 }, { width: 13 }, { width: 13 }, { width: 13 }];
  const title = ws.getCell('A1');
  title.value = unit.title;
  title.font = { bold: true, size: 14 };
  let r = 3;
  for (const t of unit.tables) r = addTable(ws, r, t) + 2;
  return ws;
}

/** A workbook of unit sheets with fixed metadata (same input, same bytes). */
export function buildWorkbook(units: readonly UnitSheet[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Avvikelsekollen';
  wb.lastModifiedBy = 'Avvikelsekollen';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const unit of units) addUnitSheet(wb, unit);
  return wb;
}

/** The seed's units and tables in the report's order; Kommunledning's RN table keeps its `2020 o 2022`. */
export function seedUnits(seed: SeedFile): UnitSheet[] {
  return SEED_UNITS.map((name) => ({
    name,
    title: name,
    tables: seed.tables.filter((t) => t.unit === name).map((table) => ({ table, changeYears: table.header.startsWith('RN') && name === 'Kommunledning' ? '2020 o 2022' : '2020 o 2021' })),
  }));
}

/** The example workbook, built from the seed. */
export function buildExampleWorkbook(seed: SeedFile): ExcelJS.Workbook {
  return addExampleComments(buildWorkbook(seedUnits(seed)));
}

/**
 * Sets every entry's modification time in a zip to 1980-01-01 00:00, so
 * the same workbook gives the same bytes whenever it is written.
 */
export function normalizeZipTimestamps(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  const dosDate = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 65535); i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file');
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error('broken zip central directory');
    out.writeUInt16LE(0, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) === 0x04034b50) {
      out.writeUInt16LE(0, local + 10);
      out.writeUInt16LE(dosDate, local + 12);
    }
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

/** Writes a workbook deterministically. */
export async function writeWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  fs.writeFileSync(file, normalizeZipTimestamps(buf));
}

export function loadSeedFile(file = SEED_PATH): SeedFile {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SeedFile;
}

async function main(): Promise<void> {
  const out = process.argv[2] ?? EXAMPLE_PATH;
  await writeWorkbook(buildExampleWorkbook(loadSeedFile()), out);
  process.stdout.write(`${path.relative(process.cwd(), out)}\n`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
