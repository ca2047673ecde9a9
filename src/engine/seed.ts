/**
 * The layout of the bundled example: the tables of Kommunstyrelsen's annual
 * report 2021 (section 6) as printed. Shared by the example-workbook script,
 * the test fixtures and the demo host, so all three show the same workbook.
 */
import type { Cell, SheetGrid, WorkbookGrid } from './grid';
import { parseNumberText } from './numbers';
import { errorCodeFromText } from './errors';

export interface SeedRow {
  code: string;
  name: string;
  values: string[];
}

export interface SeedTable {
  unit: string;
  header: string;
  rows: SeedRow[];
  total: string[];
}

export interface SeedFile {
  tables: SeedTable[];
}

/** The units in the order of the report; one sheet each. */
export const SEED_UNITS = ['Kommunledning', 'Kommungemensamt', 'Kommunstyrelseförvaltning', 'Stadsrevisionen', 'Valnämnden'] as const;

/** The printed header texts, one wrapped cell per column (`2020⏎Bokslut`). */
export function seedHeaderTexts(anchor: string, previousYear: number, year: number, changeYears = `${previousYear} o ${year}`): string[] {
  return [
    anchor,
    `${previousYear}\nBokslut`,
    `${year}\nUtfall Ack dec`,
    `${year}\nBudget`,
    `${year}\nAvv Budg o Utf`,
    `Förändr%\n${changeYears}`,
  ];
}

/** Pads a code to the printed width: `KLC   Kansli Centerpartiet`. */
export function paddedLabel(code: string, name: string): string {
  return code.padEnd(Math.max(code.length + 1, 6), ' ') + name;
}

/** A printed value as a cell, the way it lands when the report's table is pasted as values. */
export function pastedCell(text: string | undefined, changeColumn: boolean): Cell | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const error = errorCodeFromText(text);
  if (error !== undefined) return { value: text, error, errorIsText: true };
  const n = parseNumberText(text);
  if (n === undefined) return { value: text };
  return { value: n.value, numberFormat: changeColumn ? '0.0' : '#,##0' };
}

/**
 * The seed's tables pasted as values: one sheet per unit, a title in A1, the
 * RN table (if the unit has one) and the kontogrupp table below it, each with
 * a blank row and an unlabelled total row. No formulas.
 */
export function seedAsPastedValues(seed: SeedFile): WorkbookGrid {
  const sheets: SheetGrid[] = [];
  for (const unit of SEED_UNITS) {
    const cells: (Cell | undefined)[][] = [];
    cells.push([{ value: unit }]);
    let r = 2;
    for (const table of seed.tables.filter((t) => t.unit === unit)) {
      const changeYears = table.header.startsWith('RN') && unit === 'Kommunledning' ? '2020 o 2022' : '2020 o 2021';
      cells[r] = seedHeaderTexts(table.header, 2020, 2021, changeYears).map((value) => ({ value }));
      r++;
      for (const row of table.rows) {
        cells[r] = [{ value: paddedLabel(row.code, row.name) }, ...row.values.map((v, i) => pastedCell(v, i === 4))];
        r++;
      }
      r++; // blank row
      cells[r] = [undefined, ...table.total.map((v, i) => pastedCell(v, i === 4))];
      r += 3;
    }
    sheets.push({ name: unit, cells });
  }
  return { sheets };
}
