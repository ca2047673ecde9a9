import { checkWorkbook } from '../../../src/engine/check';
import { allDrafts, draftCommentary, draftSentences, draftVarianceCells, type Draft } from '../../../src/engine/commentary/draft';
import type { WorkbookGrid } from '../../../src/engine/grid';
import { sheetFromRows } from '../../helpers/grid';
import { seedWorkbook } from './helpers';

/** A text as drafts write it: a no-break space between a figure and its unit (`4,6 mnkr`, `4,1 %`, `SEK 4.6 million`). */
function nb(text: string): string {
  return text.replace(/(\d) (mnkr|%|million)/g, '$1\u00a0$2').replace(/SEK (\d)/g, 'SEK\u00a0$1');
}

function draftsOf(workbook: WorkbookGrid, options: Parameters<typeof draftCommentary>[2] = {}): Draft[] {
  return allDrafts(draftCommentary(checkWorkbook(workbook), workbook, options));
}

function byCode(drafts: Draft[], code: string): Draft {
  const d = drafts.find((x) => x.code === code);
  if (d === undefined) throw new Error(`no draft for ${code}`);
  return d;
}

function summaryOf(drafts: Draft[], unit: string): Draft {
  const d = drafts.find((x) => x.kind === 'summary' && x.unit === unit);
  if (d === undefined) throw new Error(`no summary for ${unit}`);
  return d;
}

const seed = seedWorkbook();
const sv = draftsOf(seed);

describe('drafts per avdelning (seed tables)', () => {
  it("writes the issue's example for Kommunikation word for word", () => {
    expect(byCode(sv, 'KAI').text).toBe(
      nb(
        'Kommunikation visar en positiv budgetavvikelse med 4,6 mnkr. ' +
          'Nettokostnaden blev 52,9 mnkr mot en budget på 57,5 mnkr. ' +
          'Jämfört med 2020 har nettokostnaden ökat med 2,1 mnkr (4,1 %). [Förklara avvikelsen: …]',
      ),
    );
  });

  it('rounds −1 157 tkr to 1,2 mnkr and calls it negative, without a second minus (the report said −1,1)', () => {
    const d = byCode(sv, 'KSÄ');
    expect(d.varianceMnkr).toBe(-1.2);
    expect(d.direction).toBe('negative');
    expect(draftSentences(d)[0]?.text).toBe(nb('Säkerhetsavdelningen visar en negativ budgetavvikelse med 1,2 mnkr.'));
  });

  it('keeps, per sentence, the cells each number came from', () => {
    const d = byCode(sv, 'KAI');
    const s = 'Kommunstyrelseförvaltning';
    expect(draftSentences(d).map((x) => x.cells)).toEqual([
      [{ sheet: s, cell: 'E7' }],
      [
        { sheet: s, cell: 'C7' },
        { sheet: s, cell: 'D7' },
      ],
      [
        { sheet: s, cell: 'B7' },
        { sheet: s, cell: 'C7' },
        { sheet: s, cell: 'F7' },
      ],
      [],
    ]);
    expect(draftSentences(d)[3]?.gap).toBe(true);
    expect(draftVarianceCells(d)).toEqual([{ sheet: s, cell: 'E7' }]);
  });

  it('gives an immaterial row one short sentence and no gap (422 tkr is under 0,5 mnkr and under 5 % of 32 mnkr)', () => {
    const d = byCode(sv, 'KAS');
    expect(d.material).toBe(false);
    expect(d.text).toBe(nb('Samhällsutveckling visar ett utfall i nivå med budget (en positiv avvikelse med 0,4 mnkr).'));
    expect(draftSentences(d).some((x) => x.gap)).toBe(false);
  });

  it('treats 417 tkr on a budget of 840 tkr as material: both thresholds must be met to stay silent', () => {
    expect(byCode(sv, 'KLMP').material).toBe(true);
  });

  it('lets both materiality thresholds be set', () => {
    const loose = draftsOf(seed, { materialityTkr: 1000, materialityShare: 0.5 });
    expect(byCode(loose, 'KLC').material).toBe(false); // 964 tkr < 1 mnkr and < 50 % of 4,1 mnkr
    expect(byCode(loose, 'KAI').material).toBe(true); // 4 626 tkr
    const strict = draftsOf(seed, { materialityTkr: 100, materialityShare: 0.01 });
    expect(byCode(strict, 'KAS').material).toBe(true);
  });

  it('never cites a % across a sign flip: says it in words', () => {
    const d = byCode(sv, 'KGAMT');
    expect(d.changePercent).toBeNull();
    expect(d.text).toContain(nb('Jämfört med 2020 har resultatet gått från en nettokostnad på 2,3 mnkr till en nettointäkt på 5,1 mnkr.'));
    expect(d.text).not.toMatch(/%/);
    expect(byCode(sv, 'KGST').text).toContain(nb('från en nettointäkt på 94,1 mnkr till en nettokostnad på 2,1 mnkr'));
  });

  it('never cites a % from a zero or tiny base', () => {
    const wb: WorkbookGrid = {
      sheets: [
        sheetFromRows('Test', [
          ['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'],
          ['KNY   Ny enhet', 0, -1184, -500, -684, '#DIVISION/0!'],
          ['KLI   Liten enhet', -30, -900, -200, -700, 2900],
          ['KVA   Vanlig enhet', -1000, -2000, -1000, -1000, 100],
          [null, -1030, -4084, -1700, -2384, 296.5],
        ]),
      ],
    };
    const d = draftsOf(wb);
    expect(byCode(d, 'KNY').text).toContain(nb('Jämfört med 2020, då utfallet var noll, uppgår nettokostnaden nu till 1,2 mnkr.'));
    expect(byCode(d, 'KNY').text).not.toMatch(/%/);
    // The low base of 30 tkr is written with the decimals that keep it from reading as zero.
    expect(byCode(d, 'KLI').text).toContain(nb('Jämfört med 2020 har nettokostnaden ökat med 0,9 mnkr, från en låg nivå (0,03 mnkr).'));
    expect(byCode(d, 'KLI').text).not.toMatch(/%/);
    expect(byCode(d, 'KVA').text).toContain(nb('ökat med 1,0 mnkr (100,0 %)'));
  });

  it('takes the years from the table header, not from the calendar', () => {
    const wb: WorkbookGrid = {
      sheets: [
        sheetFromRows('Delår', [
          ['RN3', '2019\nBokslut', '2020\nUtfall Ack aug', '2020\nBudget', '2020\nAvv Budg o Utf', 'Förändr%\n2019 o 2020'],
          ['KAB   Avdelning B', -10000, -12000, -11000, -1000, 20],
          [null, -10000, -12000, -11000, -1000, 20],
        ]),
      ],
    };
    expect(byCode(draftsOf(wb), 'KAB').text).toContain(nb('Jämfört med 2019 har nettokostnaden ökat med 2,0 mnkr (20,0 %).'));
    // Kommunledning's Förändr% header says "2020 o 2022": the Bokslut column's 2020 is the year compared with.
    expect(byCode(sv, 'KLC').text).toContain(nb('Jämfört med 2020 har nettokostnaden minskat med 0,3 mnkr (9,3 %).'));
  });

  it('speaks of nettointäkt for a unit with net revenue', () => {
    expect(byCode(sv, 'KGFC').text).toContain(nb('Jämfört med 2020 har nettointäkten ökat med 0,1 mnkr (18,5 %).'));
  });

  it("cites the table's own Förändr% when it agrees with the figures within rounding (KAF prints 42,9, the rounded figures give 43,0)", () => {
    expect(byCode(sv, 'KAF').text).toContain(nb('(42,9 %)'));
    expect(byCode(sv, 'KAF').changePercent).toBe(42.9);
  });

  it('gives no draft for a row without any variance, and never throws on it', () => {
    const wb: WorkbookGrid = {
      sheets: [
        sheetFromRows('Test', [
          ['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'],
          ['KAA   A', -1000, -2000, -1000, -1000, 100],
          ['KBB   B', -1000, '#SAKNAS!', null, '#SAKNAS!', null],
          [null, -2000, -2000, -1000, -1000, 0],
        ]),
      ],
    };
    const d = draftsOf(wb);
    expect(d.filter((x) => x.kind === 'row').map((x) => x.code)).toEqual(['KAA']);
  });
});

describe('summaries per table', () => {
  it('names the two avdelningar that contribute most and the two account groups that drive it', () => {
    const d = summaryOf(sv, 'Kommunledning');
    expect(d.text).toBe(
      nb(
        'Kommunledning visar sammantaget en positiv budgetavvikelse med 12,8 mnkr. ' +
          'Nettokostnaden blev 43,5 mnkr mot en budget på 56,3 mnkr. ' +
          'Jämfört med 2020 har nettokostnaden ökat med 2,9 mnkr (7,3 %). ' +
          'Störst bidrag till avvikelsen ger Kansli Socialdemokraterna (4,6 mnkr) och Kansli Moderaterna (2,5 mnkr). ' +
          'Avvikelsen återfinns främst inom personalkostnader (12,4 mnkr) och intäkter (0,6 mnkr). [Förklara avvikelsen: …]',
      ),
    );
    const drivers = draftSentences(d).find((s) => s.template === 'summa.kontogrupper.två');
    expect(drivers?.cells).toEqual([
      { sheet: 'Kommunledning', cell: 'E26' },
      { sheet: 'Kommunledning', cell: 'E24' },
    ]);
  });

  it('picks the contributors in the direction of the total (the two largest negative ones for −12,4 mnkr)', () => {
    expect(summaryOf(sv, 'Kommunstyrelseförvaltning').text).toContain(nb('Störst bidrag till avvikelsen ger Förvaltningsgemensamt (18,0 mnkr) och KSF Plan.reserv o Avstämn RAM (13,6 mnkr).'));
  });

  it('summarises a kontogrupp table of its own (Stadsrevisionen) with its account groups', () => {
    const d = summaryOf(sv, 'Stadsrevisionen');
    expect(d.text).toBe(
      nb(
        'Stadsrevisionen visar sammantaget en positiv budgetavvikelse med 0,6 mnkr. ' +
          'Nettokostnaden blev 3,3 mnkr mot en budget på 3,9 mnkr. ' +
          'Jämfört med 2020 har nettokostnaden minskat med 0,4 mnkr (9,8 %). ' +
          'Avvikelsen återfinns främst inom övriga kostnader (0,4 mnkr) och personalkostnader (0,2 mnkr). [Förklara avvikelsen: …]',
      ),
    );
  });

  it('finds the kontogrupp table of the same unit by title on another sheet', () => {
    const rn = sheetFromRows('RN', [
      ['Socialförvaltningen'],
      [],
      ['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'],
      ['SAA   Äldreomsorg', -10000, -12000, -9000, -3000, 20],
      ['SBB   Barn och unga', -5000, -5000, -6000, 1000, 0],
      [null, -15000, -17000, -15000, -2000, 13.3],
    ]);
    const kg = sheetFromRows('Kontogrupper', [
      ['Socialförvaltningen'],
      [],
      ['KONTOGRUPP SUM', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'],
      ['3     Intäkter', 1000, 2000, 1000, 1000, 100],
      ['5     Personalkostnader', -12000, -14000, -11500, -2500, 16.7],
      ['7     Övriga kostnader', -4000, -5000, -4500, -500, 25],
      [null, -15000, -17000, -15000, -2000, 13.3],
    ]);
    const drafts = draftCommentary(checkWorkbook({ sheets: [rn, kg] }), { sheets: [rn, kg] });
    expect(drafts.units.map((u) => u.unit)).toEqual(['Socialförvaltningen']);
    expect(drafts.units[0]?.summary?.text).toContain(nb('Avvikelsen återfinns främst inom personalkostnader (2,5 mnkr) och övriga kostnader (0,5 mnkr).'));
  });

  it('says a table in line with budget in one sentence (Valnämnden)', () => {
    expect(summaryOf(sv, 'Valnämnden').text).toBe('Valnämnden visar sammantaget ett utfall i nivå med budget.');
  });
});

describe('English drafts from the same templates', () => {
  const en = draftsOf(seed, { lang: 'en' });
  it('writes the same numbers in English', () => {
    expect(byCode(en, 'KAI').text).toBe(
      nb(
        'Kommunikation shows a favourable budget variance of SEK 4.6 million. The net cost was SEK 52.9 million against a budget of SEK 57.5 million. ' +
          'Compared with 2020, the net cost has increased by SEK 2.1 million (4.1%). [Explain the variance: …]',
      ),
    );
    expect(byCode(en, 'KSÄ').text).toMatch(/^Säkerhetsavdelningen shows an unfavourable budget variance of SEK\u00a01\.2\u00a0million\./);
    expect(byCode(en, 'KGAMT').text).toContain(nb('The outcome was a net income of SEK 5.1 million against a budgeted net cost of SEK 3.5 million.'));
    expect(byCode(en, 'KGAMT').text).toContain(nb('the result has gone from a net cost of SEK 2.3 million to a net income of SEK 5.1 million'));
    for (const d of en) expect(d.text).not.toMatch(/positiv |negativ |mnkr|Utfallet|Nettokostnaden/);
  });
});
