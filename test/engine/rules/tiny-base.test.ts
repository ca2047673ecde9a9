import { tinyBase } from '../../../src/engine/rules/tiny-base';
import { seedAsPastedValues } from '../../../src/example/seed';
import { sheetFromRows } from '../../helpers/grid';
import { run } from '../../helpers/rules';
import { loadSeed } from '../../helpers/seed';
import { seedAsFormulas } from '../../helpers/tables';

const HEADER = ['KONTOGRUPP SUM', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'];

describe('tiny-base', () => {
  it('warns on KMY (0 → 0 at −149,6 %) and Valnämnden’s 3 Intäkter (0 → 1 184 at 477 317,7 %), and nowhere else in the seed', () => {
    for (const wb of [seedAsPastedValues(loadSeed()), seedAsFormulas(loadSeed())]) {
      expect(run(tinyBase, wb).map((f) => [f.sheet, f.cell, f.params.label, f.severity])).toEqual([
        ['Kommunstyrelseförvaltning', 'F15', 'KMY Myndighetsavdelning', 'warning'],
        ['Valnämnden', 'F10', '3 Intäkter', 'warning'],
      ]);
    }
  });

  it('sees a base that only shows as 0: hidden decimals under a #,##0 format', () => {
    const sheet = sheetFromRows('Blad1', [HEADER, ['3     Intäkter', { value: 0.248, numberFormat: '#,##0' }, 1184, 549, 635, { value: 477317.7, formula: '=(C2/B2-1)*100', numberFormat: '0.0' }]]);
    const [f] = run(tinyBase, { sheets: [sheet] });
    expect(f).toMatchObject({ cell: 'F2', expected: null, actual: 477317.7, params: { bokslut: 0.248, utfall: 1184 } });
  });

  it('leaves alone 0 → 0 at 0,0 %, an empty or marked %, a #DIV/0!, and a small base that does not show as 0', () => {
    const sheet = sheetFromRows('Blad1', [
      HEADER,
      ['6A    Lokalhyror', 0, 0, 0, 0, 0.0],
      ['3     Intäkter', 0, 1184, 549, 635, null],
      ['4     Inköp', 0, -511, 0, -511, 'e.j.'],
      ['5     Personal', 0, -160, -707, 548, '#DIVISION/0!'],
      ['7     Övriga', -6, -25, -5, -20, 331.6],
    ]);
    expect(run(tinyBase, { sheets: [sheet] })).toEqual([]);
  });
});
