import { checkWorkbook } from '../../../src/engine/check';
import { compareStated, sentences, statedVariance } from '../../../src/engine/commentary/narrative';
import type { WorkbookGrid } from '../../../src/engine/grid';
import { translate } from '../../../src/engine/i18n';
import { sheetFromRows } from '../../helpers/grid';
import { narrativeFindings, seedWorkbook } from './helpers';

/** Reads what a sentence states and compares it with a variance in tkr. */
function verdict(text: string, tkr: number): string {
  const s = statedVariance(text);
  if (s === undefined) return 'none';
  const v = compareStated(s, tkr);
  return v.kind === 'ok' ? `ok ${s.text}` : `${v.kind}: ${v.actual} ≠ ${v.expected}`;
}

describe('reading the variance a comment states (sentences in the style of the report, section 6)', () => {
  it.each([
    ['Kommunikationsavdelningen uppvisar på positiv avvikelse med 4,6 mnkr, bestående till största del inom lägre personalkostnader.', 4626, 'ok 4,6 mnkr'],
    ['Säkerhetsavdelningen har negativ budgetavvikelse med -1,1 mnkr på grund av förstärkning av bemanning utifrån pandemin.', -1157, 'amount: -1.1 ≠ -1.2'],
    ['Negativ avvikelse om -48 mnkr finns inom nivå ianspråktagande av eget kapital.', -48365, 'ok -48 mnkr'],
    ['Negativ avvikelse inom Ianspråktagande av eget kapital med – 48 mnkr.', -48365, 'ok – 48 mnkr'],
    ['Positiv avvikelse om 8,3 mnkr inom Arbetsmiljötjänster beror på utdelat överskott från den gemensamma nämnden.', 8550, 'amount: 8.3 ≠ 8.6'],
    ['Kommungemensamma kostnader för omställning personal, visar på positiv budgetavvikelse 8,2 mnkr.', 8194, 'ok 8,2 mnkr'],
    ['Kommungemensam IT  lämnar positiv avvikelse, 7,4 mnkr.', 7442, 'ok 7,4 mnkr'],
    ['Större negativ avvikelse, -7,7 mnkr, återfinnes inom försäkringar.', -7758, 'amount: -7.7 ≠ -7.8'],
    ['Kommunstyrelseförvaltningen visar på negativ budgetavvikelse på – 12,4 mnkr vilket är bättre än prognos som pekade mot ett underskott på - 25,0 mnkr.', -12417, 'ok – 12,4 mnkr'],
    ['Stödjande och förebyggande verksamhet visar på negativ avvikelse med 1,1 mnkr.', -1078, 'ok 1,1 mnkr'],
    ['Kommunstyrelsen visar ett underskott mot budget, avvikelse 806 tkr.', -806, 'ok 806 tkr'],
    ['Kommunstyrelsen visar en negativ avvikelse om 860 tkr.', -806, 'amount: -860 ≠ -806'],
    ['Ekonomiavdelningen visar en positiv avvikelse med 1,1 mnkr.', -1078, 'direction: 1.1 ≠ -1.1'],
    ['Ekonomiavdelningen visar ett överskott, avvikelse -1,1 mnkr.', -1078, 'direction: 1.1 ≠ -1.1'],
    ['Valnämnden visar ingen avvikelse.', 0, 'none'],
    ['Tackgåva till anställda uppgår till 24,6 mnkr av tilläggsanslag om 26 mnkr.', -12417, 'none'],
  ])('%s', (text, tkr, expected) => {
    expect(verdict(text, tkr)).toBe(expected);
  });

  it('takes the headline amount, not the amounts stated after it', () => {
    const text = 'Kommunledning visar på positiv budgetavvikelse om 12,8 mnkr. Däri ingår överfört resultat från år 2019 och 2020 med sammantaget 9,9 mnkr hos de politiska kanslierna.';
    expect(verdict(text, 12791)).toBe('ok 12,8 mnkr');
    const mixed =
      'Kommungemensam verksamhet visar sammantaget en negativ budgetavvikelse med -113,4 mnkr vilket till största del förklaras av negativ avvikelse inom statsbidragen, -88 mnkr och negativ avvikelse inom Ianspråktagande av eget kapital med – 48 mnkr.';
    expect(verdict(mixed, -113441)).toBe('ok -113,4 mnkr');
  });

  it('skips sentences that state amounts but do not speak of the variance', () => {
    const text = 'Tackgåva till anställda uppgår till 24,6 mnkr. Årets resultat visar en negativ budgetavvikelse på totalt -12,4 mnkr.';
    expect(verdict(text, -12417)).toBe('ok -12,4 mnkr');
  });

  it("accepts either rounding when the table's figure is itself rounded to the boundary", () => {
    const s = statedVariance('Avvikelsen är positiv med 1,1 mnkr.');
    expect(s).toBeDefined();
    if (s === undefined) return;
    expect(compareStated(s, 1150, 0).kind).toBe('amount'); // exact 1 150 tkr is 1,2 mnkr
    expect(compareStated(s, 1150, 0.5).kind).toBe('ok'); // printed 1 150 may have been 1 149,6
  });

  it('reads thousands separators, the Unicode minus and English drafts', () => {
    expect(verdict('X visar en negativ budgetavvikelse med \u22121\u00a0234,5 mnkr.', -1234500)).toBe('ok \u22121\u00a0234,5 mnkr');
    expect(verdict('X shows an unfavourable budget variance of SEK -1,234.5 million.', -1234500)).toBe('ok SEK -1,234.5 million');
  });

  it('splits sentences at full stops before a capital, not inside a name like "Eget kap. visar"', () => {
    expect(sentences('Ianspråktagande av Eget kap. visar en avvikelse. Nästa mening.')).toEqual(['Ianspråktagande av Eget kap. visar en avvikelse.', 'Nästa mening.']);
  });
});

/** The seed's tables and a Kommentarer sheet written the way the report words it (title row, columns in another order). */
function seedWithComments(): { workbook: WorkbookGrid; rowOf: Map<string, number> } {
  const rows: (string | null)[][] = [
    ['Kommentarer till årsberättelsen 2021'],
    ['Kommentar', 'Kod', 'Enhet'],
    ['Kommunikationsavdelningen uppvisar på positiv avvikelse med 4,6 mnkr, bestående till största del inom lägre personalkostnader.', 'KAI', 'Kommunikation'],
    ['Säkerhetsavdelningen visar på negativ budgetavvikelse med -1,1 mnkr på grund av förstärkning av bemanning. Anslag har erhållits med 800 tkr.', 'KSÄ', 'Säkerhetsavdelningen'],
    ['Negativ avvikelse om – 48 mnkr finns inom nivå ianspråktagande av eget kapital. Därmed uppstår negativ budgetavvikelse med -48,3 mnkr.', 'KGI', 'Ianspråktagande av Eget kap.'],
    ['Positiv avvikelse om 8,3 mnkr inom Arbetsmiljötjänster beror på utdelat överskott från den gemensamma nämnden.', 'KGAMT', 'Arbetsmiljötjänster'],
    ['Kommungemensam IT  lämnar positiv avvikelse, 7,4 mnkr.', 'KGIT', 'Kommungem IT'],
    ['Inom budgetnivå för Universitet märks positiv avvikelse med 2,3 mnkr.', 'KGU', 'Kommungem Universitetet'],
    ['Större negativ avvikelse, -7,7 mnkr, återfinnes inom försäkringar.', 'KGFÖ', 'Kommungemensamt Försäkringar'],
    ['Ekonomiavdelningen visar en positiv avvikelse med 1,1 mnkr.', 'KEK', 'Ekonomiavdelningen'],
    ['Digitaliseringsavdelningen visar på positiv avvikelse om 6,4 mnkr vilket beror på utvecklingsarbete finansierat med 12,0 mnkr.', 'KIT', 'IT-avdelningen'],
    ['Kansli Socialdemokraterna visar positiv avvikelse med 4,6 mnkr.', 'KLS   Kansli Socialdemokraterna', null],
    ['Kommunstyrelsen har negativ avvikelse om 860 tkr.', 'KLKS', 'Kommunstyrelse'],
    ['Okänd enhet med positiv avvikelse 3,0 mnkr.', 'KXX', 'Finns inte'],
    ['Valnämnden visar ingen avvikelse.', 'ÖVA', 'Valnämnd'],
    ['Kommunledning visar på positiv budgetavvikelse om 12,8 mnkr. Däri ingår överfört resultat med 9,9 mnkr.', null, 'Kommunledning, totalt'],
    ['Tackgåva uppgår till 24,6 mnkr. Årets resultat visar en negativ budgetavvikelse på totalt -12,4 mnkr.', null, 'Kommunstyrelseförvaltning, totalt'],
    ['Stadsrevisionen visar en positiv avvikelse med 0,6 mnkr.', null, 'Stadsrevisionen'],
    ['Kommungemensamt visar sammantaget en negativ budgetavvikelse med -113,0 mnkr.', null, 'Kommungemensamt, totalt'],
  ];
  const sheet = sheetFromRows('Kommentarer', rows);
  const rowOf = new Map<string, number>();
  rows.forEach((r, i) => rowOf.set(r[1] ?? r[2] ?? '', i));
  const seed = seedWorkbook();
  return { workbook: { sheets: [...seed.sheets, sheet] }, rowOf };
}

describe('rule narrative-mismatch', () => {
  const { workbook } = seedWithComments();
  const findings = narrativeFindings(workbook);

  it('finds exactly the comments whose amount or direction disagrees with the table', () => {
    expect(findings.map((f) => [f.cell, f.messageId, f.expected, f.actual])).toEqual([
      ['A4', 'narrative-mismatch.amount', -1.2, -1.1], // KSÄ: −1 157 tkr
      ['A6', 'narrative-mismatch.amount', 8.6, 8.3], // KGAMT: 8 550 tkr
      ['A8', 'narrative-mismatch.amount', 2.4, 2.3], // KGU: 2 397 tkr
      ['A9', 'narrative-mismatch.amount', -7.8, -7.7], // KGFÖ: −7 758 tkr
      ['A10', 'narrative-mismatch.direction', -1.1, 1.1], // KEK: −1 078 tkr called positive
      ['A13', 'narrative-mismatch.amount', -806, -860], // KLKS in tkr
      ['A19', 'narrative-mismatch.amount', -113.4, -113], // Kommungemensamt's total
    ]);
    expect(findings.every((f) => f.sheet === 'Kommentarer' && f.severity === 'warning' && f.rule === 'narrative-mismatch')).toBe(true);
  });

  it('says in the message what the comment states and what the table shows, with the source cell', () => {
    const ksa = findings[0];
    expect(translate(ksa?.messageId ?? '', 'sv', ksa?.params)).toBe(
      'Kommentaren för KSÄ anger avvikelsen -1,1 mnkr, men tabellen visar \u22121,2 mnkr (\u22121\u00a0157 tkr i Kommunstyrelseförvaltning!E16).',
    );
    const kek = findings[4];
    expect(translate(kek?.messageId ?? '', 'en', kek?.params)).toBe('The comment for KEK calls the variance positiv, but the table shows -1.1 mnkr (-1,078 SEK k in Kommunstyrelseförvaltning!E12).');
  });

  it('finds nothing on a workbook without a comments sheet, and runs as part of check', () => {
    expect(narrativeFindings(seedWorkbook())).toEqual([]);
    expect(checkWorkbook(workbook).findings.filter((f) => f.rule === 'narrative-mismatch')).toHaveLength(7);
  });
});

describe("rule narrative-mismatch with the drafts' wording, in both sign conventions", () => {
  /** Kommunledning's rows as a table with costs positive (Avv = Budget − Utfall) or negative (Avv = Utfall − Budget), with a comments sheet. */
  function withComments(convention: 'costs-negative' | 'costs-positive', comments: [string, string][]): WorkbookGrid {
    const s = convention === 'costs-positive' ? -1 : 1;
    const line = (label: string | null, b: number, u: number, budget: number): (string | number | null)[] => [label, s * b, s * u, s * budget, u - budget, Math.round((u / b - 1) * 1000) / 10];
    const table = sheetFromRows('Kommunstyrelseförvaltning', [
      ['Kommunstyrelseförvaltning'],
      [],
      ['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'],
      line('KAI   Kommunikation', -50781, -52883, -57509),
      line('KSÄ   Säkerhetsavdelningen', -11688, -13405, -12248),
      line('KEK   Ekonomiavdelningen', -59287, -57199, -56121),
      [],
      line(null, -121756, -123487, -125878),
    ]);
    return { sheets: [table, sheetFromRows('Kommentarer', [['Kod', 'Kommentar'], ...comments])] };
  }

  it.each(['costs-negative', 'costs-positive'] as const)('compares a comment without a minus sign by its direction word (%s)', (convention) => {
    const wb = withComments(convention, [
      ['KAI', 'Kommunikation visar en positiv budgetavvikelse med 4,6\u00a0mnkr. Nettokostnaden blev 52,9\u00a0mnkr mot en budget på 57,5\u00a0mnkr.'],
      ['KSÄ', 'Säkerhetsavdelningen visar en negativ budgetavvikelse med 1,2\u00a0mnkr.'],
      ['KEK', 'Ekonomiavdelningen visar en positiv budgetavvikelse med 1,1 mnkr.'],
    ]);
    expect(checkWorkbook(wb).tables[0]?.convention).toBe(convention);
    expect(narrativeFindings(wb).map((f) => [f.cell, f.messageId])).toEqual([['B4', 'narrative-mismatch.direction']]);
  });
});
