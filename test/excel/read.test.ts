/**
 * Reading through the adapter against the test host: round trips, payload
 * limits, and errors recognised by value type in any display language.
 */
import { checkWorkbook } from '../../src/engine/check';
import type { Cell, SheetGrid, WorkbookGrid } from '../../src/engine/grid';
import { seedAsWorkbook } from '../../src/example/seed';

import { generatedWorkbook } from '../../src/example/generate';
import { BYTES_PER_CELL, READ_BUDGET_BYTES, readWorkbook, toCell } from '../../src/excel/read';
import { HostError, TestHost } from '../../src/excel/simulated';
import { measureValidate } from '../../bench/office-measure';
import { PAYLOAD_LIMIT_BYTES } from '../../src/excel/xl';
import { loadSeed } from '../helpers/seed';

const example = (): WorkbookGrid => seedAsWorkbook(loadSeed());

/** The content of a grid cell as the checks see it (number formats aside: General is dropped). */
function content(c: Cell | undefined): unknown {
  if (c === undefined || (c.value === null && c.error === undefined && c.formula === undefined)) return null;
  return { value: c.value, error: c.error ?? null, formula: c.formula ?? null };
}

function sameContent(a: SheetGrid, b: SheetGrid): void {
  const rows = Math.max(a.cells.length, b.cells.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(a.cells[r]?.length ?? 0, b.cells[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) expect([r, c, content(a.cells[r]?.[c])]).toEqual([r, c, content(b.cells[r]?.[c])]);
  }
}

describe('reading the workbook', () => {
  it('reads one sheet in 3 syncs (the sheets, their used ranges, the data), cell for cell', async () => {
    const source: WorkbookGrid = { sheets: [example().sheets[0] as SheetGrid] };
    const host = new TestHost(source);
    const { workbook, stats } = await readWorkbook(host);
    expect(host.stats.syncs).toBe(3);
    expect(stats.syncs).toBe(3);
    sameContent(workbook.sheets[0] as SheetGrid, source.sheets[0] as SheetGrid);
    expect(workbook.sheets[0]?.cells[3]?.[5]?.numberFormat).toBe('0.0');
  });

  it.each([1, 10, 50])('reads %i sheets of 166 rows in exactly 3 syncs (the sheets, their sizes, then all data), cell for cell', async (n) => {
    const source = generatedWorkbook(n, 150);
    const host = new TestHost(source);
    const { workbook, stats } = await readWorkbook(host);
    expect(host.stats.syncs).toBe(3);
    expect(stats).toMatchObject({ syncs: 3, dataRequests: 1 });
    expect(Math.max(...source.sheets.map((s) => s.cells.length))).toBe(166);
    expect(workbook.sheets.map((s) => s.name)).toEqual(source.sheets.map((s) => s.name));
    source.sheets.forEach((s, i) => sameContent(workbook.sheets[i] as SheetGrid, s));
  });

  it('275 sheets: every used range in one sync, the data still in one', async () => {
    const source: WorkbookGrid = { sheets: Array.from({ length: 275 }, (_, i): SheetGrid => ({ name: `Enhet ${i}`, cells: [[{ value: `Enhet ${i}` }], [{ value: i }]] })) };
    source.sheets[3] = { name: 'Tom', cells: [] };
    const host = new TestHost(source);
    const { workbook, stats } = await readWorkbook(host);
    expect(stats).toMatchObject({ syncs: 3, dataRequests: 1 });
    expect(workbook.sheets.length).toBe(275);
    sameContent(workbook.sheets[274] as SheetGrid, source.sheets[274] as SheetGrid);
    expect(workbook.sheets[3]).toEqual({ name: 'Tom', cells: [] });
  });

  it('the cost function for the benchmark counts round trips and bytes per validation', async () => {
    const one = await measureValidate(1);
    const fifty = await measureValidate(50, { workbook: generatedWorkbook(50, 150) });
    expect(one.readSyncs).toBe(3);
    expect(fifty.readSyncs).toBe(3);
    expect(fifty.syncs).toBe(3);
    expect(fifty.responseBytes).toBeGreaterThan(one.responseBytes * 20);
    expect(fifty.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(fifty.findings).toBeGreaterThan(one.findings);
    const marked = await measureValidate(5, { mark: true, apiVersion: '1.9' });
    expect(marked.findings).toBeGreaterThan(0);
    expect(marked.syncs).toBe(4); // read 3; a first marking adds conditional formats in 1 (ExcelApi 1.9)
    const filled = await measureValidate(5, { mark: true, apiVersion: '1.8' });
    expect(filled.syncs).toBe(5); // without ExcelApi 1.9 a first marking reads the own fills, then fills (exact if it breaks off)
  });

  it.each([
    ['1.7', 'values + valueTypes'],
    ['1.16', 'valuesAsJson'],
  ])('finds #DIVISION/0! shown by Swedish Excel with value type Error (ExcelApi %s: %s)', async (apiVersion) => {
    const host = new TestHost(example(), { language: 'sv-SE', apiVersion });
    // What this Excel shows: the Swedish text, typed as an error.
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Kommunledning').getRange('F5');
      r.load('values,valueTypes');
      await ctx.sync();
      expect(r.values).toEqual([['#DIVISION/0!']]);
      expect(r.valueTypes).toEqual([['Error']]);
    });
    const { workbook } = await readWorkbook(host);
    expect(workbook.sheets[0]?.cells[4]?.[5]).toMatchObject({ value: null, error: 'DIV_BY_ZERO', formula: '=(C5/B5-1)*100' });
    const div0 = checkWorkbook(workbook).findings.filter((f) => f.rule === 'div0');
    expect(div0.map((f) => `${f.sheet}!${f.cell}`)).toContain('Kommunledning!F5');
  });

  it('an error is recognised by its value type, also when its text is in no language we know', () => {
    // Fallback (no valuesAsJson): the type says Error, the text maps to a code where it can.
    expect(toCell('#ゼロ除算!', 'Error', '=1/0', 'General')).toEqual({ value: null, error: 'ERROR', formula: '=1/0' });
    expect(toCell('#DIVISION/0!', 'Error', '=1/0', 'General')).toMatchObject({ error: 'DIV_BY_ZERO' });
    // valuesAsJson (ExcelApi 1.16): the error type decides, whatever the text.
    expect(toCell('#ゼロ除算!', 'Error', '=1/0', 'General', 'Div0')).toMatchObject({ error: 'DIV_BY_ZERO' });
    // The same text typed as plain text (a pasted report) is an error to the checks, marked as text.
    expect(toCell('#DIVISION/0!', 'String', '#DIVISION/0!', '@')).toEqual({ value: '#DIVISION/0!', error: 'DIV_BY_ZERO', errorIsText: true, numberFormat: '@' });
  });

  it('a workbook over 5 MB is read in the fewest requests the estimate allows, none refused', async () => {
    const rows = 36000;
    const cells: (Cell | undefined)[][] = [];
    for (let r = 0; r < rows; r++) {
      cells.push([{ value: `KL${r}  Enhet ${r}` }, ...[-3495, -3170, -4134, 964, -9.3].map((v) => ({ value: v + r, numberFormat: '#,##0' }))]);
    }
    const host = new TestHost({ sheets: [{ name: 'Stor', cells }, example().sheets[1] as SheetGrid] });
    const { workbook, stats } = await readWorkbook(host);
    const data = host.stats.requests.slice(1);
    const total = data.reduce((n, r) => n + r.responseBytes, 0);
    expect(total).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(host.stats.requests.every((r) => r.failed === undefined)).toBe(true);
    expect(Math.max(...data.map((r) => r.responseBytes))).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    // Fewest: no more requests than the estimated bytes need, plus the first (windowed) one.
    const estimated = Math.ceil((stats.cells * BYTES_PER_CELL) / READ_BUDGET_BYTES);
    expect(stats.dataRequests).toBeLessThanOrEqual(estimated + 1);
    expect(stats.dataRequests).toBeGreaterThanOrEqual(Math.ceil(total / PAYLOAD_LIMIT_BYTES));
    expect(stats.dataRequests).toBeGreaterThan(1);
    expect(workbook.sheets[0]?.cells[rows - 1]?.[1]?.value).toBe(-3495 + rows - 1);
    expect(workbook.sheets[0]?.cells.length).toBe(rows);
    sameContent(workbook.sheets[1] as SheetGrid, example().sheets[1] as SheetGrid);
  });

  it('a 9.9 MB workbook is read in the fewest requests that fit under 5 MB with the planning margin, none refused', async () => {
    const source = generatedWorkbook(20, 2_000);
    const host = new TestHost(source);
    const { workbook, stats } = await readWorkbook(host);
    const data = host.stats.requests.slice(2);
    const total = data.reduce((n, r) => n + r.responseBytes, 0);
    expect(total).toBeGreaterThan(1.8 * PAYLOAD_LIMIT_BYTES);
    // The lower bound: all the data, in requests of at most READ_BUDGET_BYTES (5 MB less 10 % for the estimate).
    const fewest = Math.ceil(total / READ_BUDGET_BYTES);
    expect(stats.dataRequests).toBe(fewest);
    expect(stats.syncs).toBe(2 + fewest);
    expect(data.every((r) => r.failed === undefined && r.responseBytes <= PAYLOAD_LIMIT_BYTES && r.requestBytes <= PAYLOAD_LIMIT_BYTES)).toBe(true);
    // Cell for cell (as one text per sheet: 240 000 cells).
    const text = (g: SheetGrid): string => JSON.stringify(g.cells.map((r) => (r ?? []).map(content)));
    source.sheets.forEach((s, i) => expect(text(workbook.sheets[i] as SheetGrid)).toBe(text(s)));
  });

  it('a sheet much wider than a budget table is read in the same 3 syncs; hidden sheets are flagged', async () => {
    const small = Array.from({ length: 100 }, (_, i): SheetGrid => ({ name: `Enhet ${i}`, cells: [[{ value: `Enhet ${i}` }], [{ value: i }]] }));
    const wide: SheetGrid = { name: 'Bred', cells: Array.from({ length: 100 }, (_, r) => Array.from({ length: 30 }, (_, c): Cell => ({ value: r * 100 + c }))) };
    const source: WorkbookGrid = { sheets: [...small, wide, { name: 'Dold', hidden: true, cells: [[{ value: 'x' }]] }] };
    const host = new TestHost(source);
    const { workbook, stats } = await readWorkbook(host);
    expect(stats.syncs).toBe(3);
    sameContent(workbook.sheets[100] as SheetGrid, wide);
    sameContent(workbook.sheets[42] as SheetGrid, small[42] as SheetGrid);
    expect(workbook.sheets[101]?.hidden).toBe(true);
    expect(workbook.sheets[100]?.hidden).toBeUndefined();
  });

  it('text much longer than estimated: the refused request is split and retried, nothing lost', async () => {
    const long = 'x'.repeat(3000);
    const cells = Array.from({ length: 1500 }, (_, r) => [{ value: `${long}${r}` }, { value: r }]);
    const host = new TestHost({ sheets: [{ name: 'Text', cells }] });
    const { workbook } = await readWorkbook(host);
    expect(host.stats.requests.some((r) => r.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(workbook.sheets[0]?.cells[1499]?.[0]?.value).toBe(`${long}1499`);
    expect(workbook.sheets[0]?.cells.filter((r) => r !== undefined).length).toBe(1500);
  });

  // The 5 million cell limit is per range read, not per workbook (resource-limits-and-performance-optimization#excel-add-ins).
  it('more than 5 million cells in all: read in bands, each range far below the limit, never refused', async () => {
    const cells: (Cell | undefined)[][] = [[{ value: 'Rubrik' }]];
    cells[199999] = [];
    (cells[199999] as (Cell | undefined)[])[25] = { value: 1 };
    const host = new TestHost({ sheets: [{ name: 'Spridd', cells }] });
    const { workbook, stats } = await readWorkbook(host);
    expect(stats.cells).toBe(200000 * 26);
    expect(workbook.sheets[0]?.cells[199999]?.[25]?.value).toBe(1);
    expect(workbook.sheets[0]?.cells[0]?.[0]?.value).toBe('Rubrik');
    expect(host.stats.requests.every((r) => r.responseBytes <= PAYLOAD_LIMIT_BYTES && r.failed === undefined)).toBe(true);
  }, 60_000);

  it('a cell being edited stops the read with editing; a dropped connection with connection', async () => {
    const host = new TestHost(example());
    host.setEditMode(true);
    await expect(readWorkbook(host)).rejects.toMatchObject({ code: 'editing' });
    host.setEditMode(false);
    host.dropConnection({ onSync: 2 });
    await expect(readWorkbook(host)).rejects.toMatchObject({ code: 'connection' });
    await expect(readWorkbook(host)).resolves.toBeDefined();
  });
});

describe('the test host behaves like Office.js proxies', () => {
  it('a property must be loaded, and synced, before it is read', async () => {
    const host = new TestHost(example());
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Kommunledning').getRange('B4');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      r.load('values');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(r.values).toEqual([[-3495]]);
      expect(() => r.formulas).toThrow(HostError);
    });
  });

  it('nothing happens before sync; queued writes apply at sync, in order', async () => {
    const host = new TestHost(example());
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Kommunledning').getRange('B4');
      r.values = [[1]];
      r.values = [[2]];
      expect(host.cell('Kommunledning', 'B4').value).toBe(-3495);
      await ctx.sync();
      expect(host.cell('Kommunledning', 'B4').value).toBe(2);
      // Formulas depending on it are recalculated: E4 = C4 - D4, F4 = (C4/B4-1)*100
      expect(host.cell('Kommunledning', 'F4').value).toBeCloseTo((-3170 / 2 - 1) * 100);
    });
  });

  it('formatting does not recalculate (as in Excel): a value Excel calculated stays until an entry changes the sheet', async () => {
    // Utfall 100, Budget 40, and an Avv last calculated as 50 (calculation was manual when it was saved).
    const grid: WorkbookGrid = { sheets: [{ name: 'Blad1', cells: [[{ value: 100 }, { value: 40 }, { value: 50, formula: '=A1-B1' }]] }] };
    const host = new TestHost(grid, { apiVersion: '1.9' });
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Blad1');
      ws.getRange('C1').format.fill.color = '#FFC7CE';
      ws.getRange('C1').numberFormat = [['0.0']];
      await ctx.sync();
      expect(host.cell('Blad1', 'C1')).toMatchObject({ value: 50, numberFormat: '0.0', fill: { pattern: 'Solid', color: '#FFC7CE' } });
      ws.getRange('B1').values = [[30]];
      await ctx.sync();
      expect(host.cell('Blad1', 'C1').value).toBe(70);
    });
  });

  it('a load sees the state at its place in the batch: before a queued write the old value and fill, after it the new', async () => {
    const host = new TestHost(example(), { apiVersion: '1.9' });
    host.setFill('Kommunledning', 'B4', { color: '#FFFF00', pattern: 'Gray25' });
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Kommunledning');
      const early = ws.getRange('B4');
      early.load('values');
      early.format.fill.load('color,pattern');
      early.values = [[7]];
      early.format.fill.color = '#CE473D';
      early.format.fill.pattern = 'Solid';
      const late = ws.getRange('B4');
      late.load('values');
      late.format.fill.load('color,pattern');
      await ctx.sync();
      expect(host.stats.syncs).toBe(1);
      expect([early.values, early.format.fill.color, early.format.fill.pattern]).toEqual([[[-3495]], '#FFFF00', 'Gray25']);
      expect([late.values, late.format.fill.color, late.format.fill.pattern]).toEqual([[[7]], '#CE473D', 'Solid']);
    });
  });

  it('walks the sheets with getFirst() and getNextOrNullObject(); past the last sheet, null objects (and their used ranges)', async () => {
    const host = new TestHost(example());
    await host.run(async (ctx) => {
      const first = ctx.workbook.worksheets.getFirst();
      const links = [first];
      for (let i = 0; i < 6; i++) links.push((links[links.length - 1] as typeof first).getNextOrNullObject());
      const used = links.map((l) => l.getUsedRangeOrNullObject(true));
      used.forEach((u) => u.load('address'));
      links.forEach((l) => l.load('name'));
      await ctx.sync();
      const n = example().sheets.length;
      expect(links.slice(0, n).map((l) => l.name)).toEqual(example().sheets.map((s) => s.name));
      expect(links.slice(n).every((l) => l.isNullObject)).toBe(true);
      expect(used.slice(n).every((u) => u.isNullObject)).toBe(true);
      expect(used[0]?.address).toMatch(/^Kommunledning!A1:/);
    });
  });

  it('refuses a request over 5 MB the way Excel on the web does', async () => {
    const host = new TestHost(example());
    const big = [['y'.repeat(6 * 1024 * 1024)]];
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Kommunledning').getRange('H1').values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(host.cell('Kommunledning', 'H1').value).toBeNull();
  });

  it('a failing action stops the batch where it is: earlier actions stay applied (Excel does not roll back)', async () => {
    const host = new TestHost(example());
    host.protect('Kommungemensamt');
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Kommunledning').getRange('H1').values = [['först']];
        ctx.workbook.worksheets.getItem('Kommungemensamt').getRange('H1').values = [['sedan']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(host.cell('Kommunledning', 'H1').value).toBe('först');
  });

  it('newer APIs fail where the requirement set is not supported', async () => {
    const host = new TestHost(example(), { apiVersion: '1.7' });
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Kommunledning').getRange('B4').load('valuesAsJson');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(host.supports('1.16')).toBe(false);
    expect(new TestHost(example(), { apiVersion: '1.16' }).supports('1.16')).toBe(true);
  });
});
