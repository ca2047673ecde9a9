/**
 * The benchmark's generated workbooks (src/example/generate.ts): the grid demo
 * mode shows for `?demo=benchN` and the .xlsx the command-line benchmark
 * writes are the same workbook to the checks, and every sheet has its two
 * tables and the #DIVISION/0! of its unit new this year.
 */
import { buildWorkbook } from '../../scripts/build-example';
import { checkWorkbook } from '../../src/engine/check';
import { generatedTableRows, generatedUnits, generatedWorkbook } from '../../src/example/generate';
import { benchSheetsFromQuery, demoWorkbook } from '../../src/excel/demo';
import { readWorkbookGridFromBytes } from '../../src/xlsx/read';

describe('generated benchmark workbooks', () => {
  it('the grid and the written .xlsx give the same tables and findings', async () => {
    const bytes = Buffer.from(await buildWorkbook(generatedUnits(3, 150)).xlsx.writeBuffer());
    const fromFile = checkWorkbook(readWorkbookGridFromBytes(bytes, 'generated.xlsx'));
    const fromGrid = checkWorkbook(generatedWorkbook(3, 150));
    const key = (f: { rule: string; sheet: string; cell: string }): string => `${f.rule} ${f.sheet}!${f.cell}`;
    expect(fromGrid.tables.map((t) => t.id)).toEqual(fromFile.tables.map((t) => t.id));
    expect(fromGrid.findings.map(key)).toEqual(fromFile.findings.map(key));
    expect(fromGrid.rowsChecked).toBe(generatedTableRows(3, 150));
  });

  it('each sheet holds an RN3 table of 150 rows and a kontogrupp table, and its new unit divides by zero', () => {
    const result = checkWorkbook(generatedWorkbook(2, 150));
    expect(result.tables.map((t) => [t.sheet, t.kind, t.level, t.rows.length])).toEqual([
      ['Förvaltning 1', 'rn', 'RN3', 150],
      ['Förvaltning 1', 'kontogrupp', null, 6],
      ['Förvaltning 2', 'rn', 'RN3', 150],
      ['Förvaltning 2', 'kontogrupp', null, 6],
    ]);
    // Every 97th unit from the 42nd on (data rows 42 and 139, sheet rows 45 and 142) is new: Bokslut 0, Förändr% #DIV/0!.
    const div0 = result.findings.filter((f) => f.rule === 'div0').map((f) => `${f.sheet}!${f.cell}`);
    expect(div0).toEqual(['Förvaltning 1!F45', 'Förvaltning 1!F142', 'Förvaltning 2!F45', 'Förvaltning 2!F142']);
  });

  it('demo mode loads it for ?demo=benchN (1–100) and the example otherwise', () => {
    expect(benchSheetsFromQuery('?demo=bench40')).toBe(40);
    expect(benchSheetsFromQuery('?x=1&demo=bench4&y=2')).toBe(4);
    expect(benchSheetsFromQuery('?demo=bench0')).toBeUndefined();
    expect(benchSheetsFromQuery('?demo=bench101')).toBeUndefined();
    expect(benchSheetsFromQuery('?demo=1')).toBeUndefined();
    expect(demoWorkbook('?demo=bench40').workbook.sheets).toHaveLength(40);
    expect(demoWorkbook('').workbook.sheets.map((s) => s.name)).toContain('Kommunledning');
  });
});
