/**
 * The test host's conditional formats behave as Excel's do for what the
 * marking uses: added on top over RangeAreas, an id loaded in the same batch,
 * found and deleted by id, listed with their rule and fill, writes refused on
 * a protected sheet, a batch that fails keeping what it applied before.
 */
import { seedAsWorkbook } from '../../src/example/seed';
import { TestHost } from '../../src/excel/simulated';
import type { XlConditionalFormat } from '../../src/excel/xl';
import { loadSeed } from '../helpers/seed';

const host = (apiVersion = '1.9'): TestHost => new TestHost(seedAsWorkbook(loadSeed()), { apiVersion });

describe('test host: conditional formats', () => {
  it('adds a custom format over several cells, loads its id in the same batch, and the cells show its fill over their own', async () => {
    const h = host();
    h.setFill('Kommunledning', 'F9', { color: '#FFFF00', pattern: 'Gray25' });
    const before = h.cell('Kommunledning', 'F9');
    let id = '';
    await h.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem('Kommunledning').getRanges('F5,F9:F10').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '="x"<>""';
      cf.custom.format.fill.color = '#ce473d';
      cf.load('id');
      await ctx.sync();
      id = cf.id;
    });
    expect(h.stats.syncs).toBe(1);
    expect(h.conditionalFormats('Kommunledning')).toEqual([{ id, type: 'Custom', ranges: 'F5,F9:F10', formula: '="x"<>""', fill: '#CE473D' }]);
    for (const cell of ['F5', 'F9', 'F10']) expect(h.displayedFill('Kommunledning', cell)).toMatchObject({ pattern: 'Solid', color: '#CE473D' });
    expect(h.displayedFill('Kommunledning', 'F6').pattern).toBe('None');
    expect(h.cell('Kommunledning', 'F9')).toEqual(before); // the cell's own fill is untouched
    // The request carried the actions as JSON, the response the id.
    expect(h.stats.requests[0]?.requestBytes).toBeGreaterThan(100);
    expect(h.stats.requests[0]?.responseBytes).toBeGreaterThan(id.length);

    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Kommunledning').getRange().conditionalFormats.getItem(id).delete();
      await ctx.sync();
    });
    expect(h.conditionalFormats('Kommunledning')).toEqual([]);
    expect(h.displayedFill('Kommunledning', 'F9')).toMatchObject({ pattern: 'Gray25', color: '#FFFF00' });
  });

  it('lists the formats intersecting a range with their rule and fill; a format of another type has no custom part', async () => {
    const h = host();
    const own = h.addConditionalFormat('Kommunledning', 'B4:F20', { type: 'CellValue', fill: '#FFC7CE' });
    const mine = h.addConditionalFormat('Kommunledning', 'F5', { formula: '=1=1', fill: '#4279AF' });
    h.addConditionalFormat('Kommunledning', 'H30', { formula: '=TRUE', fill: '#000000' });
    let items: XlConditionalFormat[] = [];
    await h.run(async (ctx) => {
      const coll = ctx.workbook.worksheets.getItem('Kommunledning').getRanges('F5:F6').conditionalFormats;
      coll.load('items/id,items/type,items/customOrNullObject/rule/formula,items/customOrNullObject/format/fill/color');
      await ctx.sync();
      items = coll.items;
    });
    // Ids are positions in the collection (the format added later is on top, and the earlier one moved down).
    expect([own, mine]).toEqual(['0', '0']);
    expect(items.map((i) => [i.id, i.type, i.customOrNullObject.isNullObject])).toEqual([
      ['0', 'Custom', false],
      ['1', 'CellValue', true],
    ]);
    expect([items[0]?.customOrNullObject.rule.formula, items[0]?.customOrNullObject.format.fill.color]).toEqual(['=1=1', '#4279AF']);
  });

  it('refuses formats on a protected sheet and an unknown id; a batch that fails keeps what it applied before', async () => {
    const h = host();
    h.protect('Stadsrevisionen');
    await expect(
      h.run(async (ctx) => {
        const ok = ctx.workbook.worksheets.getItem('Kommunledning').getRanges('F5').conditionalFormats.add('Custom');
        ok.custom.rule.formula = '=TRUE';
        ctx.workbook.worksheets.getItem('Stadsrevisionen').getRanges('F4').conditionalFormats.add('Custom');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(h.conditionalFormats('Kommunledning')).toHaveLength(1);
    expect(h.conditionalFormats('Stadsrevisionen')).toEqual([]);
    await expect(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Kommunledning').getRange().conditionalFormats.getItem('{nope}').delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it("RangeAreas need ExcelApi 1.9; a range's conditional formats only 1.6", async () => {
    const h = host('1.8');
    await expect(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Kommunledning').getRanges('F5').conditionalFormats.add('Custom');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    await h.run(async (ctx) => {
      const coll = ctx.workbook.worksheets.getItem('Kommunledning').getRange('F5').conditionalFormats;
      coll.add('Custom').custom.format.fill.color = '#986E1B';
      coll.load('items/id');
      await ctx.sync();
      expect(coll.items).toHaveLength(1);
    });
  });
});
