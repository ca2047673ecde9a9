import { checkWorkbook } from '../../../src/engine/check';
import { allDrafts, draftCommentary } from '../../../src/engine/commentary/draft';
import { COMMENTS_SHEET, FINGERPRINT_HEADER } from '../../../src/engine/commentary/layout';
import { planCommentsSheet, planCommentsSheetWithReport } from '../../../src/engine/commentary/sheet';
import type { CellEdit } from '../../../src/engine/finding';
import type { Cell, WorkbookGrid } from '../../../src/engine/grid';
import { sheetFromRows, type Input } from '../../helpers/grid';
import { applyToGrid, narrativeFindings, seedWorkbook, textAt } from './helpers';

const HEADER = ['Kod', 'Enhet', 'Avvikelse (tkr)', 'Förändr%', 'Kommentar', 'Status', 'Källa', FINGERPRINT_HEADER];
const COL = { kod: 0, enhet: 1, avv: 2, pct: 3, kommentar: 4, status: 5, källa: 6, fp: 7 };

function plan(workbook: WorkbookGrid, options: Parameters<typeof draftCommentary>[2] = {}): CellEdit[] {
  return planCommentsSheet(workbook, draftCommentary(checkWorkbook(workbook), workbook, options));
}

function rowWithCode(workbook: WorkbookGrid, code: string): number {
  const sheet = workbook.sheets.find((s) => s.name === COMMENTS_SHEET);
  const r = sheet?.cells.findIndex((row) => row?.[COL.kod]?.value === code) ?? -1;
  if (r < 0) throw new Error(`no row for ${code}`);
  return r;
}

function setCell(workbook: WorkbookGrid, sheet: string, row: number, col: number, cell: Cell | undefined): WorkbookGrid {
  const copy = applyToGrid(workbook, []);
  const s = copy.sheets.find((x) => x.name === sheet);
  if (s === undefined) throw new Error(sheet);
  (s.cells[row] ??= [])[col] = cell;
  return copy;
}

/** A small RN table (Kommunstyrelseförvaltning-like) from rows of [code name, bokslut, utfall, budget]. */
function small(rows: [string, number, number, number][]): WorkbookGrid {
  const body: Input[][] = rows.map(([label, b, u, budget]) => [label, b, u, budget, u - budget, Math.round((u / b - 1) * 1000) / 10]);
  const sum = (i: number): number => rows.reduce((n, r) => n + (r[i] as number), 0);
  return {
    sheets: [
      sheetFromRows('Förvaltning', [
        ['Förvaltningen'],
        [],
        ['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'],
        ...body,
        [],
        [null, sum(1), sum(2), sum(3), sum(2) - sum(3), Math.round((sum(2) / sum(1) - 1) * 1000) / 10],
      ]),
    ],
  };
}

describe('planning the sheet Kommentarer', () => {
  const seed = seedWorkbook();
  const edits = plan(seed);
  const written = applyToGrid(seed, edits);

  it('creates the sheet with its header, one row per avdelning and the summaries', () => {
    expect(HEADER.map((_, c) => textAt(written, COMMENTS_SHEET, 0, c))).toEqual(HEADER);
    const drafts = allDrafts(draftCommentary(checkWorkbook(seed), seed));
    const sheet = written.sheets.find((s) => s.name === COMMENTS_SHEET);
    expect(sheet?.cells.length).toBe(1 + drafts.length);
    const kai = rowWithCode(written, 'KAI');
    expect(textAt(written, COMMENTS_SHEET, kai, COL.enhet)).toBe('Kommunikation');
    expect(sheet?.cells[kai]?.[COL.avv]).toEqual({ value: 4626, formula: "='Kommunstyrelseförvaltning'!E7" });
    expect(sheet?.cells[kai]?.[COL.pct]).toEqual({ value: 4.1 });
    expect(textAt(written, COMMENTS_SHEET, kai, COL.kommentar)).toMatch(/^Kommunikation visar en positiv budgetavvikelse med 4,6\smnkr\./);
    expect(textAt(written, COMMENTS_SHEET, kai, COL.status)).toBe('Utkast');
    expect(textAt(written, COMMENTS_SHEET, kai, COL.källa)).toBe('Kommunstyrelseförvaltning!E7');
    // A summary row: no code, the unit "…, totalt".
    expect(sheet?.cells.some((r) => r?.[COL.kod] === undefined && r?.[COL.enhet]?.value === 'Kommunstyrelseförvaltning, totalt')).toBe(true);
    // KGAMT: the % across a sign flip is left empty.
    expect(sheet?.cells[rowWithCode(written, 'KGAMT')]?.[COL.pct]).toBeUndefined();
  });

  it('writes comments as text, never as a formula', () => {
    const comments = edits.filter((e) => e.col === COL.kommentar && e.row > 0);
    expect(comments.length).toBeGreaterThan(40);
    expect(comments.every((e) => e.after.formula === undefined && typeof e.after.value === 'string')).toBe(true);
  });

  it('keeps texts beginning with "−1,2 mnkr" or "=" as text values', () => {
    const templates = [
      { id: 'avdelning.avvikelse.negativ', lang: 'sv' as const, text: '{avvikelse_mnkr_med_tecken} mnkr: {enhet} visar en negativ budgetavvikelse.' },
      { id: 'avdelning.avvikelse.positiv', lang: 'sv' as const, text: '={enhet} visar en positiv budgetavvikelse med {avvikelse_mnkr} mnkr.' },
    ];
    const e = plan(seed, { templates });
    const out = applyToGrid(seed, e);
    const ksa = e.find((x) => x.col === COL.kommentar && x.row === rowWithCode(out, 'KSÄ'));
    expect(ksa?.after.formula).toBeUndefined();
    expect(typeof ksa?.after.value === 'string' && ksa.after.value.startsWith('\u22121,2 mnkr')).toBe(true);
    const kai = e.find((x) => x.col === COL.kommentar && x.row === rowWithCode(out, 'KAI'));
    expect(kai?.after.formula).toBeUndefined();
    expect(typeof kai?.after.value === 'string' && kai.after.value.startsWith('=Kommunikation visar')).toBe(true);
  });

  it('gives fresh drafts that the narrative check agrees with', () => {
    expect(narrativeFindings(written)).toEqual([]);
  });

  it('changes nothing when run again on an unchanged workbook', () => {
    expect(plan(written)).toEqual([]);
  });

  it('refreshes untouched drafts with new numbers and keeps what a person wrote', () => {
    // The ledger moved: KAI's outcome is 374 tkr better. Someone rewrote KSÄ's comment by hand.
    const kaiRow = 6; // Kommunstyrelseförvaltning!C7/E7 (0-based row 6)
    let next = setCell(written, 'Kommunstyrelseförvaltning', kaiRow, 2, { value: -52488, numberFormat: '#,##0' });
    next = setCell(next, 'Kommunstyrelseförvaltning', kaiRow, 4, { value: 5001, numberFormat: '#,##0' });
    const ksa = rowWithCode(next, 'KSÄ');
    const own = 'Säkerhetsavdelningen visar på negativ budgetavvikelse med -1,1 mnkr på grund av förstärkning av bemanning utifrån pandemin.';
    next = setCell(next, COMMENTS_SHEET, ksa, COL.kommentar, { value: own });
    const report = planCommentsSheetWithReport(next, draftCommentary(checkWorkbook(next), next));
    const after = applyToGrid(next, report.edits);
    const kai = rowWithCode(after, 'KAI');
    expect(textAt(after, COMMENTS_SHEET, kai, COL.kommentar)).toMatch(/^Kommunikation visar en positiv budgetavvikelse med 5,0\smnkr\./);
    expect(textAt(after, COMMENTS_SHEET, kai, COL.status)).toBe('Utkast, uppdaterat med nya siffror');
    expect(textAt(after, COMMENTS_SHEET, ksa, COL.kommentar)).toBe(own);
    expect(textAt(after, COMMENTS_SHEET, ksa, COL.status)).toBe('Redigerad för hand, behålls');
    expect(report.edits.some((e) => e.row === ksa && (e.col === COL.kommentar || e.col === COL.fp))).toBe(false);
    expect(report.rows.find((r) => r.key === 'rad:KSÄ')?.state).toBe('edited');
    expect(report.rows.find((r) => r.key === 'rad:KAI')?.state).toBe('refreshed');
    // The hand-written comment is checked: −1,1 is not what the table says.
    expect(narrativeFindings(after).map((f) => [f.sheet, f.row, f.expected, f.actual])).toEqual([[COMMENTS_SHEET, ksa, -1.2, -1.1]]);
    // And on the next run it is still kept.
    expect(plan(after).some((e) => e.row === ksa && e.col === COL.kommentar)).toBe(false);
  });

  it('gives an emptied comment a fresh draft', () => {
    const kai = rowWithCode(written, 'KAI');
    const emptied = setCell(written, COMMENTS_SHEET, kai, COL.kommentar, undefined);
    const e = plan(emptied);
    expect(e.filter((x) => x.col === COL.kommentar).map((x) => x.row)).toEqual([kai]);
  });

  it('keeps the rows of units that disappeared and marks them, and respects a status a person wrote', () => {
    const before = small([
      ['KAA   Avdelning A', -10000, -12000, -9000],
      ['KBB   Avdelning B', -5000, -5000, -6000],
      ['KCC   Avdelning C', -4000, -3000, -4000],
    ]);
    let first = applyToGrid(before, plan(before));
    const bRow = rowWithCode(first, 'KBB');
    first = setCell(first, COMMENTS_SHEET, rowWithCode(first, 'KCC'), COL.status, { value: 'Klar' });
    const comments = first.sheets.find((s) => s.name === COMMENTS_SHEET);
    const after = small([
      ['KAA   Avdelning A', -10000, -12000, -9000],
      ['KDD   Avdelning D', -1000, -3000, -1000],
    ]);
    const wb: WorkbookGrid = { sheets: [...after.sheets, comments as NonNullable<typeof comments>] };
    const report = planCommentsSheetWithReport(wb, draftCommentary(checkWorkbook(wb), wb));
    const out = applyToGrid(wb, report.edits);
    expect(textAt(out, COMMENTS_SHEET, bRow, COL.kommentar)).toBe(textAt(first, COMMENTS_SHEET, bRow, COL.kommentar));
    expect(textAt(out, COMMENTS_SHEET, bRow, COL.status)).toBe('Enheten finns inte längre i tabellerna');
    expect(textAt(out, COMMENTS_SHEET, rowWithCode(out, 'KCC'), COL.status)).toBe('Klar – Enheten finns inte längre i tabellerna');
    // The new unit goes below the existing rows; nothing is deleted.
    expect(rowWithCode(out, 'KDD')).toBeGreaterThan(rowWithCode(out, 'KCC'));
    expect(report.edits.every((e) => e.after.value !== null || e.before.value === null || e.col === COL.pct)).toBe(true);
    expect(report.rows.filter((r) => r.state === 'missing').map((r) => r.key)).toEqual(['rad:KBB', 'rad:KCC']);
  });

  it('keeps a comments sheet a person made (no fingerprints), adding the missing columns to the right', () => {
    const own = sheetFromRows(COMMENTS_SHEET, [
      ['Kod', 'Kommentar'],
      ['KAI', 'Kommunikationsavdelningen uppvisar på positiv avvikelse med 4,6 mnkr, bestående av vakanser.'],
    ]);
    const wb: WorkbookGrid = { sheets: [...seed.sheets, own] };
    const out = applyToGrid(wb, plan(wb));
    expect(textAt(out, COMMENTS_SHEET, 0, 0)).toBe('Kod');
    expect(textAt(out, COMMENTS_SHEET, 0, 1)).toBe('Kommentar');
    expect(textAt(out, COMMENTS_SHEET, 0, 2)).toBe('Enhet');
    expect(textAt(out, COMMENTS_SHEET, 1, 1)).toBe('Kommunikationsavdelningen uppvisar på positiv avvikelse med 4,6 mnkr, bestående av vakanser.');
    // Added in the standard order after the person's two: Enhet, Avvikelse, Förändr%, Status, Källa, fingerprint.
    expect(textAt(out, COMMENTS_SHEET, 0, 5)).toBe('Status');
    expect(textAt(out, COMMENTS_SHEET, 1, 5)).toBe('Egen text, behålls');
    // Run again: still the person's text.
    expect(plan(out).some((e) => e.row === 1 && e.col === 1)).toBe(false);
  });

  it('puts its header below anything already on a Kommentarer sheet that has none', () => {
    const notes = sheetFromRows(COMMENTS_SHEET, [['Anteckningar inför bokslutet'], ['Ring ekonomichefen om KGST.']]);
    const wb: WorkbookGrid = { sheets: [...seed.sheets, notes] };
    const e = plan(wb);
    expect(e.some((x) => x.row < 2)).toBe(false);
    expect(textAt(applyToGrid(wb, e), COMMENTS_SHEET, 3, 0)).toBe('Kod');
  });

  it('writes English headers and statuses with --lang en', () => {
    const out = applyToGrid(seed, plan(seed, { lang: 'en' }));
    expect(textAt(out, COMMENTS_SHEET, 0, 4)).toBe('Comment');
    expect(textAt(out, COMMENTS_SHEET, 1, COL.status)).toBe('Draft');
    expect(narrativeFindings(out)).toEqual([]);
  });
});
