import { signFlip } from '../../../src/engine/rules/sign-flip';
import { seedAsPastedValues } from '../../../src/example/seed';
import { sheetFromRows } from '../../helpers/grid';
import { run } from '../../helpers/rules';
import { loadSeed } from '../../helpers/seed';
import { seedAsFormulas } from '../../helpers/tables';

const HEADER = ['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'];

describe('sign-flip', () => {
  it('warns on the seed’s KGAMT, KGIT and KGST, whose % read as falls though the sign changed', () => {
    for (const wb of [seedAsPastedValues(loadSeed()), seedAsFormulas(loadSeed())]) {
      const found = run(signFlip, wb);
      expect(found.map((f) => [f.sheet, f.cell, f.params.label, f.severity])).toEqual([
        ['Kommungemensamt', 'F4', 'KGAMT Arbetsmiljötjänster', 'warning'],
        ['Kommungemensamt', 'F13', 'KGIT Kommungem IT', 'warning'],
        ['Kommungemensamt', 'F18', 'KGST Kommungemensamt Statsbidrag', 'warning'],
      ]);
    }
    const [kgamt] = run(signFlip, seedAsPastedValues(loadSeed()));
    expect(kgamt).toMatchObject({ expected: null, actual: -320.2, params: { bokslut: -2296, utfall: 5055, change: -320.2 } });
  });

  it('says nothing when sign flips are not counted as meaningless', () => {
    expect(run(signFlip, seedAsPastedValues(loadSeed()), { signFlipMeaningless: false })).toEqual([]);
  });

  it('leaves rows alone where a figure shows 0 (KAFP 62 → 0) or the % is already marked', () => {
    const sheet = sheetFromRows('Blad1', [
      HEADER,
      ['KAFP  KSF Plan.reserv', 62, 0, 13603, -13603, -100.0],
      ['KGAMT Arbetsmiljötjänster', -2296, 5055, -3495, 8550, 'e.j.'],
      ['KGIT  Kommungem IT', -836, 7442, 0, 7442, null],
      ['KGST  Statsbidrag', 94107, -2146, 86000, -88146, '−102,3'],
    ]);
    expect(run(signFlip, { sheets: [sheet] }).map((f) => [f.cell, f.actual])).toEqual([['F5', -102.3]]);
  });
});
