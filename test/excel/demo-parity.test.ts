/**
 * Demo mode shows the same workbook as the example file: `seedAsWorkbook`
 * (the demo's grid) against `examples/kommunstyrelsen-2021.xlsx` as the
 * exceljs adapter reads it, cell for cell on the unit sheets and on the
 * sheet Kommentarer, so Validera in demo mode finds what `check` finds in the
 * file (the five comments that disagree with the tables included).
 */
import * as path from 'path';
import type { Cell } from '../../src/engine/grid';
import { checkWorkbook } from '../../src/engine/check';
import { seedAsExampleWorkbook } from '../../src/example/seed';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { loadSeed } from '../helpers/seed';

function shown(c: Cell | undefined): unknown {
  if (c === undefined || (c.value === null && c.error === undefined && c.formula === undefined)) return null;
  return { value: typeof c.value === 'number' ? Math.round(c.value * 1e6) / 1e6 : c.value, error: c.error ?? null, formula: c.formula ?? null };
}

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'kommunstyrelsen-2021.xlsx');

it('the demo workbook equals the example file on every sheet, Kommentarer included (values, formulas, errors)', async () => {
  const file = await readWorkbookGrid(EXAMPLE);
  const demo = seedAsExampleWorkbook(loadSeed());
  expect(demo.sheets.map((s) => s.name)).toEqual(file.sheets.map((s) => s.name));
  for (const sheet of demo.sheets) {
    const other = file.sheets.find((s) => s.name === sheet.name);
    expect(other).toBeDefined();
    const rows = Math.max(sheet.cells.length, other?.cells.length ?? 0);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < 6; c++) expect([sheet.name, r, c, shown(sheet.cells[r]?.[c])]).toEqual([sheet.name, r, c, shown(other?.cells[r]?.[c])]);
    }
  }
});

it('check finds the same narrative mismatches in the demo workbook as in the example file', async () => {
  const where = (cells: { rule: string; sheet: string; cell: string }[]) => cells.filter((f) => f.rule === 'narrative-mismatch').map((f) => `${f.sheet}!${f.cell}`);
  const inDemo = where(checkWorkbook(seedAsExampleWorkbook(loadSeed())).findings);
  expect(inDemo).toHaveLength(5);
  expect(inDemo).toEqual(where(checkWorkbook(await readWorkbookGrid(EXAMPLE)).findings));
});
