/**
 * Infoga diagram on the test host with the example workbook: beside the table
 * on its own sheet when there is room (the figures, Budget then each row's
 * step, in empty cells right of the table, the chart right of them), else on
 * a sheet of its own; a waterfall where ExcelApi 1.9 is supported and a
 * clustered bar otherwise, titled and labelled in the table's unit; one Ångra
 * removes exactly what was added.
 */
import { cellAt } from '../../src/engine/grid';
import { memoryStore } from '../../src/excel/changelog';
import { createDemoHost } from '../../src/excel/demo';
import { createActions } from '../../src/excel/workbook-actions';
import type { XlChartsWorksheet } from '../../src/excel/chart';
import { Session } from '../../src/taskpane/session';
import { browserSettingsStore } from '../../src/taskpane/settings';
import { insertChart } from '../../src/taskpane/review';

function setup(apiVersion: '1.7' | '1.9' | '1.20') {
  const host = createDemoHost({ language: 'sv-SE', apiVersion });
  const session = new Session(createActions(host, { store: memoryStore() }), 'demo', browserSettingsStore(undefined));
  return { host, session };
}

function tableId(session: Session, sheet: string, kind: 'rn' | 'kontogrupp'): string {
  return session.getState().report!.result.tables.find((t) => t.sheet === sheet && t.kind === kind)!.id;
}

describe('Infoga diagram beside the table', () => {
  it.each(['1.9', '1.20'] as const)('ExcelApi %s: a waterfall on the table’s own sheet over figures right of the table; one Ångra leaves the workbook exactly as before', async (apiVersion) => {
    const { host, session } = setup(apiVersion);
    await session.validate();
    const report = session.getState().report!;
    const table = report.result.tables.find((t) => t.sheet === 'Kommunledning' && t.kind === 'rn')!;
    const last = 3 + table.rows.length + 1; // header row 3, Budget, one row per unit
    const before = host.snapshot();
    const sheetsBefore = host.sheets.map((s) => s.name);
    await insertChart(session, table.id);
    expect(session.getState().error).toBeNull();
    expect(session.getState().notice).toEqual({ id: 'review.notice.chart.beside', params: { type: 'vattenfall', sheet: 'Kommunledning', figures: `H3:I${last}` } });
    expect(host.sheets.map((s) => s.name)).toEqual(sheetsBefore); // no new sheet
    const charts = host.sheet('Kommunledning').charts!;
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ type: 'Waterfall', sourceSheet: 'Kommunledning', source: `H3:I${last}`, seriesBy: 'Columns', legendVisible: false, position: 'K3:R20' });
    expect(charts[0]!.title).toBe('Kommunledning RN3: från budget till utfall, avvikelse per rad (tkr)');
    expect(charts[0]!.name).toMatch(/^Avvikelsekollen /);
    // The figures: a header, Budget, then the variances; their sum is Utfall.
    const grid = report.workbook.sheets.find((s) => s.name === 'Kommunledning')!;
    const budget = cellAt(grid, table.total!.row, table.columns.budget!.col).value as number;
    const actual = cellAt(grid, table.total!.row, table.columns.actual!.col).value as number;
    expect([host.cell('Kommunledning', 'H3').value, host.cell('Kommunledning', 'I3').value]).toEqual(['Post', 'Belopp (tkr)']);
    expect([host.cell('Kommunledning', 'H4').value, host.cell('Kommunledning', 'I4').value]).toEqual(['Budget', budget]);
    let end = budget;
    for (let r = 5; r <= last; r++) end += host.cell('Kommunledning', `I${r}`).value as number;
    expect(Math.abs(end - actual)).toBeLessThanOrEqual(table.rows.length); // printed figures are rounded
    // The table itself and the blank column between are untouched.
    expect(host.cell('Kommunledning', 'G3').value).toBeNull();
    expect(host.cell('Kommunledning', 'J3').value).toBeNull();

    await session.undo();
    expect(session.getState().error).toBeNull();
    expect(host.snapshot()).toBe(before);
  });

  it('without ExcelApi 1.9: a clustered bar of the variances, value axis in tkr, beside the kontogrupp table; a second chart of the same table goes on a new sheet, and Ångra takes the last one first', async () => {
    const { host, session } = setup('1.7');
    await session.validate();
    const table = session.getState().report!.result.tables.find((t) => t.sheet === 'Kommunledning' && t.kind === 'kontogrupp')!;
    const before = host.snapshot();
    await insertChart(session, table.id);
    expect(session.getState().error).toBeNull();
    const top = table.top + 1;
    expect(host.sheet('Kommunledning').charts).toEqual([
      expect.objectContaining({ type: 'BarClustered', sourceSheet: 'Kommunledning', source: `H${top + 2}:I${top + table.rows.length + 1}`, valueAxisTitle: 'tkr', position: `K${top}:R${top + 14}` }),
    ]);
    expect(host.sheet('Kommunledning').charts![0]!.title).toMatch(/^Kommunledning Kontogrupp: från budget till utfall/);
    const afterFirst = host.snapshot();

    await insertChart(session, tableId(session, 'Kommunledning', 'kontogrupp'));
    expect(session.getState().notice).toEqual({ id: 'review.notice.chart', params: { type: 'liggande stapel', sheet: 'Diagram Kommunledning' } });
    expect(host.sheet('Diagram Kommunledning').charts).toHaveLength(1);
    expect(host.sheet('Kommunledning').charts).toHaveLength(1);

    await session.undo();
    expect(host.hasSheet('Diagram Kommunledning')).toBe(false);
    expect(host.snapshot()).toBe(afterFirst);
    await session.undo();
    expect(host.snapshot()).toBe(before);
  });

  it('the RN and the kontogrupp chart of one sheet both go beside their tables, one under the other', async () => {
    const { host, session } = setup('1.9');
    await session.validate();
    await insertChart(session, tableId(session, 'Kommunstyrelseförvaltning', 'rn'));
    await insertChart(session, tableId(session, 'Kommunstyrelseförvaltning', 'kontogrupp'));
    expect(session.getState().error).toBeNull();
    const positions = host.sheet('Kommunstyrelseförvaltning').charts!.map((c) => c.position);
    expect(positions).toEqual(['K3:R18', 'K21:R35']);
  });

  it('Ångra after the user deleted the chart: the figures go, nothing else is touched', async () => {
    const { host, session } = setup('1.9');
    await session.validate();
    const before = host.snapshot();
    await insertChart(session, tableId(session, 'Kommunledning', 'rn'));
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Kommunledning') as unknown as XlChartsWorksheet;
      ws.charts.load('items/name');
      await ctx.sync();
      for (const c of ws.charts.items) c.delete();
      await ctx.sync();
    });
    await session.undo();
    expect(session.getState().error).toBeNull();
    expect(host.snapshot()).toBe(before);
  });

  it('Ångra refuses when the user has typed over one of the figures, and leaves figures and chart as they are', async () => {
    const { host, session } = setup('1.9');
    await session.validate();
    await insertChart(session, tableId(session, 'Kommunledning', 'rn'));
    host.type('Kommunledning', 'I6', 1234);
    const edited = host.snapshot();
    await session.undo();
    expect(session.getState().error).toBe('stale');
    expect(host.snapshot()).toBe(edited);
    expect(host.sheet('Kommunledning').charts).toHaveLength(1);
  });

  it('the table’s sheet deleted since the check: refused, and no sheet is made in its name', async () => {
    const { host, session } = setup('1.9');
    await session.validate();
    const id = tableId(session, 'Stadsrevisionen', 'kontogrupp');
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Stadsrevisionen').delete();
      await ctx.sync();
    });
    const before = host.snapshot();
    await insertChart(session, id);
    expect(session.getState().error).not.toBeNull();
    expect(host.hasSheet('Stadsrevisionen')).toBe(false);
    expect(host.snapshot()).toBe(before);
  });

  it('the chart’s batch applied but its answer lost: the figures and the chart both go again', async () => {
    const { host, session } = setup('1.9');
    await session.validate();
    const before = host.snapshot();
    // Sync 1 looks at the sheet (protection, charts), sync 2 reads the figures' cells, sync 3 writes them, sync 4 adds the chart.
    host.dropConnection({ onSync: 4, applied: true });
    await insertChart(session, tableId(session, 'Kommunledning', 'rn'));
    expect(session.getState().error).not.toBeNull();
    expect(host.snapshot()).toBe(before);
  });
});

describe('Infoga diagram on a new sheet when there is no room beside the table', () => {
  it('a note of the user’s where the chart would go: the chart and its figures on `Diagram Kommunledning`, the note untouched; one Ångra removes the sheet', async () => {
    const { host, session } = setup('1.9');
    host.type('Kommunledning', 'N10', 'Se not 3');
    await session.validate();
    const report = session.getState().report!;
    const table = report.result.tables.find((t) => t.sheet === 'Kommunledning' && t.kind === 'rn')!;
    const before = host.snapshot();
    await insertChart(session, table.id);
    expect(session.getState().error).toBeNull();
    expect(session.getState().notice).toEqual({ id: 'review.notice.chart', params: { type: 'vattenfall', sheet: 'Diagram Kommunledning' } });
    expect(host.sheet('Kommunledning').charts ?? []).toEqual([]);
    const chart = host.sheet('Diagram Kommunledning').charts![0]!;
    expect(chart).toMatchObject({ type: 'Waterfall', sourceSheet: 'Diagram Kommunledning', source: `A1:B${table.rows.length + 2}`, seriesBy: 'Columns', legendVisible: false });
    expect(chart.title).toBe('Kommunledning RN3: från budget till utfall, avvikelse per rad (tkr)');
    expect(host.cell('Diagram Kommunledning', 'A2').value).toBe('Budget');
    expect(host.cell('Diagram Kommunledning', 'B1').value).toBe('Belopp (tkr)');
    expect(host.cell('Kommunledning', 'N10').value).toBe('Se not 3');

    await session.undo();
    expect(host.hasSheet('Diagram Kommunledning')).toBe(false);
    expect(host.snapshot()).toBe(before);
  });

  it('a protected table sheet: nothing can be written beside the table, so the chart goes on a new sheet', async () => {
    const { host, session } = setup('1.9');
    host.protect('Kommunledning');
    await session.validate();
    const kommunledning = (): unknown => (JSON.parse(host.snapshot()) as { name: string }[]).find((s) => s.name === 'Kommunledning');
    const before = kommunledning();
    await insertChart(session, tableId(session, 'Kommunledning', 'rn'));
    expect(session.getState().error).toBeNull();
    expect(session.getState().notice).toEqual({ id: 'review.notice.chart.protected', params: { type: 'vattenfall', sheet: 'Diagram Kommunledning', table: 'Kommunledning' } });
    expect(host.sheet('Diagram Kommunledning').charts).toHaveLength(1);
    expect(host.sheet('Kommunledning').charts ?? []).toEqual([]);
    expect(kommunledning()).toEqual(before);
  });

  it.each([
    ['1.20', 'K5:P12', 'new-sheet'],
    ['1.20', 'A40:F55', 'beside-table'],
    ['1.9', 'A40:F55', 'new-sheet'],
  ] as const)('ExcelApi %s, a chart of the user’s at %s: the new chart goes %s', async (apiVersion, position, placement) => {
    const { host, session } = setup(apiVersion);
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Kommunledning') as unknown as XlChartsWorksheet;
      ws.charts.add('ColumnClustered', ws.getRange('A4:B8'), 'Columns').setPosition(position.split(':')[0]!, position.split(':')[1]);
      await ctx.sync();
    });
    await session.validate();
    const before = host.snapshot();
    await insertChart(session, tableId(session, 'Kommunledning', 'rn'));
    expect(session.getState().error).toBeNull();
    // With ExcelApi 1.10 the charts' places are compared in points; without, any chart the add-in did not add is in the way.
    expect(host.sheet('Kommunledning').charts).toHaveLength(placement === 'beside-table' ? 2 : 1);
    expect(host.hasSheet('Diagram Kommunledning')).toBe(placement === 'new-sheet');
    expect(session.getState().notice?.id).toBe(placement === 'beside-table' ? 'review.notice.chart.beside' : 'review.notice.chart');
    await session.undo();
    expect(host.snapshot()).toBe(before);
  });

  it('the host refuses a waterfall without ExcelApi 1.9, and the adapter never asks for one there', async () => {
    const { host } = setup('1.7');
    await expect(
      host.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Kommunledning') as unknown as XlChartsWorksheet;
        ws.charts.add('Waterfall', ws.getRange('A3:B5'), 'Columns');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(host.sheet('Kommunledning').charts ?? []).toEqual([]);
  });
});
