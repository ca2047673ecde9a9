import { headerYear } from '../../../src/engine/rules/header-year';
import { seedAsPastedValues } from '../../../src/example/seed';
import { sheetFromRows } from '../../helpers/grid';
import { run } from '../../helpers/rules';
import { loadSeed } from '../../helpers/seed';
import { seedAsFormulas } from '../../helpers/tables';

const KAI = ['KAI   Kommunikation', -50786, -52862, -57489, 4626, 4.1];

describe('header-year', () => {
  it('finds the seed’s `Förändr% 2020 o 2022` over Kommunledning’s 2020/2021 RN table, at the header cell, and nothing else', () => {
    for (const wb of [seedAsPastedValues(loadSeed()), seedAsFormulas(loadSeed())]) {
      const found = run(headerYear, wb);
      expect(found.map((f) => [f.sheet, f.cell, f.severity, f.expected, f.actual, f.messageId])).toEqual([['Kommunledning', 'F3', 'warning', '2020 o 2021', '2020 o 2022', 'header-year.change']]);
    }
  });

  it('puts the finding on the row of a two-row header that names the year', () => {
    const sheet = sheetFromRows('Blad1', [[null, 2020, 2021, 2020, 2021, 'Förändr%'], ['RN3', 'Bokslut', 'Utfall Ack dec', 'Budget', 'Avv Budg o Utf', '2020 o 2021'], KAI], 3, 1);
    const found = run(headerYear, { sheets: [sheet] });
    expect(found.map((f) => [f.cell, f.expected, f.actual, f.messageId])).toEqual([['E4', 2021, 2020, 'header-year.year']]);
  });

  it('holds Bokslut to the year before, and goes by what most headers say', () => {
    const sheet = sheetFromRows('Blad1', [['RN3', '2019\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'], KAI]);
    expect(run(headerYear, { sheets: [sheet] }).map((f) => [f.cell, f.expected, f.actual, f.messageId])).toEqual([
      ['B1', 2020, 2019, 'header-year.previous'],
      ['F1', '2019 o 2021', '2020 o 2021', 'header-year.change'],
    ]);
    const utfallWrong = sheetFromRows('Blad1', [['RN3', '2020\nBokslut', '2022\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'], KAI]);
    expect(run(headerYear, { sheets: [utfallWrong] }).map((f) => [f.cell, f.expected, f.actual])).toEqual([['C1', 2021, 2022]]);
  });

  it('is quiet for headers without years and for consistent ones, Prognos included', () => {
    const plain = sheetFromRows('Blad1', [['RN3', 'Bokslut', 'Utfall', 'Budget', 'Avvikelse', 'Förändring %'], KAI]);
    const delar = sheetFromRows('Delår', [
      ['RN3', '2020\nBokslut', '2021\nUtfall Ack aug', '2021\nBudget', '2021\nPrognos helår', 'Avvikelse prognos', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'],
      ['KAI   Kommunikation', -50786, -35000, -57489, -56000, 1489, -22489, -31.1],
    ]);
    expect(run(headerYear, { sheets: [plain, delar] })).toEqual([]);
  });
});
