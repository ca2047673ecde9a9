import fc from 'fast-check';
import { classifyHeader, findTables, splitLabel } from '../../src/engine/detect';
import { cellAddress } from '../../src/engine/grid';
import { seedAsPastedValues } from '../../src/example/seed';
import type { VarianceTable } from '../../src/engine/table';
import { placeRows, sheetFromRows, type Input } from '../helpers/grid';
import { loadSeed } from '../helpers/seed';

const WRAPPED: Input[] = ['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'];
const KAI: Input[] = ['KAI   Kommunikation', -50786, -52862, -57489, 4626, 4.1];
const KEK: Input[] = ['KEK   Ekonomiavdelningen', -59273, -57199, -56121, -1078, -3.5];
const TOTAL: Input[] = [null, -110059, -110061, -113610, 3548, 0.0];

function columnsOf(t: VarianceTable): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(t.columns)) if (v !== undefined) out[k] = cellAddress(0, v.col).replace('1', '');
  return out;
}

describe('findTables on the seed (pasted as values)', () => {
  const tables = findTables(seedAsPastedValues(loadSeed()));

  it('finds all nine tables of the report, RN and kontogrupp, on the right sheets', () => {
    expect(tables.map((t) => [t.sheet, t.kind, t.level, t.rows.length])).toEqual([
      ['Kommunledning', 'rn', 'RN3', 15],
      ['Kommunledning', 'kontogrupp', null, 6],
      ['Kommungemensamt', 'rn', 'RN5', 17],
      ['Kommungemensamt', 'kontogrupp', null, 6],
      ['Kommunstyrelseförvaltning', 'rn', 'RN3', 13],
      ['Kommunstyrelseförvaltning', 'kontogrupp', null, 6],
      ['Stadsrevisionen', 'kontogrupp', null, 5],
      ['Valnämnden', 'rn', 'RN1', 1],
      ['Valnämnden', 'kontogrupp', null, 6],
    ]);
  });

  it('maps the five columns, the unlabelled total row after the blank row, and the codes', () => {
    const kl = tables[0] as VarianceTable;
    expect(columnsOf(kl)).toEqual({ previous: 'B', actual: 'C', budget: 'D', variance: 'E', change: 'F' });
    expect(kl.total?.row).toBe(19);
    expect(kl.rows[1]).toEqual({ row: 4, code: 'KLFÖ', name: 'Kommunledn Fördelning' });
    expect(kl.changeUnit).toBe('percent');
    expect(kl.columns.change?.years).toEqual([2020, 2022]);
    expect(kl.id).toBe('Kommunledning!A3:F20');
    const kg = tables[1] as VarianceTable;
    expect(kg.rows.map((r) => r.code)).toEqual(['3', '4', '5', '6A', '6B', '7']);
  });
});

describe('findTables on odd layouts', () => {
  it('ends a table at its Summa row: a note below it with a date in the label column and one figure is not a total', () => {
    const summa: Input[] = ['Summa', -110059, -110061, -113610, 3548, 0.0];
    const note: Input[] = [{ value: 44561, numberFormat: 'yyyy-mm-dd' }, 0.046];
    const sheet = sheetFromRows('Kommunledning', [WRAPPED, KAI, KEK, summa, [], note]);
    const [table] = findTables({ sheets: [sheet] });
    expect(table?.rows.map((r) => r.code)).toEqual(['KAI', 'KEK']);
    expect(table?.total?.row).toBe(3);
  });

  it('reads a two-row header (years above words) placed away from A1', () => {
    const sheet = sheetFromRows(
      'Blad1',
      [['Kommunstyrelseförvaltning'], [], [null, 2020, 2021, 2021, 2021, 'Förändr%'], ['RN3', 'Bokslut', 'Utfall Ack dec', 'Budget', 'Avv Budg o Utf', '2020 o 2021'], KAI, KEK, [], TOTAL],
      5,
      3,
    );
    const [t] = findTables({ sheets: [sheet] });
    expect(t).toBeDefined();
    expect(t?.headerTop).toBe(7);
    expect(t?.headerBottom).toBe(8);
    expect(columnsOf(t as VarianceTable)).toEqual({ previous: 'E', actual: 'F', budget: 'G', variance: 'H', change: 'I' });
    expect(t?.columns.previous?.years).toEqual([2020]);
    expect(t?.rows.map((r) => r.code)).toEqual(['KAI', 'KEK']);
    expect(t?.total?.row).toBe(12);
    expect(t?.title).toBe('Kommunstyrelseförvaltning');
  });

  it('reads code and name in two columns, and a total labelled Summa', () => {
    const sheet = sheetFromRows('Blad1', [
      ['KONTOGRUPP SUM', null, '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'],
      [3, 'Intäkter', 489, 661, 56, 605, 35.3],
      ['6A', 'Lokalhyror', -30, -49, 0, -49, null],
      ['Summa', null, 459, 612, 56, 556, 33.3],
    ]);
    const [t] = findTables({ sheets: [sheet] });
    expect(t?.kind).toBe('kontogrupp');
    expect(t?.nameCol).toBe(1);
    expect(t?.rows).toEqual([
      { row: 1, code: '3', name: 'Intäkter' },
      { row: 2, code: '6A', name: 'Lokalhyror' },
    ]);
    expect(t?.total).toEqual({ row: 3, code: '', name: 'Summa', parts: [1, 2] });
  });

  it('tells a change % stored as a fraction by its number format', () => {
    const pct = (v: number) => ({ value: v, numberFormat: '0.0%' });
    const sheet = sheetFromRows('Blad1', [WRAPPED, [...KAI.slice(0, 5), pct(0.041)], [...KEK.slice(0, 5), pct(-0.035)]]);
    expect(findTables({ sheets: [sheet] })[0]?.changeUnit).toBe('fraction');
  });

  it('recognises Prognos columns of a delårsrapport and never takes them for the five', () => {
    const sheet = sheetFromRows('Delår', [
      ['RN3', '2020\nBokslut', '2021\nUtfall Ack aug', '2021\nBudget', '2021\nPrognos helår', 'Avvikelse prognos', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'],
      ['KAI   Kommunikation', -50786, -35000, -57489, -56000, 1489, -22489, -31.1],
    ]);
    const [t] = findTables({ sheets: [sheet] });
    expect(columnsOf(t as VarianceTable)).toEqual({ previous: 'B', actual: 'C', budget: 'D', variance: 'G', change: 'H', forecast: 'E', forecastVariance: 'F' });
    expect(t?.extraColumns.map((e) => [e.col, e.kind])).toEqual([
      [4, 'forecast'],
      [5, 'forecast-variance'],
    ]);
  });

  it('finds several tables per sheet: below each other and side by side with no blank column between', () => {
    const sheet = sheetFromRows('Blad1', [WRAPPED, KAI, KEK, [], TOTAL]);
    placeRows(sheet, [WRAPPED, KAI, KEK, [], TOTAL], 0, 6);
    placeRows(sheet, [['Nästa'], [], WRAPPED, KAI], 7, 0);
    const tables = findTables({ sheets: [sheet] });
    expect(tables.map((t) => t.id)).toEqual(['Blad1!A1:F5', 'Blad1!G1:L5', 'Blad1!A10:F11']);
  });

  it('reads English headers and Utfall of two years side by side', () => {
    const sheet = sheetFromRows('Blad1', [
      ['RN5', 'Utfall 2020', 'Utfall 2021', 'Budget 2021', 'Avvikelse', 'Förändring %'],
      ['KGBR Brandkåren', -84172, -85753, -86527, 774, 1.9],
    ]);
    expect(columnsOf(findTables({ sheets: [sheet] })[0] as VarianceTable)).toEqual({ previous: 'B', actual: 'C', budget: 'D', variance: 'E', change: 'F' });
  });

  it('finds no table where there is none: prose, a header without data, a lone number grid', () => {
    const prose = sheetFromRows('Text', [['Kommunstyrelsen redovisar en positiv avvikelse mot budget.'], ['Budget och utfall följs upp varje månad.']]);
    const headerOnly = sheetFromRows('Tom', [WRAPPED]);
    const numbers = sheetFromRows('Siffror', [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(findTables({ sheets: [prose, headerOnly, numbers, { name: 'Blank', cells: [] }] })).toEqual([]);
  });

  it('keeps rows with a marker or stray text among their figures (the rules report the text), but never a header row', () => {
    const sheet = sheetFromRows('Blad1', [
      WRAPPED,
      ['KGAMT Arbetsmiljötjänster', -2296, 5055, -3495, 8550, 'e.j.'],
      ['KGHR  Kommungemensamt HR', -2208, 'ca 1 500', -1490, 2, '#DIVISION/0! '],
      KEK,
      [],
      [null, 2020, 2021, 2021, 2021, 'Förändr%'],
      ['RN3', 'Bokslut', 'Utfall Ack dec', 'Budget', 'Avv Budg o Utf', '2020 o 2021'],
      KAI,
    ]);
    const tables = findTables({ sheets: [sheet] });
    expect(tables.map((t) => [t.rows.map((r) => r.code), t.total?.row ?? null])).toEqual([
      [['KGAMT', 'KGHR', 'KEK'], null],
      [['KAI'], null],
    ]);
  });

  it('only looks at the sheets asked for', () => {
    const a = sheetFromRows('A', [WRAPPED, KAI]);
    const b = sheetFromRows('B', [WRAPPED, KEK]);
    expect(findTables({ sheets: [a, b] }, ['B']).map((t) => t.sheet)).toEqual(['B']);
  });
});

describe('labels and headers', () => {
  it.each([
    ['KLC   Kansli Centerpartiet', 'KLC', 'Kansli Centerpartiet'],
    ['3     Intäkter', '3', 'Intäkter'],
    ['ÖVA Valnämnd', 'ÖVA', 'Valnämnd'],
    ['6B    Entrpr,fastighetskostn, övr. m', '6B', 'Entrpr,fastighetskostn, övr. m'],
    ['Kommunikation', '', 'Kommunikation'],
    ['IT-avdelningen', '', 'IT-avdelningen'],
    ['KLÖS\u00A0\u00A0Övriga Styrelser', 'KLÖS', 'Övriga Styrelser'],
  ])('splits %j', (label, code, name) => {
    expect(splitLabel(label)).toEqual({ code, name });
  });

  it('splits every label as the reference regular expression does', () => {
    const CODE = /^[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9]{0,7}$/;
    const reference = (label: string): { code: string; name: string } => {
      const t = (label.includes('\u00A0') ? label.replace(/\u00A0/g, ' ') : label).trim();
      const m = /^(\S+)\s+(.+)$/.exec(t);
      if (m !== null && CODE.test(m[1] as string)) return { code: m[1] as string, name: (m[2] as string).trim() };
      if (CODE.test(t) && t.length <= 6) return { code: t, name: '' };
      return { code: '', name: t };
    };
    // Codes, names, every kind of white space and line break, in any order.
    const piece = fc.constantFrom(
      'KLC',
      'KLÖS',
      '6A',
      '3',
      'ÖVA',
      'K1234567',
      'K12345678',
      'Kansli',
      'övr.',
      'Ä',
      'summa',
      ' ',
      '  ',
      '\u00A0',
      '\t',
      '\n',
      '\r',
      '\u2028',
      '\u3000',
      '\ufeff',
      '\u200b',
      'x',
      'Å1',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 7 }).map((parts) => parts.join('')),
        (label) => {
          expect(splitLabel(label)).toEqual(reference(label));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['2020\nBokslut', 'previous'],
    ['2021\nUtfall Ack dec', 'actual'],
    ['2021\nBudget', 'budget'],
    ['2021\nAvv Budg o Utf', 'variance'],
    ['Förändr%\n2020 o 2022', 'change'],
    ['2021\nPrognos helår', 'forecast'],
    ['Avvikelse prognos', 'forecast-variance'],
    ['RN5', 'label'],
    ['KONTOGRUPP SUM', 'label'],
    ['Kommunikation', undefined],
  ])('classifies header %j as %s', (text, role) => {
    expect(classifyHeader(text)).toBe(role);
  });
});
