import { checkWorkbook } from '../../src/engine/check';
import { guardChangeFormula, planFixes, reverseEdits } from '../../src/engine/fixes';
import type { Cell, WorkbookGrid } from '../../src/engine/grid';
import { seedAsPastedValues } from '../../src/example/seed';
import { loadSeed } from '../helpers/seed';

const header = (): Cell[] => ['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'].map((value) => ({ value }));

/** A small RN table with formulas, rows 2–4 (Excel rows), as Excel would hold it. */
function formulaTable(): WorkbookGrid {
  const row = (r: number, label: string, b: number, u: number, budget: number): Cell[] => {
    const change: Cell =
      b === 0 ? { value: null, error: 'DIV_BY_ZERO', formula: `=(C${r}/B${r}-1)*100`, numberFormat: '0.0' } : { value: (u / b - 1) * 100, formula: `=(C${r}/B${r}-1)*100`, numberFormat: '0.0' };
    return [{ value: label }, { value: b }, { value: u }, { value: budget }, { value: u - budget, formula: `=C${r}-D${r}` }, change];
  };
  return {
    sheets: [
      {
        name: 'Kommunledning',
        cells: [header(), row(2, 'KLC   Kansli Centerpartiet', -3495, -3170, -4134), row(3, 'KLFÖ  Kommunledn Fördelning', 0, 0, 0), row(4, 'KGAMT Arbetsmiljötjänster', -2296, 5055, -3495)],
      },
    ],
  };
}

describe('guardChangeFormula', () => {
  it('guards the divisor and keeps the rest of the formula, as in the issue', () => {
    expect(guardChangeFormula('=(C5/B5-1)*100', '')).toBe('=IF(B5=0,"",(C5/B5-1)*100)');
  });

  it('writes the chosen marker as a text literal, doubling quotes', () => {
    expect(guardChangeFormula('=(C5/B5-1)*100', '–')).toBe('=IF(B5=0,"–",(C5/B5-1)*100)');
    expect(guardChangeFormula('=C5/B5-1', 'e."j"')).toBe('=IF(B5=0,"e.""j""",C5/B5-1)');
  });

  it('guards absolute references and every distinct divisor', () => {
    expect(guardChangeFormula('=($C$5-$B$5)/$B$5*100', '')).toBe('=IF($B$5=0,"",($C$5-$B$5)/$B$5*100)');
    expect(guardChangeFormula('=C5/B5+D5/E5', '')).toBe('=IF(OR(B5=0,E5=0),"",C5/B5+D5/E5)');
  });

  it('adds a sign test when sign flips count as meaningless', () => {
    expect(guardChangeFormula('=(C5/B5-1)*100', '–', { base: 'B5', actual: 'C5' })).toBe('=IF(OR(B5=0,B5*C5<0),"–",(C5/B5-1)*100)');
  });

  it('refuses formulas it cannot guard safely rather than writing a wrong one', () => {
    expect(guardChangeFormula('=(C5/SUM(B5:B6)-1)*100', '')).toBeUndefined();
    expect(guardChangeFormula('=C5/(B5+B6)', '')).toBeUndefined();
    expect(guardChangeFormula('=IF(B5=0,"",(C5/B5-1)*100)', '')).toBeUndefined();
    expect(guardChangeFormula('=C5-D5', '')).toBeUndefined();
    expect(guardChangeFormula('=C5/Blad2!B5', '')).toBeUndefined();
  });
});

describe('planFixes', () => {
  it('turns the #DIV/0! formula into a guarded one, touching only that change-% cell', () => {
    const wb = formulaTable();
    const edits = planFixes(wb, checkWorkbook(wb));
    expect(edits).toEqual([
      {
        sheet: 'Kommunledning',
        cell: 'F3',
        row: 2,
        col: 5,
        before: { value: null, formula: '=(C3/B3-1)*100' },
        after: { value: '', formula: '=IF(B3=0,"",(C3/B3-1)*100)' },
        reason: 'div0',
      },
    ]);
  });

  it('gives sign-flip rows the marker only when asked to', () => {
    const wb = formulaTable();
    const result = checkWorkbook(wb);
    expect(planFixes(wb, result, { marker: 'e.j.' }).map((e) => e.cell)).toEqual(['F3']);
    const withFlips = planFixes(wb, result, { marker: 'e.j.', meaningless: true });
    expect(withFlips.map((e) => [e.cell, e.reason, e.after.formula])).toEqual([
      ['F3', 'div0', '=IF(OR(B3=0,B3*C3<0),"e.j.",(C3/B3-1)*100)'],
      ['F4', 'sign-flip', '=IF(OR(B4=0,B4*C4<0),"e.j.",(C4/B4-1)*100)'],
    ]);
  });

  it('replaces pasted #DIVISION/0! text in the seed with the marker and nothing else', () => {
    const wb = seedAsPastedValues(loadSeed());
    const edits = planFixes(wb, checkWorkbook(wb), { marker: '–' });
    expect(edits.map((e) => [e.sheet, e.cell, e.before.value, e.after.value])).toEqual([['Kommunledning', 'F5', '#DIVISION/0!', '–']]);
  });

  it('with the empty marker, a pasted error becomes an empty cell', () => {
    const wb = seedAsPastedValues(loadSeed());
    const [edit] = planFixes(wb, checkWorkbook(wb));
    expect(edit?.after).toEqual({ value: null });
  });

  it('plans nothing for a workbook without tables', () => {
    const wb: WorkbookGrid = { sheets: [{ name: 'Blad1', cells: [[{ value: 'Hej' }, { value: '#DIV/0!', error: 'DIV_BY_ZERO', errorIsText: true }]] }] };
    expect(planFixes(wb, checkWorkbook(wb))).toEqual([]);
  });

  it('reverses edits exactly, last first', () => {
    const wb = formulaTable();
    const edits = planFixes(wb, checkWorkbook(wb), { meaningless: true, marker: '–' });
    const back = reverseEdits(edits);
    expect(back.map((e) => e.cell)).toEqual(['F4', 'F3']);
    expect(back[1]?.after).toEqual(edits[0]?.before);
    expect(back[1]?.before).toEqual(edits[0]?.after);
  });
});
