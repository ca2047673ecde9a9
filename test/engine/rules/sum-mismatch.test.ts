import { sumMismatch } from '../../../src/engine/rules/sum-mismatch';
import { seedAsPastedValues } from '../../../src/example/seed';
import { sheetFromRows } from '../../helpers/grid';
import { places, run, withCell } from '../../helpers/rules';
import { loadSeed } from '../../helpers/seed';
import { seedAsFormulas } from '../../helpers/tables';

const pasted = seedAsPastedValues(loadSeed());
const formulas = seedAsFormulas(loadSeed());
const HEADER = ['KONTOGRUPP SUM', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'];

describe('sum-mismatch', () => {
  it('finds nothing in the seed: 15 rounded rows may add up to a total a few tkr off', () => {
    expect(run(sumMismatch, pasted)).toEqual([]);
    expect(run(sumMismatch, formulas)).toEqual([]);
  });

  it('catches a total that leaves out a row, per column', () => {
    // Kommunledning's kontogrupp total is row 31: drop 7 Övriga kostnader (−1 839) from Utfall.
    const wb = withCell(pasted, 'Kommunledning', 'C31', { value: -43495 + 1839, numberFormat: '#,##0' });
    const [f] = run(sumMismatch, wb);
    expect(f).toMatchObject({ cell: 'C31', severity: 'error', expected: -43495, actual: -41656, messageId: 'sum-mismatch' });
    expect(f?.params).toMatchObject({ column: '2021 Utfall Ack dec', rows: 6 });
  });

  it('catches a row typo larger than the rows can round away', () => {
    // Kommungemensamt RN5: 17 rows, so up to 9 tkr is rounding; 20 is not.
    const wb = withCell(pasted, 'Kommungemensamt', 'D5', { value: -86527 + 20, numberFormat: '#,##0' });
    expect(places(run(sumMismatch, wb))).toEqual(['Kommungemensamt!D22']);
  });

  it('checks the total % against the totals, and says when it is the rows’ % added up', () => {
    const sheet = sheetFromRows('Blad1', [
      HEADER,
      ['3     Intäkter', 489, 661, 56, 605, 35.2],
      ['5     Personalkostnader', -30275, -33895, -46302, 12407, 12.0],
      [],
      [null, -29786, -33234, -46246, 13012, 47.2],
    ]);
    const [f] = run(sumMismatch, { sheets: [sheet] });
    expect(f).toMatchObject({ cell: 'F5', expected: 11.6, actual: 47.2, messageId: 'sum-mismatch.change-summed' });
    const wrong = withCell({ sheets: [sheet] }, 'Blad1', 'F5', { value: 12.6 });
    expect(run(sumMismatch, wrong).map((x) => x.messageId)).toEqual(['sum-mismatch.change']);
    const right = withCell({ sheets: [sheet] }, 'Blad1', 'F5', { value: 11.6 });
    expect(run(sumMismatch, right)).toEqual([]);
  });

  it('adds up the Prognos columns of a delårsrapport too', () => {
    const sheet = sheetFromRows('Delår', [
      ['RN3', '2020\nBokslut', '2021\nUtfall Ack aug', '2021\nBudget', '2021\nPrognos helår', 'Avvikelse prognos', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'],
      ['KAI   Kommunikation', -50786, -35000, -57489, -56000, 1489, -22489, -31.1],
      ['KEK   Ekonomiavdelningen', -59273, -38000, -56121, -57000, -879, -18121, -35.9],
      [],
      [null, -110059, -73000, -113610, -112000, 600, -40610, -33.7],
    ]);
    expect(places(run(sumMismatch, { sheets: [sheet] }))).toEqual(['Delår!E5', 'Delår!F5']);
  });

  it('does not add up a column with an error or text in it, and counts an empty cell as 0', () => {
    const sheet = sheetFromRows('Blad1', [HEADER, ['3     Intäkter', 489, '#SAKNAS!', 56, 605, 35.3], ['6A    Lokalhyror', -30, -49, null, -49, null], [], [null, 459, 612, 56, 556, 33.3]]);
    expect(run(sumMismatch, { sheets: [sheet] })).toEqual([]);
  });

  it('catches a total typed over a SUM formula', () => {
    const wb = withCell(formulas, 'Kommunledning', 'D31', { value: -56000, numberFormat: '#,##0' });
    expect(places(run(sumMismatch, wb))).toEqual(['Kommunledning!D31']);
  });
});
