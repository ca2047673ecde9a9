/**
 * A catalog of follow-up table layouts as other kommuner and regions publish
 * them: one per pattern of header words, years, conventions, units and
 * shapes. Every layout is consistent (its figures keep their identities as
 * a correct report prints them, rounded) and names one or more planted
 * errors: a cell to change and the rule that must then report that cell.
 */
import type { SheetGrid } from '../../../src/engine/grid';
import type { RuleId } from '../../../src/engine/finding';
import type { AmountUnit, SignConvention } from '../../../src/engine/table';
import { sheetFromRows, type Input } from '../../helpers/grid';

export interface CatalogLayout {
  /** The pattern the layout shows. */
  name: string;
  sheet: SheetGrid;
  /** Column letters of the roles detection must name. */
  roles: Record<string, string>;
  convention: SignConvention;
  unit: AmountUnit;
  /** Data rows (not sections, not the total). */
  rows: number;
  /** Changing `cell` to `value` must make `rule` report exactly that cell. */
  errors: { cell: string; value: Input; rule: RuleId }[];
}

const r1 = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;
const pct = (u: number, b: number): number => r1((u / b - 1) * 100);

/** Costs negative (Örebro): Bokslut, Utfall, Budget, Avv = Utfall − Budget, Förändr%. */
function negRow(label: string, b: number, u: number, bud: number): Input[] {
  return [label, b, u, bud, u - bud, pct(u, b)];
}

/** Costs positive: a label, Budget (Kommunbidrag, Ram …), Utfall (Nettokostnad …), Avvikelse = Budget − Utfall. */
function posRow(label: string, bud: number, u: number): Input[] {
  return [label, bud, u, bud - u];
}

function sum(rows: Input[][], col: number): number {
  return rows.reduce((s, r) => s + (typeof r[col] === 'number' ? (r[col] as number) : 0), 0);
}

/** A total row: the sums of the given columns, the label as given. */
function totalOf(label: string | null, rows: Input[][], cols: number[], width: number): Input[] {
  const out: Input[] = [label];
  for (let c = 1; c < width; c++) out.push(cols.includes(c) ? sum(rows, c) : null);
  return out;
}

const NEG_ROWS = [negRow('KAI   Kommunikation', -50786, -52862, -57489), negRow('KEK   Ekonomiavdelningen', -59273, -57199, -56121), negRow('KHR   HR-avdelningen', -42401, -49213, -51980)];

export function catalog(): CatalogLayout[] {
  const layouts: CatalogLayout[] = [];

  // 1. Örebro's RN table: wrapped headers with years, costs negative, unlabelled total after a blank row.
  {
    const total = totalOf(null, NEG_ROWS, [1, 2, 3, 4], 6);
    total[5] = pct(total[2] as number, total[1] as number);
    layouts.push({
      name: 'RN table, wrapped headers (Örebro)',
      sheet: sheetFromRows('Örebro', [['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'], ...NEG_ROWS, [], total]),
      roles: { previous: 'B', actual: 'C', budget: 'D', variance: 'E', change: 'F' },
      convention: 'costs-negative',
      unit: 'tkr',
      rows: 3,
      errors: [
        { cell: 'E3', value: -1178, rule: 'variance-mismatch' },
        { cell: 'F4', value: 12.1, rule: 'change-mismatch' },
        { cell: 'C6', value: -159300, rule: 'sum-mismatch' },
      ],
    });
  }

  // 2. Driftredovisning per nämnd, costs positive: Kommunbidrag, Nettokostnad, Avvikelse = Kommunbidrag − Nettokostnad.
  {
    const rows = [
      posRow('Kommunstyrelsen', 412300, 398750),
      posRow('Barn- och utbildningsnämnden', 1245000, 1261300),
      posRow('Socialnämnden', 987400, 979900),
      posRow('Tekniska nämnden', 156200, 149800),
    ];
    layouts.push({
      name: 'Driftredovisning, costs positive (Kommunbidrag / Nettokostnad)',
      sheet: sheetFromRows('Drift', [['Driftredovisning (tkr)'], [], ['Nämnd', 'Kommunbidrag 2024', 'Nettokostnad 2024', 'Avvikelse'], ...rows, totalOf('Summa nämnder', rows, [1, 2, 3], 4)]),
      roles: { budget: 'B', actual: 'C', variance: 'D' },
      convention: 'costs-positive',
      unit: 'tkr',
      rows: 4,
      errors: [
        { cell: 'D5', value: 16300, rule: 'variance-mismatch' },
        { cell: 'C8', value: 2788750, rule: 'sum-mismatch' },
      ],
    });
  }

  // 3. Redovisat, Budgetram, Budgetavvikelse (costs positive), names without codes.
  {
    const rows = [posRow('Gymnasieskola', 98200, 101450), posRow('Vuxenutbildning', 21400, 19870), posRow('Förskola', 176000, 175100)];
    layouts.push({
      name: 'Redovisat / Budgetram / Budgetavvikelse, names without codes',
      sheet: sheetFromRows('Utbildning', [['Verksamhet', 'Budgetram', 'Redovisat', 'Budgetavvikelse'], ...rows, totalOf('Totalt', rows, [1, 2, 3], 4)]),
      roles: { budget: 'B', actual: 'C', variance: 'D' },
      convention: 'costs-positive',
      unit: 'tkr',
      rows: 3,
      errors: [{ cell: 'D3', value: 1350, rule: 'variance-mismatch' }],
    });
  }

  // 4. Years decide: Utfall 2018 beside Utfall 2019 (the earlier is last year's), Differens.
  {
    const rows = [
      ['Räddningstjänst', -84172, -85753, -86527, -85753 - -86527],
      ['Kultur och fritid', -61230, -63390, -62100, -63390 - -62100],
      ['Miljö och hälsa', -12880, -13420, -13900, -13420 - -13900],
    ];
    layouts.push({
      name: 'Utfall of two years side by side, Differens',
      sheet: sheetFromRows('Åren', [['Verksamhet', 'Utfall 2018', 'Utfall 2019', 'Budget 2019', 'Differens'], ...rows]),
      roles: { previous: 'B', actual: 'C', budget: 'D', variance: 'E' },
      convention: 'costs-negative',
      unit: 'tkr',
      rows: 3,
      errors: [{ cell: 'E3', value: -1300, rule: 'variance-mismatch' }],
    });
  }

  // 5. Bokslut of the report's year is this year's actual; Bokslut of the year before is last year's.
  {
    const rows = [
      ['Vård och omsorg', 1610200, 1598400, 1651900, 1610200 - 1598400],
      ['Individ- och familjeomsorg', 312400, 330100, 309800, 312400 - 330100],
      ['Funktionsstöd', 455000, 451200, 432700, 455000 - 451200],
    ];
    layouts.push({
      name: 'Bokslut 2025 in a 2025 report, Avvikelse mot budget',
      sheet: sheetFromRows(
        'Bokslut',
        [['Verksamhet', 'Budget 2025', 'Bokslut 2025', 'Bokslut 2024', 'Avvikelse mot budget'], ...rows].map((r) => (r.length === 5 && typeof r[1] === 'number' ? [r[0], r[1], r[2], r[3], r[4]] : r)),
      ),
      roles: { budget: 'B', actual: 'C', previous: 'D', variance: 'E' },
      convention: 'costs-positive',
      unit: 'tkr',
      rows: 3,
      errors: [{ cell: 'E4', value: 17700, rule: 'variance-mismatch' }],
    });
  }

  // 6. Förändring tkr beside Förändring % under one merged header, two header rows.
  {
    const data = [
      ['Kommunledning', -41200, -43950],
      ['Samhällsbyggnad', -98300, -95120],
      ['Kultur', -33700, -35890],
    ].map(([l, b, u]) => [l, b, u, (u as number) - (b as number), pct(u as number, b as number)]);
    layouts.push({
      name: 'Förändring tkr and Förändring % under one merged header',
      sheet: sheetFromRows('Förändring', [['', 'Bokslut', 'Utfall', 'Förändring', null], ['Verksamhet', '2022', '2023', 'tkr', '%'], ...data]),
      roles: { previous: 'B', actual: 'C', changeAmount: 'D', change: 'E' },
      convention: 'costs-negative',
      unit: 'tkr',
      rows: 3,
      errors: [
        { cell: 'D4', value: 3280, rule: 'row-arithmetic' },
        { cell: 'E5', value: 4.5, rule: 'change-mismatch' },
      ],
    });
  }

  // 7. Delårsrapport: Helår merged over Budget, Prognos, Avvikelse (Prognos − Budget in costs-negative).
  {
    const data = [
      ['KAI   Kommunikation', -35000, -57489, -56000],
      ['KEK   Ekonomiavdelningen', -38900, -56121, -57300],
      ['KHR   HR-avdelningen', -33400, -51980, -50100],
    ].map(([l, u, bud, f]) => [l, u, bud, f, (f as number) - (bud as number)]);
    layouts.push({
      name: 'Delårsrapport: Helår over Budget, Prognos and Avvikelse',
      sheet: sheetFromRows('Delår', [['RN3', 'Utfall', 'Helår', null, null], [null, 'jan–aug 2021', 'Budget', 'Prognos', 'Avvikelse'], ...data]),
      roles: { actual: 'B', budget: 'C', forecast: 'D', forecastVariance: 'E' },
      convention: 'costs-negative',
      unit: 'tkr',
      rows: 3,
      errors: [{ cell: 'E4', value: 1179, rule: 'variance-mismatch' }],
    });
  }

  // 8. Prognos helår and Avvikelse prognos beside the budget variance.
  {
    const data = [
      ['Barn och utbildning', 1245000, 820400, 1258000],
      ['Socialtjänst', 987400, 655100, 980300],
      ['Teknik', 156200, 101900, 150800],
    ].map(([l, bud, u, f]) => [l, bud, u, f, (bud as number) - (f as number)]);
    layouts.push({
      name: 'Månadsuppföljning: Prognos helår, Budgetavvikelse prognos (costs positive)',
      sheet: sheetFromRows('Prognos', [['Nämnd', 'Budget helår', 'Utfall ack.', 'Helårsprognos', 'Budgetavvikelse prognos'], ...data]),
      roles: { budget: 'B', actual: 'C', forecast: 'D', forecastVariance: 'E' },
      convention: 'costs-positive',
      unit: 'tkr',
      rows: 3,
      errors: [{ cell: 'E3', value: 7000, rule: 'variance-mismatch' }],
    });
  }

  // 9. Intäkter, Kostnader, Nettokostnad (costs negative: Netto = Intäkter + Kostnader), Budget, Avvikelse.
  {
    const data = [
      ['Förskola', 21400, -198700, -176100],
      ['Grundskola', 35600, -412300, -380000],
      ['Gymnasium', 12100, -131500, -118900],
    ].map(([l, i, k, bud]) => [l, i, k, (i as number) + (k as number), bud, (i as number) + (k as number) - (bud as number)]);
    layouts.push({
      name: 'Intäkter + Kostnader = Nettokostnad, costs negative',
      sheet: sheetFromRows('Netto', [['Verksamhet', 'Intäkter', 'Kost-\nnader', 'Nettokostnad', 'Budget', 'Budget-\navvikelse'], ...data]),
      roles: { income: 'B', cost: 'C', net: 'D', actual: 'D', budget: 'E', variance: 'F' },
      convention: 'costs-negative',
      unit: 'tkr',
      rows: 3,
      errors: [
        { cell: 'D3', value: -177400, rule: 'row-arithmetic' },
        { cell: 'F4', value: -3000, rule: 'variance-mismatch' },
      ],
    });
  }

  // 10. Two years of Intäkter and Kostnader side by side, costs positive (Netto = Kostnader − Intäkter).
  {
    const data = [
      ['Vatten och avlopp', 61200, 60100, 64800, 63900],
      ['Renhållning', 38700, 37900, 40100, 41200],
      ['Gator och vägar', 4100, 52900, 3900, 55400],
    ].map(([l, i1, k1, i2, k2]) => [l, i1, k1, (k1 as number) - (i1 as number), i2, k2, (k2 as number) - (i2 as number)]);
    layouts.push({
      name: 'Intäkter and Kostnader of two years, costs positive',
      sheet: sheetFromRows('Taxor', [['Verksamhet', 'Intäkter 2022', 'Kostnader 2022', 'Netto 2022', 'Intäkter 2023', 'Kostnader 2023', 'Netto 2023'], ...data]),
      roles: { income: 'E', cost: 'F', net: 'G', actual: 'G', previous: 'D' },
      convention: 'costs-positive',
      unit: 'tkr',
      rows: 3,
      errors: [
        { cell: 'G4', value: 1600, rule: 'row-arithmetic' },
        { cell: 'D2', value: -1000, rule: 'row-arithmetic' },
      ],
    });
  }

  // 11. mnkr with one decimal, unit in the title, costs positive.
  {
    const data = [
      ['Kommunstyrelsen', 412.3, 398.8],
      ['Utbildningsnämnden', 1245.0, 1261.3],
      ['Socialnämnden', 987.4, 979.9],
    ].map(([l, bud, u]) => [l, bud, u, r1((bud as number) - (u as number))]);
    layouts.push({
      name: 'Belopp i mnkr with one decimal',
      sheet: sheetFromRows('Mnkr', [
        ['Driftredovisning, belopp i mnkr'],
        ['Nämnd', 'Budget', 'Utfall', 'Avvikelse'],
        ...data.map((r) => r.map((v) => (typeof v === 'number' ? { value: v, numberFormat: '0.0' } : v))),
      ]),
      roles: { budget: 'B', actual: 'C', variance: 'D' },
      convention: 'costs-positive',
      unit: 'mnkr',
      rows: 3,
      errors: [{ cell: 'D4', value: { value: -15.3, numberFormat: '0.0' }, rule: 'variance-mismatch' }],
    });
  }

  // 12. Two header rows: the word on top, its qualifier below (Avv / Budg o Utf, Förändr% / 2022 o 2023).
  {
    layouts.push({
      name: 'Two header rows: word on top, qualifier below',
      sheet: sheetFromRows('Tvårad', [['RN3', 'Bokslut', 'Utfall', 'Budget', 'Avv', 'Förändr%'], [null, 2022, 2023, 2023, 'Budg o Utf', '2022 o 2023'], ...NEG_ROWS]),
      roles: { previous: 'B', actual: 'C', budget: 'D', variance: 'E', change: 'F' },
      convention: 'costs-negative',
      unit: 'tkr',
      rows: 3,
      errors: [{ cell: 'E5', value: 2967, rule: 'variance-mismatch' }],
    });
  }

  // 13. Blank spacer rows: right under the header and between rows.
  {
    layouts.push({
      name: 'Blank rows under the header and inside the table',
      sheet: sheetFromRows('Luft', [
        ['Enhet', 'Bokslut 2020', 'Utfall 2021', 'Budget 2021', 'Avvikelse', 'Förändring %'],
        [],
        NEG_ROWS[0] as Input[],
        [],
        NEG_ROWS[1] as Input[],
        NEG_ROWS[2] as Input[],
      ]),
      roles: { previous: 'B', actual: 'C', budget: 'D', variance: 'E', change: 'F' },
      convention: 'costs-negative',
      unit: 'tkr',
      rows: 3,
      errors: [{ cell: 'E5', value: -1100, rule: 'variance-mismatch' }],
    });
  }

  // 14. Section rows, subtotals (Summa gemensamt) and a Totalt over everything.
  {
    const a = [posRow('Kansli', 21400, 20900), posRow('Ekonomi', 18300, 18750)];
    const b = [posRow('Förskola', 176000, 175100), posRow('Grundskola', 380000, 383400), posRow('Gymnasium', 98200, 97650)];
    const sa = totalOf('Summa gemensamt', a, [1, 2, 3], 4);
    const sb = totalOf('Summa utbildning', b, [1, 2, 3], 4);
    layouts.push({
      name: 'Section rows, subtotals and a total',
      sheet: sheetFromRows('Sektioner', [['Verksamhet', 'Ram', 'Utfall', 'Avvikelse'], ['Gemensamma verksamheter'], ...a, sa, ['Utbildning'], ...b, sb, [], totalOf('Totalt', [sa, sb], [1, 2, 3], 4)]),
      roles: { budget: 'B', actual: 'C', variance: 'D' },
      convention: 'costs-positive',
      unit: 'tkr',
      rows: 7,
      errors: [
        { cell: 'C5', value: 39000, rule: 'sum-mismatch' },
        { cell: 'B12', value: 694000, rule: 'sum-mismatch' },
      ],
    });
  }

  // 15. A nämnd row over its verksamheter: its figures are their sum, with no Summa label.
  {
    const kids1 = [posRow('  Äldreomsorg', 812000, 820400), posRow('  Hemtjänst', 245000, 241300)];
    const kids2 = [posRow('  Förskola', 176000, 175100), posRow('  Grundskola', 380000, 383400), posRow('  Fritidshem', 41000, 40200)];
    const n1 = totalOf('Vård- och omsorgsnämnden', kids1, [1, 2, 3], 4);
    const n2 = totalOf('Barn- och utbildningsnämnden', kids2, [1, 2, 3], 4);
    layouts.push({
      name: 'Nämnd rows over their verksamheter, no Summa label',
      sheet: sheetFromRows('Hierarki', [['Nämnd/verksamhet', 'Kommunbidrag', 'Nettokostnad', 'Avvikelse'], n1, ...kids1, n2, ...kids2, [], totalOf(null, [n1, n2], [1, 2, 3], 4)]),
      roles: { budget: 'B', actual: 'C', variance: 'D' },
      convention: 'costs-positive',
      unit: 'tkr',
      rows: 7,
      errors: [
        { cell: 'C2', value: 1071700, rule: 'sum-mismatch' },
        { cell: 'B5', value: 598000, rule: 'sum-mismatch' },
      ],
    });
  }

  // 16. A Not column between the labels and the figures (resultaträkning).
  {
    const data = [
      ['Verksamhetens intäkter', 1, 412300, 398000],
      ['Verksamhetens kostnader', 2, -1987400, -1962100],
      ['Avskrivningar', 3, -98200, -101000],
    ].map(([l, n, u, bud]) => [l, n, u, bud, (u as number) - (bud as number)]);
    layouts.push({
      name: 'Resultaträkning with a Not column',
      sheet: sheetFromRows('RR', [['Resultaträkning (mnkr)'], ['', 'Not', 'Utfall 2023', 'Budget 2023', 'Avvikelse'], ...data]),
      roles: { actual: 'C', budget: 'D', variance: 'E' },
      convention: 'costs-negative',
      unit: 'mnkr',
      rows: 3,
      errors: [{ cell: 'E5', value: 2900, rule: 'variance-mismatch' }],
    });
  }

  // 17. The label column far to the left of the figures.
  {
    const rows = NEG_ROWS.map((r) => [r[0], null, null, ...r.slice(1)]);
    layouts.push({
      name: 'Label column three columns left of the figures',
      sheet: sheetFromRows('Långt', [['Enhet', null, null, '2020 Bokslut', '2021 Utfall', '2021 Budget', 'Avvikelse', 'Förändr%'], ...rows]),
      roles: { previous: 'D', actual: 'E', budget: 'F', variance: 'G', change: 'H' },
      convention: 'costs-negative',
      unit: 'tkr',
      rows: 3,
      errors: [{ cell: 'G3', value: -1000, rule: 'variance-mismatch' }],
    });
  }

  // 18. Text in figure cells: a dash, e.j., Ej aktuellt and a figure with a footnote mark.
  {
    layouts.push({
      name: 'Text in figure cells (–, e.j., Ej aktuellt, 1 200*)',
      sheet: sheetFromRows('Text', [
        ['Verksamhet', 'Bokslut 2022', 'Utfall 2023', 'Budget 2023', 'Avvikelse', 'Förändr%'],
        ['Flyktingmottagning', '–', -1200, -1000, -200, 'Ej aktuellt'],
        ['Arbetsmarknad', -21300, '-20 100*', -20500, 400, pct(-20100, -21300)],
        ['Integration', -4100, -4350, -4400, 50, pct(-4350, -4100)],
        ['Nyanlända', 'e.j.', -800, -750, -50, '–'],
      ]),
      roles: { previous: 'B', actual: 'C', budget: 'D', variance: 'E', change: 'F' },
      convention: 'costs-negative',
      unit: 'tkr',
      rows: 4,
      errors: [{ cell: 'E3', value: 900, rule: 'variance-mismatch' }],
    });
  }

  // 19. Investeringsredovisning in mnkr with three decimals, section rows, Återstår.
  {
    const p = (l: string, bud: number, u: number): Input[] => [l, bud, u, r1(bud - u, 3)].map((v) => (typeof v === 'number' ? { value: v, numberFormat: '0.000' } : v));
    const done = [p('Ny förskola Ekbacken', 48.5, 47.912), p('Gång- och cykelväg', 6.2, 6.874)];
    const ongoing = [p('Reningsverk etapp 2', 120.0, 64.305), p('Skola Norr', 85.75, 12.118)];
    layouts.push({
      name: 'Investeringsredovisning, mnkr with 3 decimals, Återstår',
      sheet: sheetFromRows('Invest', [['Investeringar, mnkr'], ['Projekt', 'Budget 2024', 'Utfall 2024', 'Återstår'], ['Avslutade projekt'], ...done, ['Projekt under året'], ...ongoing]),
      roles: { budget: 'B', actual: 'C', variance: 'D' },
      convention: 'costs-positive',
      unit: 'mnkr',
      rows: 4,
      errors: [{ cell: 'D7', value: { value: 55.965, numberFormat: '0.000' }, rule: 'variance-mismatch' }],
    });
  }

  // 20. Amounts in kr, the change % as a fraction (0,0 %).
  {
    const data = [
      ['Bibliotek', -1850400, -1912300, -1900000],
      ['Fritidsgård', -920100, -898700, -950000],
      ['Musikskola', -2210800, -2305900, -2290000],
    ].map(([l, b, u, bud]) => [l, b, u, bud, (u as number) - (bud as number), { value: r1((u as number) / (b as number) - 1, 3), numberFormat: '0.0%' }]);
    layouts.push({
      name: 'Amounts in kr, change % as a fraction',
      sheet: sheetFromRows('Kronor', [['Belopp i kr'], ['Enhet', 'Bokslut 2022', 'Utfall 2023', 'Budget 2023', 'Avvikelse Budget-Utfall', 'Förändring %'], ...data]),
      roles: { previous: 'B', actual: 'C', budget: 'D', variance: 'E', change: 'F' },
      convention: 'costs-negative',
      unit: 'kr',
      rows: 3,
      errors: [{ cell: 'F4', value: { value: 0.052, numberFormat: '0.0%' }, rule: 'change-mismatch' }],
    });
  }

  // 21. Transposed: measures as rows, years as columns; Nettokostnad adds up the rows above it.
  {
    layouts.push({
      name: 'Transposed: measures as rows, years as columns',
      sheet: sheetFromRows(
        'Transponerad',
        [
          ['Kommunen totalt (mnkr)', 2022, 2023],
          ['Intäkter', 612.4, 640.9],
          ['Kostnader', -2890.1, -3012.7],
          ['Nettokostnad', -2277.7, -2371.8],
        ].map((r) => r.map((v) => (typeof v === 'number' && !Number.isInteger(v) ? { value: v, numberFormat: '0.0' } : v))),
      ),
      roles: { previous: 'B', actual: 'C' },
      convention: 'costs-negative',
      unit: 'mnkr',
      rows: 3,
      errors: [{ cell: 'C4', value: { value: -2381.8, numberFormat: '0.0' }, rule: 'sum-mismatch' }],
    });
  }

  // 22. Nettoram / Verkligt utfall / Avv Budg o Utf in upper case with units in the headers.
  {
    const rows = [posRow('MILJÖNÄMNDEN', 12400, 11950), posRow('BYGGNADSNÄMNDEN', 8800, 9240), posRow('KULTURNÄMNDEN', 46100, 45880)];
    layouts.push({
      name: 'Upper-case words with units in the headers (Nettoram (tkr), VERKLIGT UTFALL (TKR))',
      sheet: sheetFromRows('Versaler', [['NÄMND', 'NETTORAM (TKR)', 'VERKLIGT UTFALL (TKR)', 'AVV BUDG O UTF'], ...rows]),
      roles: { budget: 'B', actual: 'C', variance: 'D' },
      convention: 'costs-positive',
      unit: 'tkr',
      rows: 3,
      errors: [{ cell: 'D3', value: 440, rule: 'variance-mismatch' }],
    });
  }

  return layouts;
}
