/**
 * What the pane lists as checked (every table, its understood columns, unit
 * and sign convention) and demo mode's picture of the table around a
 * selected cell, on the example's tables.
 */
import { checkWorkbook } from '../../src/engine/check';
import { seedAsPastedValues } from '../../src/example/seed';
import { checkedTable } from '../../src/taskpane/checked-tables';
import { demoGrid, parseAddress } from '../../src/taskpane/demo-grid';
import { loadSeed } from '../helpers/seed';

const workbook = seedAsPastedValues(loadSeed());
const result = checkWorkbook(workbook);

describe('what was checked', () => {
  it('lists each table with its columns by letter, unit and sign convention, also tables without findings', () => {
    const listed = result.tables.map((t) => checkedTable(t, result.findings, 'sv'));
    expect(listed).toHaveLength(result.tables.length);
    for (const c of listed) {
      expect(c.columns).toMatch(/Utfall [A-Z]+/);
      expect(c.details).toMatch(/^\d+ rad(er)? · belopp i (tkr|mnkr|kr) · kostnader (negativa|positiva)/);
    }
    expect(listed.reduce((n, c) => n + c.findings, 0)).toBe(result.findings.filter((f) => f.tableId !== null).length);
    expect(checkedTable(result.tables[0] as never, [], 'en').details).toMatch(/amounts in \w+ · costs (negative|positive)/);
  });
});

describe('demo mode’s picture of the sheet', () => {
  it('draws the table around the selected cell with the findings’ marks', () => {
    const div0 = result.findings.find((f) => f.rule === 'div0');
    expect(div0).toBeDefined();
    const f = div0 as NonNullable<typeof div0>;
    const grid = demoGrid(workbook, result.tables, result.findings, { sheet: f.sheet, cell: f.cell }, 'sv');
    const cells = grid?.rows.flatMap((r) => r.cells) ?? [];
    const selected = cells.filter((c) => c.selected);
    expect(selected.map((c) => [c.address, c.mark])).toEqual([[f.cell, 'error']]);
    expect(selected[0]?.text).toBe('#DIVISION/0!');
    expect(parseAddress('AB12')).toEqual({ row: 11, col: 27 });
    expect(demoGrid(workbook, result.tables, result.findings, { sheet: 'Finns inte', cell: 'A1' }, 'sv')).toBeUndefined();
  });
});
