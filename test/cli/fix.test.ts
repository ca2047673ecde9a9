import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import type { FileJson } from '../../src/cli/report';
import { cellAt } from '../../src/engine/grid';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { EXAMPLE, sha256, tempDir } from '../xlsx/files';
import { cli } from './run';

describe('fix', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a copy where KLFÖ’s #DIV/0! is guarded, and leaves the input as it was', async () => {
    const hash = sha256(EXAMPLE);
    const out = path.join(dir, 'rattad.xlsx');
    const r = await cli(['fix', EXAMPLE, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`Skrev ${out}: 1 celler ändrade.\n  Kommunledning!F5: =(C5/B5-1)*100 → =IF(B5=0,"",(C5/B5-1)*100)\n`);
    expect(sha256(EXAMPLE)).toBe(hash);
    const fixed = await cli(['check', out, '--json']);
    const json = JSON.parse(fixed.stdout) as FileJson;
    expect(json.findings.filter((f) => f.rule === 'div0')).toEqual([]);
    expect(fixed.code).toBe(0); // the only error-severity finding was the #DIV/0!
  });

  it('uses the marker, and with --meaningless guards the sign-flip rows too', async () => {
    const out = path.join(dir, 'ej.xlsx');
    const r = await cli(['fix', EXAMPLE, '-o', out, '--marker', 'e.j.', '--meaningless']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Kommungemensamt!F4: =(C4/B4-1)*100 → =IF(OR(B4=0,B4*C4<0),"e.j.",(C4/B4-1)*100)');
    const grid = await readWorkbookGrid(out);
    const kg = grid.sheets.find((s) => s.name === 'Kommungemensamt');
    expect(kg && cellAt(kg, 3, 5).value).toBe('e.j.'); // KGAMT −2 296 → 5 055
    expect(kg && cellAt(kg, 4, 5).value).toBeCloseTo((85753 / 84172 - 1) * 100, 9); // KGBR untouched
  });

  it('writes an unchanged copy when there is nothing to fix', async () => {
    const src = path.join(dir, 'redan-rattad.xlsx');
    await cli(['fix', EXAMPLE, '-o', src]);
    const out = path.join(dir, 'igen.xlsx');
    const r = await cli(['fix', src, '-o', out]);
    expect(r).toEqual({ code: 0, stdout: `Skrev ${out}: inget att rätta, kopian är oförändrad.\n`, stderr: '' });
  });

  it('refuses to overwrite its input, and writes nothing', async () => {
    const copy = path.join(dir, 'kopia.xlsx');
    fs.copyFileSync(EXAMPLE, copy);
    const hash = sha256(copy);
    const r = await cli(['fix', copy, '-o', path.join(dir, '.', 'kopia.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${path.join(dir, 'kopia.xlsx')}: utfilen får inte vara samma fil som infilen.\n`);
    expect(sha256(copy)).toBe(hash);
  });

  it('reports a missing output folder in one line and creates nothing', async () => {
    const out = path.join(dir, 'saknas', 'ut.xlsx');
    const r = await cli(['fix', EXAMPLE, '-o', out]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${out}: mappen för utfilen finns inte.\n` });
    expect(fs.existsSync(path.join(dir, 'saknas'))).toBe(false);
  });

  it('leaves no output file for an unreadable input or a workbook without tables', async () => {
    const bad = path.join(dir, 'trasig.xlsx');
    fs.writeFileSync(bad, fs.readFileSync(EXAMPLE).subarray(0, 3000));
    const out = path.join(dir, 'ut-trasig.xlsx');
    const r = await cli(['fix', bad, '-o', out]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${bad}: filen är avkortad eller ofullständig; spara eller kopiera den på nytt.\n` });
    expect(fs.existsSync(out)).toBe(false);

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Blad1').getCell('A1').value = 'Inget här';
    const empty = path.join(dir, 'utan-tabeller.xlsx');
    await wb.xlsx.writeFile(empty);
    const out2 = path.join(dir, 'ut-tom.xlsx');
    const r2 = await cli(['fix', empty, '-o', out2]);
    expect(r2).toEqual({ code: 0, stdout: `${empty}: Inga tabeller hittades.\n`, stderr: '' });
    expect(fs.existsSync(out2)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('needs exactly one input and an output', async () => {
    expect(await cli(['fix', EXAMPLE])).toMatchObject({ code: 2, stderr: 'Ange utfilen med -o UT.xlsx. Skriv ”avvikelsekollen --help” för hjälp.\n' });
    expect(await cli(['fix', '-o', path.join(dir, 'x.xlsx')])).toMatchObject({ code: 2 });
    expect(await cli(['fix', EXAMPLE, EXAMPLE, '-o', path.join(dir, 'x.xlsx')])).toMatchObject({ code: 2 });
  });
});
