/**
 * Demo mode: the example workbook, with formulas, in the test host. After the
 * #DIV/0! fix the cell shows the marker; after undo, #DIVISION/0! again.
 */
import { checkWorkbook } from '../../src/engine/check';
import { planFixes } from '../../src/engine/fixes';
import { seedAsPastedValues, seedAsWorkbook } from '../../src/example/seed';
import { createDemoActions, createDemoHost } from '../../src/excel/demo';
import { memoryStore } from '../../src/excel/changelog';
import { createActions } from '../../src/excel/workbook-actions';
import { evaluate } from '../../src/excel/simulated/evaluator';
import { loadSeed } from '../helpers/seed';

describe('the example workbook with formulas', () => {
  it('has the layout of the pasted tables, with formulas for Avv, Förändr% and the totals', () => {
    const seed = loadSeed();
    const withFormulas = seedAsWorkbook(seed);
    const pasted = seedAsPastedValues(seed);
    expect(withFormulas.sheets.map((s) => s.name)).toEqual(pasted.sheets.map((s) => s.name));
    const kl = withFormulas.sheets[0]!;
    expect(kl.cells[0]?.[0]?.value).toBe('Kommunledning');
    expect(kl.cells[2]?.[5]?.value).toBe('Förändr%\n2020 o 2022');
    expect(kl.cells[3]?.[4]).toMatchObject({ formula: '=C4-D4', value: 964, numberFormat: '#,##0' });
    expect(kl.cells[4]?.[5]).toMatchObject({ formula: '=(C5/B5-1)*100', error: 'DIV_BY_ZERO', numberFormat: '0.0' });
    // Same rows and labels as the pasted tables.
    withFormulas.sheets.forEach((s, i) => {
      expect(s.cells.length).toBe(pasted.sheets[i]!.cells.length);
      s.cells.forEach((row, r) => expect(row?.[0]?.value ?? null).toBe(pasted.sheets[i]!.cells[r]?.[0]?.value ?? null));
    });
    // Totals are SUMs of the rows above, and their values what Excel calculates.
    const total = kl.cells.findIndex((row, r) => r > 3 && row?.[0] === undefined && row?.[1]?.formula !== undefined);
    expect(kl.cells[total]?.[1]?.formula).toMatch(/^=SUM\(B4:B\d+\)$/);
    expect(kl.cells[total]?.[1]?.value).toBe(-40548);
    // Empty Förändr% cells stay empty (KGHR, KGOS …) but keep their format.
    const empties = withFormulas.sheets.flatMap((s) => s.cells.filter((row) => row?.[5] !== undefined && row[5].value === null && row[5].error === undefined && row[0] !== undefined));
    expect(empties.length).toBeGreaterThan(0);
    // The checks find the seed's problems in it.
    const rules = new Set(checkWorkbook(withFormulas).findings.map((f) => f.rule));
    expect(rules).toEqual(expect.objectContaining({}));
    expect([...rules]).toEqual(expect.arrayContaining(['div0', 'header-year', 'missing-value']));
  });

  it('the host calculates formulas the way Excel does for what the demo writes', () => {
    const cells: Record<string, number | null> = { B5: 0, C5: 0, B6: -6, C6: -25 };
    const look = (_s: string | undefined, r: number, c: number) => cells[`${String.fromCharCode(65 + c)}${r + 1}`] ?? null;
    expect(evaluate('=(C5/B5-1)*100', look)).toEqual({ error: 'DIV_BY_ZERO' });
    expect(evaluate('=IF(B5=0,"–",(C5/B5-1)*100)', look)).toBe('–');
    expect(evaluate('=IF(OR(B6=0,B6*C6<0),"e.j.",(C6/B6-1)*100)', look)).toBeCloseTo((25 / 6 - 1) * 100);
    expect(evaluate('=SUM(B5:C6)', look)).toBe(-31);
    expect(evaluate('=VLOOKUP(1,B5:C6,2)', look)).toEqual({ error: 'NAME' });
  });
});

describe('demo mode', () => {
  it('Validera finds the #DIVISION/0! on Kommunledning; Åtgärda shows the marker; Ångra brings #DIVISION/0! back', async () => {
    const host = createDemoHost({ language: 'sv-SE' });
    const actions = createActions(host, { store: memoryStore() });
    const report = await actions.validate({ mark: true });
    expect(report.result.findings.some((f) => f.rule === 'div0' && f.sheet === 'Kommunledning' && f.cell === 'F5')).toBe(true);
    const edits = planFixes(report.workbook, report.result, { marker: '–' });
    await actions.applyEdits(edits, 'action.fix');
    const after = await actions.validate({ mark: true });
    expect(after.workbook.sheets[0]?.cells[4]?.[5]?.value).toBe('–');
    expect(after.result.findings.some((f) => f.rule === 'div0' && f.sheet === 'Kommunledning' && f.cell === 'F5')).toBe(false);
    await actions.undo();
    const again = await actions.validate({ mark: true });
    expect(again.result.findings.some((f) => f.rule === 'div0' && f.sheet === 'Kommunledning' && f.cell === 'F5')).toBe(true);
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Kommunledning').getRange('F5');
      r.load('values,valueTypes');
      await ctx.sync();
      expect(r.values).toEqual([['#DIVISION/0!']]);
      expect(r.valueTypes).toEqual([['Error']]);
    });
  });

  it('createDemoActions gives the page one workbook: a re-created pane sees the same change log', async () => {
    const first = createDemoActions();
    const report = await first.validate({ mark: false });
    await first.applyEdits(planFixes(report.workbook, report.result, { marker: '' }), 'action.fix');
    const second = createDemoActions();
    expect(await second.lastChange()).toMatchObject({ label: 'action.fix' });
    await second.undo();
    expect(await second.lastChange()).toBeNull();
  });
});
