/**
 * The Status list on Kommentarer through `Range.dataValidation` (ExcelApi
 * 1.8) on the test host: written with the comments, replacing an earlier
 * list, skipped without ExcelApi 1.8; and the host's data validation as
 * Microsoft documents it.
 */
import { findCommentsLayout } from '../../src/engine/commentary/layout';
import { columnLetter } from '../../src/engine/grid';
import { memoryStore } from '../../src/excel/changelog';
import { createDemoHost } from '../../src/excel/demo';
import { TestHost } from '../../src/excel/simulated';
import { applyListValidations, type XlDataValidation, type XlValidatableRange } from '../../src/excel/validation';
import { createActions } from '../../src/excel/workbook-actions';
import { Session } from '../../src/taskpane/session';
import { browserSettingsStore } from '../../src/taskpane/settings';

function commentsSession(apiVersion: '1.7' | '1.9') {
  const host = createDemoHost({ language: 'sv-SE', apiVersion });
  const session = new Session(createActions(host, { store: memoryStore() }), 'demo', browserSettingsStore(undefined));
  return { host, session };
}

describe('the Status list on Kommentarer', () => {
  it('Skriv till Kommentarer puts Utkast, Klar, Godkänd on the Status column, with a warning (not a stop) for other texts', async () => {
    const { host, session } = commentsSession('1.9');
    await session.validate();
    await session.writeComments();
    expect(session.getState().error).toBeNull();
    const sheet = host.sheet('Kommentarer');
    const grid = session.getState().report!.workbook.sheets.find((s) => s.name === 'Kommentarer')!;
    const layout = findCommentsLayout(grid)!;
    expect(sheet.dataValidations).toHaveLength(1);
    const v = sheet.dataValidations![0]!;
    expect(v.source).toBe('Utkast,Klar,Godkänd');
    expect(v.inCellDropDown).toBe(true);
    expect(v.alert.style).toBe('Warning');
    expect(v.rects).toEqual([expect.objectContaining({ left: layout.columns.status, right: layout.columns.status, top: layout.headerRow + 1 })]);
    // Written again: the list is replaced, not stacked.
    await session.writeComments();
    expect(host.sheet('Kommentarer').dataValidations).toHaveLength(1);
    expect(columnLetter(layout.columns.status!)).toMatch(/^[A-Z]$/);
  });

  it('without ExcelApi 1.8 the comments are written and no list is asked for', async () => {
    const { host, session } = commentsSession('1.7');
    await session.validate();
    await session.writeComments();
    expect(session.getState().error).toBeNull();
    expect(host.hasSheet('Kommentarer')).toBe(true);
    expect(host.sheet('Kommentarer').dataValidations ?? []).toEqual([]);
  });
});

describe('test host: Range.dataValidation', () => {
  const grid = { sheets: [{ name: 'Blad1', cells: [[{ value: 'Status' }]] }] };

  it('a rule over cells that already have one is refused until cleared; clear keeps the parts outside the range', async () => {
    const host = new TestHost(grid, { apiVersion: '1.8' });
    await applyListValidations(host, [{ sheet: 'Blad1', range: 'F2:F10', values: ['Utkast', 'Klar'] }], 'Status', 'Välj');
    await expect(
      host.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Blad1').getRange('F5') as XlValidatableRange;
        r.dataValidation.rule = { list: { inCellDropDown: true, source: 'A,B' } };
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    const types = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Blad1');
      (ws.getRange('F5') as XlValidatableRange).dataValidation.clear();
      const dv = (address: string, props: string): XlDataValidation => {
        const v = (ws.getRange(address) as XlValidatableRange).dataValidation;
        v.load(props);
        return v;
      };
      const whole = dv('F2:F10', 'type');
      const top = dv('F2:F4', 'type,rule');
      const cleared = dv('F5', 'type');
      await ctx.sync();
      return { whole: whole.type, top: top.type, rule: top.rule, cleared: cleared.type };
    });
    expect(types).toEqual({ whole: 'Inconsistent', top: 'List', rule: { list: { inCellDropDown: true, source: 'Utkast,Klar' } }, cleared: 'None' });
  });

  it('needs ExcelApi 1.8 and a writable sheet', async () => {
    const old = new TestHost(grid, { apiVersion: '1.7' });
    await expect(applyListValidations(old, [{ sheet: 'Blad1', range: 'F2:F3', values: ['A'] }], 't', 'm')).resolves.toBe(false);
    const locked = new TestHost(grid, { apiVersion: '1.8' });
    locked.protect('Blad1');
    await expect(applyListValidations(locked, [{ sheet: 'Blad1', range: 'F2:F3', values: ['A'] }], 't', 'm')).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});
