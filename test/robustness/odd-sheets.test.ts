/**
 * Odd but valid sheets: what economists' workbooks really hold
 * besides the clean layout. Each is checked as a table, with no false alarm
 * on consistent figures and the real problem still found.
 */
import { checkWorkbook } from '../../src/engine/check';
import { allDrafts, draftCommentary } from '../../src/engine/commentary/draft';
import { planCommentsSheet } from '../../src/engine/commentary/sheet';
import type { WorkbookGrid } from '../../src/engine/grid';
import type { VarianceTable } from '../../src/engine/table';
import { placeRows, sheetFromRows, type Input } from '../helpers/grid';
import { applyToGrid } from '../engine/commentary/helpers';

const HEADER: Input[] = ['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'];
// Kommunstyrelseförvaltningen's rows as printed in the annual report (tkr).
const KAI: Input[] = ['KAI   Kommunikation', -50786, -52862, -57489, 4626, 4.1];
const KEK: Input[] = ['KEK   Ekonomiavdelningen', -59273, -57199, -56121, -1078, -3.5];
const TOTAL: Input[] = [null, -110059, -110061, -113610, 3548, 0.0];

function wb(...sheets: WorkbookGrid['sheets']): WorkbookGrid {
  return { sheets };
}

function places(w: WorkbookGrid): string[] {
  return checkWorkbook(w).findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`);
}

describe('odd but valid sheets', () => {
  it('hidden rows and columns are checked like the others (Excel sums hidden rows too)', () => {
    const sheet = sheetFromRows('Blad1', [['Kommunstyrelseförvaltning'], [], HEADER, KAI, KEK, [], TOTAL]);
    sheet.hiddenRows = [4];
    sheet.hiddenColumns = [3];
    expect(places(wb(sheet))).toEqual([]);
    const [t] = checkWorkbook(wb(sheet)).tables;
    expect(t?.rows.map((r) => r.code)).toEqual(['KAI', 'KEK']);
    // A wrong Avv in the hidden row is still found.
    const wrong = sheetFromRows('Blad1', [['Kommunstyrelseförvaltning'], [], HEADER, KAI, ['KEK   Ekonomiavdelningen', -59273, -57199, -56121, -1178, -3.5], [], TOTAL]);
    wrong.hiddenRows = [4];
    expect(places(wb(wrong))).toContain('variance-mismatch@Blad1!E5');
  });

  it('a merged header cell (the year over three columns, the covered cells empty) still gives the table', () => {
    const sheet = sheetFromRows('Blad1', [[null, 2020, 2021, null, null, 'Förändr%'], ['RN3', 'Bokslut', 'Utfall Ack dec', 'Budget', 'Avv Budg o Utf', '2020 o 2021'], KAI, KEK, [], TOTAL]);
    const result = checkWorkbook(wb(sheet));
    expect(result.tables.map((t) => [t.id, t.rows.length, t.total?.row])).toEqual([['Blad1!A1:F6', 2, 5]]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('two tables side by side with no blank column: each checked on its own figures', () => {
    const sheet = sheetFromRows('Blad1', [
      [...HEADER, ...HEADER],
      [...KAI, ...KEK],
      [...KEK, ...['KAI   Kommunikation', -50786, -52862, -57489, 4000, 4.1]],
    ]);
    const result = checkWorkbook(wb(sheet));
    expect(result.tables.map((t) => [t.left, t.right, t.rows.length])).toEqual([
      [0, 5, 2],
      [6, 11, 2],
    ]);
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}@${f.cell}`)).toEqual(['variance-mismatch@K3']);
  });

  it('a total row with a formula error: the error is reported at its cell, the other totals still add up', () => {
    const sheet = sheetFromRows('Blad1', [HEADER, KAI, KEK, [], [null, -110059, -110061, { value: null, error: 'REF', formula: '=SUM(#REF!)' }, 3548, 0.0]]);
    const found = places(wb(sheet));
    expect(found).toContain('error-value@Blad1!D5');
    expect(found.filter((f) => f.startsWith('sum-mismatch'))).toEqual([]);
  });

  it('numbers stored as text (Unicode minus, non-breaking and thin spaces, "12,8 %") are read as the figures they show', () => {
    const asText: Input[][] = [
      HEADER,
      ['KAI   Kommunikation', '\u221250\u00a0786', '\u221252\u2009862', '\u221257 489', '4\u202f626', '4,1 %'],
      ['KEK   Ekonomiavdelningen', '−59 273', '-57 199', '−56\u00a0121', '−1 078', '−3,5'],
      [],
      [null, '−110 059', '−110 061', '−113 610', '3 548', '0,0'],
    ];
    expect(places(wb(sheetFromRows('Blad1', asText)))).toEqual([]);
    // A wrong figure written as text is still caught.
    asText[1] = ['KAI   Kommunikation', '−50 786', '−52 862', '−57 489', '4 826', '4,1 %'];
    expect(places(wb(sheetFromRows('Blad1', asText)))).toContain('variance-mismatch@Blad1!E2');
  });

  it('huge or broken numbers (1E+308, NaN, Infinity) are reported as unreadable, never turned into an Infinity', () => {
    const sheet = sheetFromRows('Blad1', [HEADER, ['KAI   Kommunikation', -50786, -1.7e308, -57489, 4626, 4.1], ['KEK   Ekonomiavdelningen', Number.NaN, -57199, Infinity, -1078, -3.5], [], TOTAL]);
    const result = checkWorkbook(wb(sheet));
    for (const f of result.findings) {
      for (const v of [f.expected, f.actual, ...Object.values(f.params)]) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
    }
    // The table is still found, and each unreadable figure is reported at its cell.
    expect(result.tables.map((t) => t.rows.length)).toEqual([2]);
    expect(result.findings.filter((f) => f.messageId === 'missing-value.text').map((f) => f.cell)).toEqual(['C2', 'B3', 'D3']);
  });

  it('a base so near 0 that the % overflows (Bokslut 6E-301) gives a finite finding, not Infinity', () => {
    const sheet = sheetFromRows('Blad1', [HEADER, ['KAI   Kommunikation', { value: -6.2e-301, numberFormat: '0' }, -541505, -57489, -484016, 37.7]]);
    const result = checkWorkbook(wb(sheet));
    expect(result.tables).toHaveLength(1);
    for (const f of result.findings) for (const v of [f.expected, f.actual]) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  });
});

describe('amounts in kr instead of tkr', () => {
  // Kommunikation's row in kr (the table says so above its header).
  const inKr = (title: string, header: Input[] = HEADER): WorkbookGrid =>
    wb(
      sheetFromRows('Kommunikation', [
        [title],
        [],
        header,
        ['KAI   Kommunikation', -50786123, -52862456, -57489000, 4626544, 4.1],
        ['KEK   Ekonomiavdelningen', -59273000, -57199000, -56121000, -1078000, -3.5],
        [],
        [null, -110059123, -110061456, -113610000, 3548544, 0.0],
      ]),
    );

  function tableOf(w: WorkbookGrid): VarianceTable {
    return checkWorkbook(w).tables[0] as VarianceTable;
  }

  it('detects the unit from the title, a header cell or a currency format; tkr is the default', () => {
    expect(tableOf(inKr('Kommunikation, belopp i kr')).unit).toBe('kr');
    expect(tableOf(inKr('Belopp i kronor')).unit).toBe('kr');
    expect(tableOf(inKr('Kommunikation', ['RN3', '2020\nBokslut (kr)', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'])).unit).toBe('kr');
    expect(tableOf(inKr('Kommunikation')).unit).toBe('tkr');
    expect(tableOf(inKr('Belopp i tkr')).unit).toBe('tkr');
    expect(tableOf(inKr('Belopp i tkr (kr per invånare i bilaga)')).unit).toBe('tkr');
    expect(tableOf(inKr('Kronobergs kommun')).unit).toBe('tkr');
    const formatted = sheetFromRows('Blad1', [HEADER, ['KAI   Kommunikation', ...[-50786123, -52862456, -57489000, 4626544].map((value) => ({ value, numberFormat: '#,##0 "kr"' })), 4.1]]);
    expect(tableOf(wb(formatted)).unit).toBe('kr');
  });

  it('a unit code KR in a row above is not "kr"', () => {
    const sheet = sheetFromRows('Blad1', [['KR    Kommunrevisionen'], [], HEADER, KAI]);
    expect(tableOf(wb(sheet)).unit).toBe('tkr');
  });

  it('the checks find nothing to report in a consistent table in kr (rounding is read from the cells themselves)', () => {
    expect(places(inKr('Belopp i kr'))).toEqual([]);
  });

  it('drafts state kr as mnkr (4 626 544 kr → 4,6 mnkr), with the materiality thresholds applied in tkr', () => {
    const w = inKr('Kommunikation, belopp i kr');
    const drafts = allDrafts(draftCommentary(checkWorkbook(w), w, { lang: 'sv' }));
    const kai = drafts.find((d) => d.code === 'KAI');
    expect(kai?.varianceTkr).toBeCloseTo(4626.544, 6);
    expect(kai?.varianceMnkr).toBe(4.6);
    expect(kai?.text).toMatch(/positiv \S*avvikelse med 4,6\smnkr/);
    expect(kai?.table.unit).toBe('kr');
    const kek = drafts.find((d) => d.code === 'KEK');
    expect(kek?.varianceMnkr).toBe(-1.1);
    expect(kek?.material).toBe(true); // 1 078 tkr ≥ 500 tkr
  });

  it('the comments sheet shows Avvikelse in tkr: the link to a kr cell is divided by 1 000, and its comment passes the narrative check', () => {
    const w = inKr('Kommunikation, belopp i kr');
    const edits = planCommentsSheet(w, draftCommentary(checkWorkbook(w), w, { lang: 'sv' }));
    const amount = edits.find((e) => e.sheet === 'Kommentarer' && e.after.formula === "='Kommunikation'!E4/1000");
    expect(amount?.after.value).toBeCloseTo(4626.544, 6);
    const written = applyToGrid(w, edits);
    expect(checkWorkbook(written).findings.filter((f) => f.rule === 'narrative-mismatch')).toEqual([]);
  });

  it('a hand-written comment is compared in mnkr: "4,6 mnkr" agrees with 4 626 544 kr; "1 078 mnkr" (the kr figure read as tkr) does not', () => {
    const w = inKr('Kommunikation, belopp i kr');
    const comments = sheetFromRows('Kommentarer', [
      ['Kod', 'Kommentar'],
      ['KAI', 'Positiv avvikelse med 4,6 mnkr.'],
      ['KEK', 'Negativ avvikelse med 1 078 mnkr.'],
    ]);
    const found = checkWorkbook({ sheets: [...w.sheets, comments] }).findings.filter((f) => f.rule === 'narrative-mismatch');
    expect(found.map((f) => f.cell)).toEqual(['B3']);
  });
});

describe('unit detection leaves the example as it was', () => {
  it('every table of a sheet placed below another keeps tkr', () => {
    const sheet = sheetFromRows('Blad1', [HEADER, KAI, KEK, [], TOTAL]);
    placeRows(sheet, [['Belopp i tkr'], [], HEADER, KAI], 8, 0);
    expect(checkWorkbook(wb(sheet)).tables.map((t) => t.unit)).toEqual(['tkr', 'tkr']);
  });
});
