import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../../src/engine/check';
import type { CellEdit } from '../../src/engine/finding';
import { planFixes } from '../../src/engine/fixes';
import { cellAddress, cellAt, parseAddress, type Cell, type WorkbookGrid } from '../../src/engine/grid';
import { applyEdits } from '../../src/xlsx/write';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { XlsxFileError } from '../../src/xlsx/file';
import { EXAMPLE, readZipEntry, sha256, tempDir } from './files';

function edit(sheet: string, cell: string, after: CellEdit['after']): CellEdit {
  const p = parseAddress(cell) as { row: number; col: number };
  return { sheet, cell, row: p.row, col: p.col, before: { value: null }, after, reason: 'narrative-mismatch' };
}

/** Every non-empty cell of a grid by `Sheet!A1`. */
function cellsOf(grid: WorkbookGrid): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const s of grid.sheets) {
    s.cells.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (c !== undefined) out.set(`${s.name}!${cellAddress(r, col)}`, c);
      }),
    );
  }
  return out;
}

describe('applyEdits', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('fixes the example’s #DIV/0! and keeps every other cell, format, width and sheet as it was', async () => {
    const before = await readWorkbookGrid(EXAMPLE);
    const edits = planFixes(before, checkWorkbook(before), { marker: 'e.j.', meaningless: false });
    expect(edits.map((e) => `${e.sheet}!${e.cell}`)).toEqual(['Kommunledning!F5']);
    const hash = sha256(EXAMPLE);
    const out = path.join(dir, 'rattad.xlsx');
    await applyEdits(EXAMPLE, out, edits);
    expect(sha256(EXAMPLE)).toBe(hash);

    const after = await readWorkbookGrid(out);
    const a = cellsOf(before);
    const b = cellsOf(after);
    const changed = [...new Set([...a.keys(), ...b.keys()])].filter((k) => JSON.stringify(a.get(k)) !== JSON.stringify(b.get(k)));
    expect(changed).toEqual(['Kommunledning!F5']);
    expect(b.get('Kommunledning!F5')).toEqual({ value: 'e.j.', formula: '=IF(B5=0,"e.j.",(C5/B5-1)*100)', numberFormat: '0.0' });
    expect(checkWorkbook(after).findings.filter((f) => f.rule === 'div0')).toEqual([]);

    const wbIn = new ExcelJS.Workbook();
    await wbIn.xlsx.readFile(EXAMPLE);
    const wbOut = new ExcelJS.Workbook();
    await wbOut.xlsx.readFile(out);
    expect(wbOut.worksheets.map((w) => w.name)).toEqual(wbIn.worksheets.map((w) => w.name));
    for (const ws of wbIn.worksheets) {
      const wo = wbOut.getWorksheet(ws.name) as ExcelJS.Worksheet;
      expect(wo.columns.map((c) => c.width)).toEqual(ws.columns.map((c) => c.width));
      expect(wo.getCell('B3').font).toEqual(ws.getCell('B3').font);
      expect(wo.getCell('B3').alignment).toEqual(ws.getCell('B3').alignment);
      expect(wo.getRow(3).height).toBe(ws.getRow(3).height);
    }
    // The fixed formula has no stale cached result, and the workbook asks to be recalculated.
    expect((wbOut.getWorksheet('Kommunledning') as ExcelJS.Worksheet).getCell('F5').result).toBeUndefined();
    expect(readZipEntry(fs.readFileSync(out), 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('writes text as text, even when it looks like a formula or a number', async () => {
    const texts = ['=SUM(B4:B18)', '-1 078', '+4,6', '12,8 %', '2021', '–', 'e.j.'];
    const edits = texts.map((t, i) => edit('Kommentarer', `A${i + 1}`, { value: t }));
    const out = path.join(dir, 'text.xlsx');
    await applyEdits(EXAMPLE, out, edits);
    const grid = await readWorkbookGrid(out);
    const sheet = grid.sheets.find((s) => s.name === 'Kommentarer');
    expect(sheet).toBeDefined();
    texts.forEach((t, i) => {
      const c = cellAt(sheet as never, i, 0);
      expect(c.value).toBe(t);
      expect(c.formula).toBeUndefined();
    });
    // The new sheet comes after the existing ones, which are untouched.
    expect(grid.sheets.map((s) => s.name)).toEqual(['Kommunledning', 'Kommungemensamt', 'Kommunstyrelseförvaltning', 'Stadsrevisionen', 'Valnämnden', 'Kommentarer']);
  });

  it('writes numbers, booleans, empty cells and formulas as such', async () => {
    const out = path.join(dir, 'kinds.xlsx');
    await applyEdits(EXAMPLE, out, [
      edit('Kommunledning', 'H4', { value: -1078 }),
      edit('Kommunledning', 'H5', { value: true }),
      edit('Kommunledning', 'B4', { value: null }),
      edit('Kommunledning', 'H6', { value: null, formula: '=C6-D6' }),
    ]);
    const s = (await readWorkbookGrid(out)).sheets[0];
    const get = (a: string) => cellAt(s as never, (parseAddress(a) as { row: number }).row, (parseAddress(a) as { col: number }).col);
    expect(get('H4').value).toBe(-1078);
    expect(get('H5').value).toBe(true);
    expect(get('B4').value).toBeNull();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('Kommunledning')?.getCell('B4').numFmt).toBe('#,##0'); // the emptied cell keeps its format
    expect(get('H6')).toMatchObject({ value: 1212, formula: '=C6-D6' });
  });

  it('turns a shared formula into plain formulas before editing one of its cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    [
      [0, 0],
      [-2738, -2497],
      [-3968, -4666],
    ].forEach(([b, c], i) => {
      ws.getCell(i + 2, 2).value = b as number;
      ws.getCell(i + 2, 3).value = c as number;
    });
    ws.getCell('F2').value = { formula: '(C2/B2-1)*100', shareType: 'shared', ref: 'F2:F4', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('F3').value = { sharedFormula: 'F2', result: -8.80204528853178 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell('F4').value = { sharedFormula: 'F2', result: 17.590725806451623 } as ExcelJS.CellSharedFormulaValue;
    const src = path.join(dir, 'shared.xlsx');
    await wb.xlsx.writeFile(src);
    const out = path.join(dir, 'shared-fixed.xlsx');
    await applyEdits(src, out, [edit('Blad1', 'F2', { value: '', formula: '=IF(B2=0,"",(C2/B2-1)*100)' })]);
    const s = (await readWorkbookGrid(out)).sheets[0];
    expect(cellAt(s as never, 1, 5)).toMatchObject({ value: '', formula: '=IF(B2=0,"",(C2/B2-1)*100)' });
    expect(cellAt(s as never, 2, 5)).toEqual({ value: -8.80204528853178, formula: '=(C3/B3-1)*100' });
    expect(cellAt(s as never, 3, 5)).toEqual({ value: 17.590725806451623, formula: '=(C4/B4-1)*100' });
  });

  describe('refuses, leaving no output file', () => {
    it('the same path for input and output', async () => {
      const copy = path.join(dir, 'same.xlsx');
      fs.copyFileSync(EXAMPLE, copy);
      const hash = sha256(copy);
      await expect(applyEdits(copy, path.join(dir, '.', 'same.xlsx'), [])).rejects.toMatchObject({ problem: 'same-file' });
      const link = path.join(dir, 'link.xlsx');
      fs.linkSync(copy, link);
      await expect(applyEdits(copy, link, [])).rejects.toMatchObject({ problem: 'same-file' });
      expect(sha256(copy)).toBe(hash);
    });

    it('an output folder that does not exist', async () => {
      const out = path.join(dir, 'saknas', 'ut.xlsx');
      await expect(applyEdits(EXAMPLE, out, [])).rejects.toMatchObject({ problem: 'output-folder-missing' });
      expect(fs.existsSync(path.dirname(out))).toBe(false);
    });

    it('an input that is not a workbook, with no temporary file left behind', async () => {
      const bad = path.join(dir, 'bad.xlsx');
      fs.writeFileSync(bad, 'not a workbook');
      const sub = fs.mkdtempSync(path.join(dir, 'out-'));
      const out = path.join(sub, 'ut.xlsx');
      await expect(applyEdits(bad, out, [])).rejects.toThrow(XlsxFileError);
      expect(fs.readdirSync(sub)).toEqual([]);
    });
  });

  it('replaces an existing output file whole', async () => {
    const out = path.join(dir, 'replace.xlsx');
    fs.writeFileSync(out, 'old contents');
    await applyEdits(EXAMPLE, out, []);
    expect((await readWorkbookGrid(out)).sheets).toHaveLength(6); // five units and Kommentarer
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
