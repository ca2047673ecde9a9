/**
 * Demo mode shows the same workbook as the example file: `seedAsWorkbook`
 * (the demo's grid) against `examples/kommunstyrelsen-2021.xlsx` as the
 * exceljs adapter reads it, cell for cell on the unit sheets.
 */
import * as path from 'path';
import type { Cell } from '../../src/engine/grid';
import { seedAsWorkbook } from '../../src/engine/seed';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { loadSeed } from '../helpers/seed';

function shown(c: Cell | undefined): unknown {
  if (c === undefined || (c.value === null && c.error === undefined && c.formula === undefined)) return null;
  return { value: typeof c.value === 'number' ? Math.round(c.value * 1e6) / 1e6 : c.value, error: c.error ?? null, formula: c.formula ?? null };
}

it('the demo workbook equals the example file on every unit sheet (values, formulas, errors)', async () => {
  const file = await readWorkbookGrid(path.join(__dirname, '..', '..', 'examples', 'kommunstyrelsen-2021.xlsx'));
  const demo = seedAsWorkbook(loadSeed());
  for (const sheet of demo.sheets) {
    const other = file.sheets.find((s) => s.name === sheet.name);
    expect(other).toBeDefined();
    const rows = Math.max(sheet.cells.length, other?.cells.length ?? 0);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < 6; c++) expect([sheet.name, r, c, shown(sheet.cells[r]?.[c])]).toEqual([sheet.name, r, c, shown(other?.cells[r]?.[c])]);
    }
  }
});
