/**
 * Formula injection: text from cells that looks like a formula
 * (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`, `-2+3`, `@SUM(A1)`) stays text in
 * every output: the copy `fix` writes, the sheet Kommentarer `comment`
 * writes, and the same sheet written into Excel by the add-in.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../../src/engine/check';
import { draftCommentary } from '../../src/engine/commentary/draft';
import { planCommentsSheet } from '../../src/engine/commentary/sheet';
import { memoryStore } from '../../src/excel/changelog';
import { TestHost } from '../../src/excel/simulated';
import { createActions } from '../../src/excel/workbook-actions';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { cli } from '../cli/run';
import { readZipEntry, tempDir } from '../xlsx/files';

const HYPERLINK = '=HYPERLINK("http://x.invalid","klicka")';
const DDE = "+cmd|' /C calc'!A0";
const NAMES = [HYPERLINK, DDE, '-2+3', '@SUM(A1)'];
const CODES = ['KAI', 'KEK', 'KHR', 'KIT'];

const dir = tempDir('avk-inj-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A unit's RN table whose unit names and title are formula-like text, with a pasted #DIVISION/0! to fix. */
async function evilWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Förvaltning');
  ws.getCell('A1').value = HYPERLINK; // the title: the summary's unit name
  ws.addRow([]);
  ws.addRow(['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021']);
  const figures = [
    [-50786, -52862, -57489],
    [-59273, -57199, -56121],
    [0, -1184, -900],
    [-20000, -19000, -25000],
  ];
  NAMES.forEach((name, i) => {
    const [b, u, budget] = figures[i] as number[];
    const change = b === 0 ? '#DIVISION/0!' : Math.round(((u as number) / (b as number) - 1) * 1000) / 10;
    ws.addRow([`${(CODES[i] as string).padEnd(6)}${name}`, b, u, budget, (u as number) - (budget as number), change]);
  });
  const file = path.join(dir, 'injektion.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

/** Every formula in a sheet part of a written package (`<f>…</f>`), unescaped. */
function formulasIn(file: string, part: string): string[] {
  const xml = readZipEntry(fs.readFileSync(file), part) ?? '';
  return [...xml.matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)].map((m) =>
    (m[1] as string)
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>'),
  );
}

async function sheetPart(file: string, sheet: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (ws === undefined) throw new Error(`no sheet ${sheet}`);
  return `xl/worksheets/sheet${wb.worksheets.indexOf(ws) + 1}.xml`;
}

describe('text that looks like a formula stays text', () => {
  it('in the copy `comment` writes: unit names, codes and comments are text cells; the only formulas are links to Avv cells', async () => {
    const input = await evilWorkbook();
    const out = path.join(dir, 'kommentarer.xlsx');
    const r = await cli(['comment', input, '-o', out]);
    expect(r.code).toBe(0);
    const grid = await readWorkbookGrid(out);
    const sheet = grid.sheets.find((s) => s.name === 'Kommentarer');
    const texts = (sheet?.cells ?? []).flatMap((row) => (row ?? []).filter((c) => c !== undefined && c.formula === undefined).map((c) => c?.value));
    for (const name of NAMES) expect(texts).toContain(name); // Enhet
    expect(texts).toContain(`${HYPERLINK}, totalt`);
    expect(texts.filter((t) => typeof t === 'string' && t.includes(DDE)).length).toBeGreaterThanOrEqual(2); // Enhet and the draft
    for (const f of formulasIn(out, await sheetPart(out, 'Kommentarer'))) expect(f).toMatch(/^'Förvaltning'!E\d+$/);
    // And the input's own cells are as they were.
    expect(formulasIn(out, await sheetPart(out, 'Förvaltning'))).toEqual([]);
  });

  it('in the copy `fix` writes, also with a marker that looks like a formula', async () => {
    const input = await evilWorkbook();
    const out = path.join(dir, 'rattad.xlsx');
    const r = await cli(['fix', input, '-o', out, '--marker', '=1+1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('F6: "#DIVISION/0!" → "=1+1"');
    const part = await sheetPart(out, 'Förvaltning');
    expect(formulasIn(out, part)).toEqual([]);
    const grid = await readWorkbookGrid(out);
    const cells = grid.sheets[0]?.cells ?? [];
    expect(cells[5]?.[5]).toEqual({ value: '=1+1' });
    expect(cells.map((row) => row?.[0]?.value).filter((v) => typeof v === 'string' && NAMES.some((n) => v.endsWith(n)))).toHaveLength(5); // the title and four units
  });

  it('in Excel: the add-in writes the comments sheet with every such text as text (Text format), and Ångra removes it', async () => {
    const grid = await readWorkbookGrid(await evilWorkbook());
    const host = new TestHost(grid, { apiVersion: '1.9' });
    const actions = createActions(host, { store: memoryStore() });
    const before = host.snapshot();
    const report = await actions.validate({ mark: false });
    const edits = planCommentsSheet(report.workbook, draftCommentary(checkWorkbook(report.workbook), report.workbook, { lang: 'sv' }));
    await actions.applyEdits(edits, 'action.comments');
    for (const e of edits) {
      const cell = host.cell('Kommentarer', e.cell);
      if (e.after.formula !== undefined) {
        expect(cell.formula).toMatch(/^='Förvaltning'!E\d+$/);
        continue;
      }
      expect(cell.formula).toBeUndefined();
      expect(cell.error).toBeUndefined();
      expect(cell.value).toEqual(e.after.value);
    }
    const enhet = edits.filter((e) => typeof e.after.value === 'string' && NAMES.includes(e.after.value));
    expect(enhet).toHaveLength(4);
    for (const e of enhet) expect(host.cell('Kommentarer', e.cell).numberFormat).toBe('@');
    await actions.undo();
    expect(host.snapshot()).toBe(before);
  });
});
