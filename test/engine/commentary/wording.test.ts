/**
 * The wording rules of drafts fit for an årsredovisning, one by one, on
 * rows shaped like a förvaltning's RN table, in both sign conventions and in
 * tkr, mnkr and kr.
 */
import { allDrafts, type Draft } from '../../../src/engine/commentary/draft';
import { compareStated, statedVariance } from '../../../src/engine/commentary/narrative';
import { draftsFor, followUpWorkbook, type PrintedRow, type TableShape } from './tables';

const NEGATIVE: TableShape = { convention: 'costs-negative', unit: 'tkr', varianceColumn: true };
const POSITIVE: TableShape = { convention: 'costs-positive', unit: 'tkr', varianceColumn: true };

/** A text as drafts write it: a no-break space between a figure and its unit. */
function nb(text: string): string {
  return text.replace(/(\d) (mnkr|%|million)/g, '$1\u00a0$2').replace(/SEK (\d)/g, 'SEK\u00a0$1');
}

/** Costs-negative figures of a row, turned into the shape's convention. */
function row(code: string, name: string, previous: number, actual: number, budget: number, shape: TableShape = NEGATIVE): PrintedRow {
  const s = shape.convention === 'costs-positive' ? -1 : 1;
  return { code, name, previous: s * previous, actual: s * actual, budget: s * budget };
}

function draftOf(rows: PrintedRow[], shape: TableShape, code: string, options: Parameters<typeof draftsFor>[2] = {}): Draft {
  const d = allDrafts(draftsFor(followUpWorkbook(rows, shape), shape, options)).find((x) => x.code === code);
  if (d === undefined) throw new Error(`no draft for ${code}`);
  return d;
}

// Kommungemensamt 2021 (tkr): a net cost of 290,8 mnkr against a budget of 177,4 mnkr.
const kommungemensamt = (shape: TableShape): PrintedRow[] => [row('KGM', 'Kommungemensamt', -200296, -290814, -177373, shape), row('KAI', 'Kommunikation', -50781, -52883, -57509, shape)];

describe.each([
  ['costs negative', NEGATIVE],
  ['costs positive', POSITIVE],
])('drafts from a table with %s', (_, shape) => {
  it('states an unfavourable variance without a second minus: "negativ budgetavvikelse med 113,4 mnkr"', () => {
    const d = draftOf(kommungemensamt(shape), shape, 'KGM');
    expect(d.direction).toBe('negative');
    expect(d.text).toMatch(new RegExp(`^${nb('Kommungemensamt visar en negativ budgetavvikelse med 113,4 mnkr\\.')}`));
    expect(d.text).not.toMatch(/[−-]\s?\d/);
  });

  it('speaks of a net cost below budget as a positiv avvikelse and names the net cost in words', () => {
    const d = draftOf(kommungemensamt(shape), shape, 'KAI');
    expect(d.direction).toBe('positive');
    expect(d.text).toBe(
      nb(
        'Kommunikation visar en positiv budgetavvikelse med 4,6 mnkr. Nettokostnaden blev 52,9 mnkr mot en budget på 57,5 mnkr. ' +
          'Jämfört med 2020 har nettokostnaden ökat med 2,1 mnkr (4,1 %). [Förklara avvikelsen: …]',
      ),
    );
  });

  it("computes the variance in the table's convention when the table has no Avv column", () => {
    const noAvv = { ...shape, varianceColumn: false };
    const d = draftOf(kommungemensamt(noAvv), noAvv, 'KAI');
    expect(d.varianceTkr).toBe(4626);
    expect(d.text).toMatch(new RegExp(`^${nb('Kommunikation visar en positiv budgetavvikelse med 4,6 mnkr\\.')}`));
    expect(d.sentences[0]?.cells.map((c) => c.cell)).toEqual(['C5', 'D5']);
  });

  it('says whether a figure is a net income or a net cost, also when they differ between outcome and budget', () => {
    const rows = [row('KGAMT', 'Arbetsmiljötjänster', -2296, 5055, -3495, shape), row('KGST', 'Statsbidrag', 94100, -2100, 86000, shape), row('KGFC', 'Förmånscykel', 711, 843, 784, shape)];
    expect(draftOf(rows, shape, 'KGAMT').text).toContain(nb('Utfallet blev en nettointäkt på 5,1 mnkr mot en budgeterad nettokostnad på 3,5 mnkr.'));
    expect(draftOf(rows, shape, 'KGAMT').text).toContain(nb('gått från en nettokostnad på 2,3 mnkr till en nettointäkt på 5,1 mnkr'));
    expect(draftOf(rows, shape, 'KGST').text).toContain(nb('negativ budgetavvikelse med 88,1 mnkr. Utfallet blev en nettokostnad på 2,1 mnkr mot en budgeterad nettointäkt på 86,0 mnkr.'));
    expect(draftOf(rows, shape, 'KGFC').text).toContain('Nettointäkten blev');
  });

  it('shows the decimals that tell Utfall from Budget apart rather than "0,8 mnkr mot en budget på 0,8 mnkr"', () => {
    const d = draftOf([row('KGFC', 'Förmånscykel', 711, 843, 784, shape)], shape, 'KGFC');
    expect(d.text).toContain(nb('positiv budgetavvikelse med 0,06 mnkr. Nettointäkten blev 0,84 mnkr mot en budget på 0,78 mnkr.'));
    expect(d.varianceMnkr).toBe(0.06);
  });

  it('does the same when budget and outcome are equal at one decimal on a larger amount (12,04 against 11,96 mnkr)', () => {
    const d = draftOf([row('KAB', 'Avdelning B', -11500, -12040, -11960, shape)], shape, 'KAB', { materialityTkr: 50 });
    expect(d.text).toContain(nb('negativ budgetavvikelse med 0,08 mnkr. Nettokostnaden blev 12,04 mnkr mot en budget på 11,96 mnkr.'));
  });

  it('calls a variance of 0,04 mnkr "i nivå med budget" without a figure that reads as zero', () => {
    const d = draftOf([row('KAC', 'Avdelning C', -9000, -9040, -9000, shape)], shape, 'KAC', { materialityTkr: 0, materialityShare: 0 });
    expect(d.material).toBe(false);
    expect(d.text).toBe('Avdelning C visar ett utfall i nivå med budget.');
  });

  it('gives an immaterial variance its direction in words: "i nivå med budget (en negativ avvikelse med 0,4 mnkr)"', () => {
    const d = draftOf([row('KAD', 'Avdelning D', -30000, -32422, -32000, shape)], shape, 'KAD');
    expect(d.text).toBe(nb('Avdelning D visar ett utfall i nivå med budget (en negativ avvikelse med 0,4 mnkr).'));
  });

  it('writes the English draft in English only', () => {
    const d = draftOf(kommungemensamt(shape), shape, 'KGM', { lang: 'en' });
    expect(d.text).toBe(
      nb(
        'Kommungemensamt shows an unfavourable budget variance of SEK 113.4 million. The net cost was SEK 290.8 million against a budget of SEK 177.4 million. ' +
          'Compared with 2020, the net cost has increased by SEK 90.5 million (45.2%). [Explain the variance: …]',
      ),
    );
    expect(d.text).not.toMatch(/positiv |negativ |mnkr|blev|[−-]\s?\d/);
  });

  it('is read back by the narrative check as agreeing with the table', () => {
    for (const code of ['KGM', 'KAI']) {
      const d = draftOf(kommungemensamt(shape), shape, code);
      const stated = statedVariance(d.text);
      expect(stated?.sign).toBe(0);
      expect(stated === undefined ? 'none' : compareStated(stated, d.varianceTkr).kind).toBe('ok');
    }
  });
});

describe("amounts in the table's unit", () => {
  it('keeps a table in mnkr in mnkr (4,6 mnkr, not 4 600)', () => {
    const shape: TableShape = { convention: 'costs-positive', unit: 'mnkr', varianceColumn: true };
    const d = draftOf([{ code: 'KAI', name: 'Kommunikation', previous: 50.8, actual: 52.9, budget: 57.5 }], shape, 'KAI');
    expect(d.varianceTkr).toBeCloseTo(4600, 6);
    expect(d.text).toMatch(new RegExp(`^${nb('Kommunikation visar en positiv budgetavvikelse med 4,6 mnkr\\. Nettokostnaden blev 52,9 mnkr mot en budget på 57,5 mnkr\\.')}`));
  });

  it('converts a table in kr to mnkr (4 626 544 kr → 4,6 mnkr)', () => {
    const shape: TableShape = { convention: 'costs-negative', unit: 'kr', varianceColumn: true };
    const d = draftOf([{ code: 'KAI', name: 'Kommunikation', previous: -50781000, actual: -52882956, budget: -57509500 }], shape, 'KAI');
    expect(d.varianceTkr).toBeCloseTo(4626.544, 6);
    expect(d.text).toMatch(new RegExp(`^${nb('Kommunikation visar en positiv budgetavvikelse med 4,6 mnkr\\. Nettokostnaden blev 52,9 mnkr mot en budget på 57,5 mnkr\\.')}`));
  });

  it('writes a low base so that it does not read as zero (30 tkr is 0,03 mnkr)', () => {
    const d = draftOf([row('KLI', 'Liten enhet', -30, -900, -200)], NEGATIVE, 'KLI');
    expect(d.text).toContain(nb('från en låg nivå (0,03 mnkr)'));
  });
});
