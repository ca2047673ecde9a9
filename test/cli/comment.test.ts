import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../../src/engine/check';
import { COMMENTS_SHEET, FINGERPRINT_HEADER, findCommentsLayout } from '../../src/engine/commentary/layout';
import type { SheetGrid, WorkbookGrid } from '../../src/engine/grid';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { buildExampleWorkbook, buildWorkbook, loadSeedFile, seedUnits, writeWorkbook } from '../../scripts/build-example';
import { EXAMPLE_COMMENTS, EXAMPLE_MISMATCHED_CODES } from '../../scripts/example-comments';
import { tempDir } from '../xlsx/files';
import { cli } from './run';

const dir = tempDir('avk-comment-');
/** The example's tables without any comments sheet: what an economist has before the first run. */
const TABLES = path.join(dir, 'tabeller.xlsx');

/** The example workbook as the script builds it, with its hand-written Kommentarer sheet. */
const EXAMPLE_BUILT = path.join(dir, 'exempel.xlsx');

beforeAll(async () => {
  await writeWorkbook(buildWorkbook(seedUnits(loadSeedFile())), TABLES);
  await writeWorkbook(buildExampleWorkbook(loadSeedFile()), EXAMPLE_BUILT);
});

function comments(grid: WorkbookGrid): { sheet: SheetGrid; col: (name: 'kod' | 'kommentar' | 'status' | 'fingerprint') => number } {
  const sheet = grid.sheets.find((s) => s.name === COMMENTS_SHEET);
  if (sheet === undefined) throw new Error('no Kommentarer sheet');
  const layout = findCommentsLayout(sheet);
  if (layout === undefined) throw new Error('no header');
  return { sheet, col: (name) => layout.columns[name] as number };
}

function rowOf(sheet: SheetGrid, kodCol: number, code: string): number {
  return sheet.cells.findIndex((r) => r?.[kodCol]?.value === code);
}

describe('avvikelsekollen comment', () => {
  it('writes a copy with the sheet Kommentarer: drafts as text, the fingerprint column hidden, the input untouched', async () => {
    const out = path.join(dir, 'ut.xlsx');
    const before = fs.readFileSync(TABLES);
    const r = await cli(['comment', TABLES, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('51 rader (51 nya utkast');
    expect(fs.readFileSync(TABLES).equals(before)).toBe(true);

    const grid = await readWorkbookGrid(out);
    const { sheet, col } = comments(grid);
    const kai = rowOf(sheet, col('kod'), 'KAI');
    expect(sheet.cells[kai]?.[col('kommentar')]).toEqual({
      value:
        'Kommunikation visar en positiv budgetavvikelse med 4,6\u00a0mnkr. Nettokostnaden blev 52,9\u00a0mnkr mot en budget på 57,5\u00a0mnkr. ' +
        'Jämfört med 2020 har nettokostnaden ökat med 2,1\u00a0mnkr (4,1\u00a0%). [Förklara avvikelsen: …]',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(COMMENTS_SHEET);
    expect(ws?.getCell(1, col('fingerprint') + 1).value).toBe(FINGERPRINT_HEADER);
    expect(ws?.getColumn(col('fingerprint') + 1).hidden).toBe(true);
    // Every comment cell is a plain string in the file, none a formula.
    for (let r = 2; r <= (ws?.rowCount ?? 0); r++) expect(typeof ws?.getCell(r, col('kommentar') + 1).value).toBe('string');
    // A fresh draft never disagrees with its table.
    expect(checkWorkbook(grid).findings.filter((f) => f.rule === 'narrative-mismatch')).toEqual([]);
  });

  it('keeps hand-written comments on a second run, writes them as text, and lists the ones that disagree with the tables', async () => {
    const first = path.join(dir, 'forsta.xlsx');
    const edited = path.join(dir, 'redigerad.xlsx');
    const second = path.join(dir, 'andra.xlsx');
    await cli(['comment', TABLES, '-o', first]);
    const grid = await readWorkbookGrid(first);
    const { sheet, col } = comments(grid);
    const ksa = rowOf(sheet, col('kod'), 'KSÄ');
    const kai = rowOf(sheet, col('kod'), 'KAI');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    const ws = wb.getWorksheet(COMMENTS_SHEET) as ExcelJS.Worksheet;
    const own = '−1,1 mnkr: Säkerhetsavdelningen visar på negativ budgetavvikelse med -1,1 mnkr på grund av förstärkt bemanning.';
    const formulaLike = '=Kommunikation visar en positiv budgetavvikelse med 4,6 mnkr, främst vakanser.';
    ws.getCell(ksa + 1, col('kommentar') + 1).value = own;
    ws.getCell(kai + 1, col('kommentar') + 1).value = formulaLike;
    await wb.xlsx.writeFile(edited);

    const r = await cli(['comment', edited, '-o', second]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 texter skrivna för hand behålls');
    expect(r.stdout).toContain('Kommentarer som inte stämmer med tabellerna (1):');
    expect(r.stdout).toContain(`Kommentarer!${String.fromCharCode(65 + col('kommentar'))}${ksa + 1}: Kommentaren för KSÄ anger avvikelsen −1,1 mnkr`);

    const after = await readWorkbookGrid(second);
    const c = comments(after);
    expect(c.sheet.cells[ksa]?.[c.col('kommentar')]).toEqual({ value: own });
    expect(c.sheet.cells[kai]?.[c.col('kommentar')]).toEqual({ value: formulaLike });
    expect(c.sheet.cells[ksa]?.[c.col('status')]?.value).toBe('Redigerad för hand, behålls');
    const check = await cli(['check', second, '--json']);
    const findings = (JSON.parse(check.stdout) as { findings: { rule: string; cell: string }[] }).findings.filter((f) => f.rule === 'narrative-mismatch');
    expect(findings.map((f) => f.cell)).toEqual([`${String.fromCharCode(65 + c.col('kommentar'))}${ksa + 1}`]);
  });

  it('drafts in English with --lang en', async () => {
    const out = path.join(dir, 'en.xlsx');
    const r = await cli(['comment', TABLES, '-o', out, '--lang', 'en']);
    expect(r.stdout).toContain('sheet Kommentarer with 51 rows');
    const { sheet, col } = comments(await readWorkbookGrid(out));
    expect(sheet.cells[0]?.[col('kommentar')]?.value).toBe('Comment');
    expect(String(sheet.cells[rowOf(sheet, col('kod'), 'KAI')]?.[col('kommentar')]?.value)).toMatch(/^Kommunikation shows a favourable budget variance of SEK\s4\.6\smillion\./);
  });

  it('refuses a wrong command line in one line, exit 2, and writes nothing', async () => {
    const out = path.join(dir, 'inget.xlsx');
    const r = await cli(['comment', TABLES]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const bad = await cli(['comment', TABLES, '-o', out, '--materiality', 'mycket']);
    expect(bad.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("the example workbook's sheet Kommentarer", () => {
  const mismatchedCells = (): string[] => EXAMPLE_COMMENTS.flatMap(([kod], i) => (EXAMPLE_MISMATCHED_CODES.includes(kod) ? [`C${i + 2}`] : []));

  it.each([
    ['as the script builds it', () => EXAMPLE_BUILT],
    ['as committed in examples/', () => 'examples/kommunstyrelsen-2021.xlsx'],
  ])('check finds exactly the comments that disagree with the tables (%s)', async (_, file) => {
    const r = await cli(['check', file(), '--json']);
    const findings = (JSON.parse(r.stdout) as { findings: { rule: string; sheet: string; cell: string; expected: number; actual: number }[] }).findings.filter((f) => f.rule === 'narrative-mismatch');
    expect(findings.map((f) => f.cell)).toEqual(mismatchedCells());
    expect(findings.every((f) => f.sheet === COMMENTS_SHEET)).toBe(true);
    expect(findings.map((f) => [f.expected, f.actual])).toEqual([
      [8.6, 8.3], // KGAMT
      [-7.8, -7.7], // KGFÖ
      [2.4, 2.3], // KGU
      [-1.1, 1.1], // KEK: called positive
      [-1.2, -1.1], // KSÄ
    ]);
  });

  it('comment keeps every hand-written comment and its status, and drafts the units that have none', async () => {
    const out = path.join(dir, 'exempel-kommenterad.xlsx');
    const r = await cli(['comment', EXAMPLE_BUILT, '-o', out]);
    expect(r.stdout).toContain(`${EXAMPLE_COMMENTS.length} texter skrivna för hand behålls`);
    expect(r.stdout).toContain('Kommentarer som inte stämmer med tabellerna (5):');
    const { sheet, col } = comments(await readWorkbookGrid(out));
    EXAMPLE_COMMENTS.forEach(([, , text], i) => {
      expect(sheet.cells[i + 1]?.[col('kommentar')]?.value).toBe(text);
      expect(sheet.cells[i + 1]?.[col('status')]?.value).toBe('Klar');
    });
    expect(String(sheet.cells[rowOf(sheet, col('kod'), 'KLC')]?.[col('kommentar')]?.value)).toMatch(/^Kansli Centerpartiet visar en positiv budgetavvikelse med 1,0\smnkr\./);
  });
});
