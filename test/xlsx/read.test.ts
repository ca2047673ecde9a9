import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../../src/engine/check';
import { cellAt, isBlank, parseAddress, type SheetGrid } from '../../src/engine/grid';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { XlsxFileError } from '../../src/xlsx/file';
import { evaluateFormula } from '../../src/formula/evaluate';
import { EXAMPLE, makeCompoundFile, makeZip, tempDir } from './files';

function at(sheet: SheetGrid | undefined, address: string) {
  const p = parseAddress(address);
  if (sheet === undefined || p === undefined) throw new Error(`no cell ${address}`);
  return cellAt(sheet, p.row, p.col);
}

async function write(wb: ExcelJS.Workbook, dir: string, name: string): Promise<string> {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('readWorkbookGrid on the example workbook', () => {
  it('reads the KLFÖ row as an economist sees it: zeros, and #DIV/0! from the change formula', async () => {
    const grid = await readWorkbookGrid(EXAMPLE);
    expect(grid.sheets.map((s) => s.name)).toEqual(['Kommunledning', 'Kommungemensamt', 'Kommunstyrelseförvaltning', 'Stadsrevisionen', 'Valnämnden', 'Kommentarer']);
    const kl = grid.sheets[0];
    expect(at(kl, 'A5').value).toBe('KLFÖ  Kommunledn Fördelning');
    expect(at(kl, 'B5')).toEqual({ value: 0, numberFormat: '#,##0' });
    expect(at(kl, 'F5')).toEqual({ value: null, error: 'DIV_BY_ZERO', formula: '=(C5/B5-1)*100', numberFormat: '0.0' });
    expect(at(kl, 'F3').value).toBe('Förändr%\n2020 o 2022');
    expect(at(kl, 'B20').formula).toBe('=SUM(B4:B18)');
    expect(at(kl, 'F4').numberFormat).toBe('0.0');
  });

  it('keeps a formula result of 0 (exceljs drops it from cell.value but not from cell.result)', async () => {
    // KLPS: Utfall −6 548, Budget −6 548, so Avv =C13-D13 is 0.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(EXAMPLE);
    const raw = wb.getWorksheet('Kommunledning')?.getCell('E13');
    expect(raw?.formula).toBe('C13-D13');
    expect((raw?.value as ExcelJS.CellFormulaValue).result).toBeUndefined(); // the pitfall
    const grid = await readWorkbookGrid(EXAMPLE);
    expect(at(grid.sheets[0], 'E13')).toEqual({ value: 0, formula: '=C13-D13', numberFormat: '#,##0' });
    // And the checks do not take that 0 for a missing value.
    const result = checkWorkbook(grid);
    expect(result.findings.filter((f) => f.sheet === 'Kommunledning' && f.cell === 'E13')).toEqual([]);
  });
});

describe('readWorkbookGrid on workbooks with odd contents', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('evaluates simple formulas that carry no cached result, and leaves others unknown but never blank', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    ws.getCell('B2').value = -2208;
    ws.getCell('C2').value = -1488;
    ws.getCell('D2').value = -1490;
    ws.getCell('E2').value = { formula: 'C2-D2' } as ExcelJS.CellFormulaValue;
    ws.getCell('F2').value = { formula: '(C2/B2-1)*100' } as ExcelJS.CellFormulaValue;
    ws.getCell('B3').value = 0;
    ws.getCell('C3').value = 0;
    ws.getCell('F3').value = { formula: 'IF(B3=0,"",(C3/B3-1)*100)' } as ExcelJS.CellFormulaValue;
    ws.getCell('G3').value = { formula: '(C3/B3-1)*100' } as ExcelJS.CellFormulaValue;
    ws.getCell('E4').value = { formula: 'SUM(E2:E3)+E5' } as ExcelJS.CellFormulaValue;
    ws.getCell('E5').value = { formula: 'E2*2' } as ExcelJS.CellFormulaValue;
    ws.getCell('H2').value = { formula: 'VLOOKUP(A1,Blad2!A:B,2,FALSE)' } as ExcelJS.CellFormulaValue;
    ws.getCell('H3').value = { formula: 'H3+1' } as ExcelJS.CellFormulaValue; // a cycle
    const file = await write(wb, dir, 'uncached.xlsx');
    const s = (await readWorkbookGrid(file)).sheets[0];
    expect(at(s, 'E2').value).toBe(2);
    expect(at(s, 'F2').value).toBeCloseTo(-32.6087, 3);
    expect(at(s, 'F3')).toMatchObject({ value: '', formula: '=IF(B3=0,"",(C3/B3-1)*100)' });
    expect(at(s, 'G3')).toMatchObject({ value: null, error: 'DIV_BY_ZERO' });
    expect(at(s, 'E5').value).toBe(4);
    expect(at(s, 'E4').value).toBe(6);
    for (const a of ['H2', 'H3']) {
      expect(at(s, a).value).toBeNull();
      expect(at(s, a).error).toBeUndefined();
      expect(isBlank(at(s, a))).toBe(false);
    }
  });

  it('reads every Swedish name whole in a long sheet, wherever the reader’s pieces of text end', async () => {
    // Well over the pieces the reader decodes at a time: characters of two bytes (å, ä, ö) and of three (–) fall on their edges.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Nämnder');
    const names: string[] = [];
    for (let r = 1; r <= 3000; r++) {
      const name = `${r} Förskoleförvaltningen – Älvsjö/Årsta område ${'å'.repeat(r % 7)}`;
      names.push(name);
      ws.getCell(r, 1).value = name;
      ws.getCell(r, 2).value = { richText: [{ text: 'Utfall ' }, { font: { bold: true }, text: `ökning ${r} tkr` }] };
      ws.getCell(r, 3).value = -r * 1000.5;
    }
    const file = await write(wb, dir, 'long-swedish.xlsx');
    const s = (await readWorkbookGrid(file)).sheets[0];
    for (let r = 1; r <= 3000; r++) {
      expect(s?.cells[r - 1]?.[0]?.value).toBe(names[r - 1]);
      expect(s?.cells[r - 1]?.[1]?.value).toBe(`Utfall ökning ${r} tkr`);
      expect(s?.cells[r - 1]?.[2]?.value).toBe(-r * 1000.5);
    }
  });

  it('resolves shared formulas to each cell’s own formula', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    [
      [-3495, -3170],
      [-2738, -2497],
      [-3968, -4666],
    ].forEach(([b, c], i) => {
      ws.getCell(i + 2, 2).value = b as number;
      ws.getCell(i + 2, 3).value = c as number;
    });
    ws.getCell('F2').value = { formula: '(C2/B2-1)*100', shareType: 'shared', ref: 'F2:F4', result: -9.3 } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('F3').value = { sharedFormula: 'F2', result: -8.8 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell('F4').value = { sharedFormula: 'F2', result: 17.6 } as ExcelJS.CellSharedFormulaValue;
    const s = (await readWorkbookGrid(await write(wb, dir, 'shared.xlsx'))).sheets[0];
    expect(at(s, 'F3')).toEqual({ value: -8.8, formula: '=(C3/B3-1)*100' });
    expect(at(s, 'F4')).toEqual({ value: 17.6, formula: '=(C4/B4-1)*100' });
  });

  it('reads dates as serial numbers, rich text and hyperlinks as plain text, error values and pasted error text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    ws.getCell('A1').value = new Date(Date.UTC(2021, 11, 31));
    ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    ws.getCell('A2').value = { richText: [{ text: 'KAI   ', font: { bold: true } }, { text: 'Kommunikation' }] };
    ws.getCell('A3').value = { text: 'Årsberättelse', hyperlink: 'https://www.orebro.se' };
    ws.getCell('A4').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    ws.getCell('A5').value = '#DIVISION/0!';
    ws.getCell('A6').value = true;
    const s = (await readWorkbookGrid(await write(wb, dir, 'kinds.xlsx'))).sheets[0];
    expect(at(s, 'A1')).toEqual({ value: 44561, numberFormat: 'yyyy-mm-dd' });
    expect(at(s, 'A2').value).toBe('KAI   Kommunikation');
    expect(at(s, 'A3').value).toBe('Årsberättelse');
    expect(at(s, 'A4')).toEqual({ value: null, error: 'NA' });
    expect(at(s, 'A5')).toEqual({ value: '#DIVISION/0!', error: 'DIV_BY_ZERO', errorIsText: true });
    expect(at(s, 'A6').value).toBe(true);
  });

  it('reports hidden sheets, rows and columns, and leaves the covered cells of a merge empty', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Synlig');
    ws.getCell('A1').value = 'Kommunledning';
    ws.mergeCells('A1:F1');
    ws.getCell('A3').value = 'dold rad';
    ws.getRow(3).hidden = true;
    ws.getCell('A5').value = 'också dold';
    ws.getRow(5).hidden = true;
    ws.getColumn(2).hidden = true;
    const hidden = wb.addWorksheet('Dold');
    hidden.state = 'hidden';
    hidden.getCell('A1').value = 1;
    const grid = await readWorkbookGrid(await write(wb, dir, 'hidden.xlsx'));
    const s = grid.sheets[0] as SheetGrid;
    expect(s.hidden).toBe(false);
    expect(s.hiddenRows).toEqual([2, 4]);
    expect(s.hiddenColumns).toEqual([1]);
    expect(at(s, 'A1').value).toBe('Kommunledning');
    expect(isBlank(at(s, 'B1'))).toBe(true);
    expect(grid.sheets[1]?.hidden).toBe(true);
  });

  it('reads an empty workbook as sheets without cells', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Blad1');
    const grid = await readWorkbookGrid(await write(wb, dir, 'empty.xlsx'));
    expect(grid.sheets).toHaveLength(1);
    expect(checkWorkbook(grid).tables).toEqual([]);
  });

  describe('files that are not readable workbooks', () => {
    const cases: [string, () => string, string][] = [
      ['a missing path', () => path.join(dir, 'finns-inte.xlsx'), 'not-found'],
      ['a folder', () => dir, 'is-directory'],
      ['an empty file', () => file('tom.xlsx', Buffer.alloc(0)), 'empty-file'],
      ['a text file named .xlsx', () => file('text.xlsx', Buffer.from('Kommunledning;-3 495;-3 170\n')), 'not-xlsx'],
      ['a zip that is not a workbook', () => file('annat.xlsx', makeZip({ 'readme.txt': 'hej' })), 'not-xlsx'],
      ['a truncated workbook', () => file('avkortad.xlsx', fs.readFileSync(EXAMPLE).subarray(0, 4000)), 'truncated'],
      ['a password-protected workbook', () => file('krypterad.xlsx', makeCompoundFile(true)), 'encrypted'],
      ['an old .xls', () => file('gammal.xlsx', makeCompoundFile(false)), 'legacy-binary'],
    ];
    function file(name: string, data: Buffer): string {
      const f = path.join(dir, name);
      fs.writeFileSync(f, data);
      return f;
    }
    it.each(cases)('%s is an XlsxFileError with its reason', async (_label, make, problem) => {
      const f = make();
      await expect(readWorkbookGrid(f)).rejects.toThrow(XlsxFileError);
      await expect(readWorkbookGrid(f)).rejects.toMatchObject({ problem, file: f });
    });
  });
});

describe('evaluateFormula', () => {
  const values: Record<string, number | string | null> = { B5: -2296, C5: 5055, D5: -3495, B6: 0, C6: 0, A1: 'text' };
  const lookup = (row: number, col: number, sheet?: string) => {
    if (sheet !== undefined) return sheet === 'Blad 2' && row === 0 && col === 0 ? 42 : undefined;
    const key = String.fromCharCode(65 + col) + String(row + 1);
    return key in values ? (values[key] as number | string | null) : null;
  };
  it.each([
    ['=C5-D5', 8550],
    ['=(C5/B5-1)*100', (5055 / -2296 - 1) * 100],
    ['=IF(B6=0,"e.j.",(C6/B6-1)*100)', 'e.j.'],
    ['=IFERROR((C6/B6-1)*100,"")', ''],
    ['=IF(OR(B5=0,B5*C5<0),"–",(C5/B5-1)*100)', '–'],
    ['=SUM(B5:D5)', -2296 + 5055 - 3495],
    ['=ROUND(C5/1000,1)', 5.1],
    ['=-2^2', 4],
    ['=50%', 0.5],
    ['=A1&"!"', 'text!'],
  ])('%s', (formula, expected) => {
    expect(evaluateFormula(formula, lookup)).toEqual(expected);
  });
  it('gives #DIV/0! for a division by an empty or zero cell', () => {
    expect(evaluateFormula('=(C6/B6-1)*100', lookup)).toEqual({ error: 'DIV_BY_ZERO' });
  });
  it('looks a reference on another sheet up on that sheet', () => {
    expect(evaluateFormula("='Blad 2'!A1*2", lookup)).toBe(84);
  });

  it('gives up on what it does not know', () => {
    expect(evaluateFormula('=VLOOKUP(A1,B:C,2,0)', lookup)).toBeUndefined();
    expect(evaluateFormula("='Blad 3'!A1", lookup)).toBeUndefined();
    expect(evaluateFormula('=Budget2021', lookup)).toBeUndefined();
  });
});
