/**
 * The layout of the bundled example: the tables of Kommunstyrelsen's annual
 * report 2021 (section 6) as printed. Shared by the example-workbook script,
 * the test fixtures and the demo host, so all three show the same workbook.
 */
import { type Cell, errorCodeFromText, parseNumberText, type SheetGrid, type WorkbookGrid } from '../engine';
import { exampleCommentsSheet } from './seed-comments';

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
  return [anchor, `${previousYear}\nBokslut`, `${year}\nUtfall Ack dec`, `${year}\nBudget`, `${year}\nAvv Budg o Utf`, `Förändr%\n${changeYears}`];
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

/**
 * The whole example workbook, as `examples/kommunstyrelsen-2021.xlsx` holds
 * it: the tables of `seedAsWorkbook`, then the sheet Kommentarer
 * (`seed-comments.ts`, five comments that disagree with the tables). Demo
 * mode's test host shows this, so Validera finds the narrative mismatches too.
 */
export function seedAsExampleWorkbook(seed: SeedFile): WorkbookGrid {
  const { sheets } = seedAsWorkbook(seed);
  return { sheets: [...sheets, exampleCommentsSheet()] };
}

/**
 * Bokslut and Utfall of a row whose printed base is 0 beside a computed %:
 * the ledger's figure cannot have been exactly 0 (that prints #DIVISION/0!, as
 * KLFÖ does), so the example holds an unrounded figure that still shows as 0
 * and reproduces the printed %. Rows without that conflict keep their figures.
 */
export function unroundedBase(previous: number, actual: number, changeText: string | undefined): { previous: number; actual: number } {
  const change = changeText === undefined ? undefined : parseNumberText(changeText);
  if (previous !== 0 || change === undefined) return { previous, actual };
  const ratio = change.value / 100 + 1;
  if (actual !== 0) return { previous: actual / ratio, actual };
  const base = 0.4;
  return { previous: base, actual: base * ratio };
}

/** The formats of the example workbook's amount and change-% columns (en-US codes). */
export const SEED_AMOUNT_FORMAT = '#,##0';
export const SEED_CHANGE_FORMAT = '0.0';

function seedNumber(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  return parseNumberText(text)?.value;
}

function changeCell(formula: string, previous: number, actual: number): Cell {
  if (previous === 0) return { value: null, error: 'DIV_BY_ZERO', formula, numberFormat: SEED_CHANGE_FORMAT };
  return { value: (actual / previous - 1) * 100, formula, numberFormat: SEED_CHANGE_FORMAT };
}

/**
 * The example workbook as an economist's workbook has it, with formulas: the
 * layout of `seedAsPastedValues` (and of scripts/build-example.ts), Bokslut,
 * Utfall and Budget as constants, Avv `=C−D`, Förändr% `=(C/B-1)*100` in
 * format `0.0` (left empty where the report has none), totals `=SUM(…)`.
 * Formula cells carry the values Excel calculates (KLFÖ's Förändr% is
 * #DIV/0!). The tables only: `seedAsExampleWorkbook` adds the comments.
 */
export function seedAsWorkbook(seed: SeedFile): WorkbookGrid {
  const sheets: SheetGrid[] = [];
  for (const unit of SEED_UNITS) {
    const tables = seed.tables.filter((t) => t.unit === unit).map((table) => ({ table, changeYears: table.header.startsWith('RN') && unit === 'Kommunledning' ? '2020 o 2022' : '2020 o 2021' }));
    sheets.push(unitSheetAsGrid(unit, unit, tables));
  }
  return { sheets };
}

/**
 * One sheet in the layout of `seedAsWorkbook`: the title in A1, then each
 * table (header, rows with formulas for Avv and Förändr%, a blank row, the
 * =SUM total) followed by two empty rows. The benchmark's generated
 * workbooks (`generate.ts`) use it too.
 */
export function unitSheetAsGrid(name: string, title: string, tables: readonly { table: SeedTable; changeYears: string }[]): SheetGrid {
  const cells: (Cell | undefined)[][] = [[{ value: title }]];
  let r = 2;
  for (const { table, changeYears } of tables) {
    cells[r] = seedHeaderTexts(table.header, 2020, 2021, changeYears).map((value) => ({ value }));
    r++;
    const first = r;
    const sums = [0, 0, 0, 0];
    for (const row of table.rows) {
      const [bText, cText, dText, , fText] = row.values;
      const b0 = seedNumber(bText);
      const c0 = seedNumber(cText);
      const d = seedNumber(dText);
      const { previous: b, actual: c } = b0 !== undefined && c0 !== undefined ? unroundedBase(b0, c0, fText) : { previous: b0, actual: c0 };
      const n = r + 1; // the 1-based row number in formulas
      const amount = (v: number | undefined): Cell => ({ value: v ?? null, numberFormat: SEED_AMOUNT_FORMAT });
      const avv = (c ?? 0) - (d ?? 0);
      const hasChange = fText !== undefined && fText.trim() !== '' && (seedNumber(fText) !== undefined || errorCodeFromText(fText) !== undefined);
      cells[r] = [
        { value: paddedLabel(row.code, row.name) },
        amount(b),
        amount(c),
        amount(d),
        { value: avv, formula: `=C${n}-D${n}`, numberFormat: SEED_AMOUNT_FORMAT },
        hasChange && b !== undefined && c !== undefined ? changeCell(`=(C${n}/B${n}-1)*100`, b, c) : { value: null, numberFormat: SEED_CHANGE_FORMAT },
      ];
      [b, c, d, avv].forEach((v, i) => (sums[i] = (sums[i] as number) + (v ?? 0)));
      r++;
    }
    const last = r; // 1-based number of the last data row
    r++; // blank row
    const n = r + 1;
    cells[r] = [
      undefined,
      ...['B', 'C', 'D', 'E'].map((col, i): Cell => ({ value: sums[i] as number, formula: `=SUM(${col}${first + 1}:${col}${last})`, numberFormat: SEED_AMOUNT_FORMAT })),
      changeCell(`=(C${n}/B${n}-1)*100`, sums[0] as number, sums[1] as number),
    ];
    r += 3;
  }
  return { name, cells };
}
