/**
 * Infoga diagram on the test host with the example workbook: the figures on
 * a sheet of their own (Budget, then each row's variance, so the waterfall
 * ends at Utfall), a waterfall where ExcelApi 1.9 is supported and a
 * clustered bar otherwise, titled and labelled in the table's unit; one Ångra
 * removes sheet and chart.
 */
import { cellAt } from '../../src/engine/grid';
import { memoryStore } from '../../src/excel/changelog';
import { createDemoHost } from '../../src/excel/demo';
import { createActions } from '../../src/excel/workbook-actions';
import { Session } from '../../src/taskpane/session';
import { browserSettingsStore } from '../../src/taskpane/settings';
import { insertChart } from '../../src/taskpane/review';

function setup(apiVersion: '1.7' | '1.9') {
  const host = createDemoHost({ language: 'sv-SE', apiVersion });
  const session = new Session(createActions(host, { store: memoryStore() }), 'demo', browserSettingsStore(undefined));
  return { host, session };
}

describe('Infoga diagram', () => {
  it('a waterfall from Budget through each row’s variance, titled in tkr, on a new sheet; one Ångra removes it', async () => {
    const { host, session } = setup('1.9');
    await session.validate();
    const report = session.getState().report!;
    const table = report.result.tables.find((t) => t.sheet === 'Kommunledning' && t.kind === 'rn')!;
    const before = host.snapshot();
    await insertChart(session, table.id);
    expect(session.getState().error).toBeNull();
    expect(session.getState().notice).toEqual({ id: 'review.notice.chart', params: { type: 'vattenfall', sheet: 'Diagram Kommunledning' } });
    expect(session.getState().lastChange?.label).toBe('action.chart');
    const sheet = host.sheet('Diagram Kommunledning');
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts![0]!;
    expect(chart).toMatchObject({ type: 'Waterfall', sourceSheet: 'Diagram Kommunledning', source: `A1:B${table.rows.length + 2}`, seriesBy: 'Columns', legendVisible: false });
    expect(chart.title).toBe('Kommunledning RN3: från budget till utfall, avvikelse per rad (tkr)');
    // The figures: Budget, then the variances; their sum is Utfall.
    const grid = report.workbook.sheets.find((s) => s.name === 'Kommunledning')!;
    const budget = cellAt(grid, table.total!.row, table.columns.budget!.col).value as number;
    const actual = cellAt(grid, table.total!.row, table.columns.actual!.col).value as number;
    expect(host.cell('Diagram Kommunledning', 'A2').value).toBe('Budget');
    expect(host.cell('Diagram Kommunledning', 'B2').value).toBe(budget);
    expect(host.cell('Diagram Kommunledning', 'B1').value).toBe('Belopp (tkr)');
    let end = budget;
    for (let r = 3; r <= table.rows.length + 2; r++) end += host.cell('Diagram Kommunledning', `B${r}`).value as number;
    expect(Math.abs(end - actual)).toBeLessThanOrEqual(table.rows.length); // printed figures are rounded

    await session.undo();
    expect(host.hasSheet('Diagram Kommunledning')).toBe(false);
    expect(host.snapshot()).toBe(before);
  });

  it('without ExcelApi 1.9: a clustered bar of the variances with the value axis in tkr; a second chart gets a sheet of its own', async () => {
    const { host, session } = setup('1.7');
    await session.validate();
    const table = session.getState().report!.result.tables.find((t) => t.sheet === 'Kommunledning' && t.kind === 'kontogrupp')!;
    await insertChart(session, table.id);
    expect(session.getState().error).toBeNull();
    const chart = host.sheet('Diagram Kommunledning').charts![0]!;
    expect(chart).toMatchObject({ type: 'BarClustered', source: `A3:B${table.rows.length + 2}`, valueAxisTitle: 'tkr' });
    expect(chart.title).toMatch(/^Kommunledning Kontogrupp: från budget till utfall/);
    await insertChart(session, table.id);
    expect(host.sheet('Diagram Kommunledning (2)').charts).toHaveLength(1);
  });

  it('the host refuses a waterfall without ExcelApi 1.9, and the adapter never asks for one there', async () => {
    const { host } = setup('1.7');
    await expect(
      host.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Kommunledning') as unknown as import('../../src/excel/chart').XlChartsWorksheet;
        ws.charts.add('Waterfall', ws.getRange('A3:B5'), 'Columns');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(host.sheet('Kommunledning').charts ?? []).toEqual([]);
  });
});
