import { spawn, spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import type { FileJson } from '../../src/cli/report';
import { EXAMPLE, makeCompoundFile, tempDir } from '../xlsx/files';
import { printable } from '../../src/cli/command';
import { cli, cliProcess, ROOT } from './run';

const EXAMPLE_ARG = 'examples/kommunstyrelsen-2021.xlsx';
const GOLDEN = path.join(ROOT, 'test', 'fixtures', 'check-example.json');

describe('check --json on the example workbook', () => {
  it('matches the golden file (regenerate deliberately with UPDATE_GOLDEN=1)', async () => {
    const r = await cli(['check', EXAMPLE_ARG, '--json']);
    const actual = JSON.parse(r.stdout) as FileJson;
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
    const expected = JSON.parse(fs.readFileSync(GOLDEN, 'utf8')) as FileJson;
    expect(actual).toEqual(expected);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  });

  it('has the documented shape: nine tables with their columns, findings with rule, cell and values', async () => {
    const r = await cli(['check', EXAMPLE_ARG, '--json']);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout) as FileJson;
    expect(Object.keys(out)).toEqual(['file', 'tables', 'findings', 'approved']);
    expect(out.file).toBe(EXAMPLE_ARG);
    expect(out.tables[0]).toEqual({
      sheet: 'Kommunledning',
      range: 'A3:F20',
      kind: 'rn',
      level: 'RN3',
      columns: { previous: 'B', actual: 'C', budget: 'D', variance: 'E', change: 'F' },
      rows: 15,
      convention: 'costs-negative',
      unit: 'tkr',
    });
    expect(out.tables.map((t) => `${t.sheet} ${t.kind} ${t.rows}`)).toEqual([
      'Kommunledning rn 15',
      'Kommunledning kontogrupp 6',
      'Kommungemensamt rn 17',
      'Kommungemensamt kontogrupp 6',
      'Kommunstyrelseförvaltning rn 13',
      'Kommunstyrelseförvaltning kontogrupp 6',
      'Stadsrevisionen kontogrupp 5',
      'Valnämnden rn 1',
      'Valnämnden kontogrupp 6',
    ]);
    for (const f of out.findings) expect(Object.keys(f)).toEqual(['rule', 'severity', 'sheet', 'cell', 'message', 'expected', 'actual']);
    // The seed's own problems are found where they are.
    const at = (sheet: string, cell: string) => out.findings.filter((f) => f.sheet === sheet && f.cell === cell).map((f) => f.rule);
    expect(at('Kommunledning', 'F5')).toContain('div0');
    expect(at('Kommunledning', 'F3')).toContain('header-year');
    expect(at('Kommungemensamt', 'F11')).toContain('missing-value'); // KGHR
    expect(at('Kommungemensamt', 'F4')).toContain('sign-flip'); // KGAMT −2 296 → 5 055
    expect(at('Valnämnden', 'F10')).toContain('tiny-base'); // 0 → 1 184
    // Recomputed Avv (KLMP 416 where the report printed 417) is exact, not a finding.
    expect(out.findings.filter((f) => f.rule === 'variance-mismatch')).toEqual([]);
  });
});

describe('check, the readable report', () => {
  it('reports per sheet and table in Swedish, with Swedish number format, and exits 1 on errors', async () => {
    const r = await cli(['check', EXAMPLE_ARG]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(EXAMPLE_ARG);
    expect(lines).toContain('  Kommunledning');
    expect(lines).toContain('    RN3-tabell A3:F20, 15 rader');
    expect(r.stdout).toMatch(/F5 +Fel +Division med noll/);
    // −2 296 with a real minus and a non-breaking space; a change % with a decimal comma.
    expect(r.stdout).toContain('Bokslut (\u22122\u00a0296) och Utfall (5\u00a0055)');
    expect(r.stdout).toContain('faktiskt \u2212320,2\u00a0%');
    expect(lines[lines.length - 2]).toMatch(/^examples\/kommunstyrelsen-2021\.xlsx: 9 tabeller, 75 rader – 1 fel, \d+ varningar, \d+ info\.$/);
  });

  it('speaks English with --lang en', async () => {
    const r = await cli(['check', EXAMPLE_ARG, '--lang', 'en']);
    expect(r.stdout).toContain('    RN3 table A3:F20, 15 rows');
    expect(r.stdout).toMatch(/F5 +Error +/);
    expect(r.stdout).toContain('-320.2\u00a0%');
  });

  it('checks only the sheets named with --sheet', async () => {
    const r = await cli(['check', EXAMPLE_ARG, '--json', '--sheet', 'Valnämnden', '--sheet', 'Stadsrevisionen']);
    const out = JSON.parse(r.stdout) as FileJson;
    expect([...new Set(out.tables.map((t) => t.sheet))]).toEqual(['Stadsrevisionen', 'Valnämnden']);
    expect(r.code).toBe(0); // no error-severity finding on those two sheets
    const missing = await cli(['check', EXAMPLE_ARG, '--sheet', 'Finns inte']);
    expect(missing.stderr).toBe(`${EXAMPLE_ARG}: bladet ”Finns inte” finns inte.\n`);
  });
});

describe('check on several files and on files it cannot read', () => {
  const dir = tempDir();
  const emptyBook = path.join(dir, 'tom-bok.xlsx');
  const clean = path.join(dir, 'ren.xlsx');
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Blad1').getCell('A1').value = 'Anteckningar';
    await wb.xlsx.writeFile(emptyBook);
    // One consistent kontogrupp table: nothing to report.
    const ok = new ExcelJS.Workbook();
    const ws = ok.addWorksheet('Stadsrevisionen');
    ws.addRow(['KONTOGRUPP SUM', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021']);
    ws.addRow(['4     Inköp tillg o vhet samt bidrag', -52, -57, -53, { formula: 'C2-D2', result: -4 }, { formula: '(C2/B2-1)*100', result: (57 / 52 - 1) * 100 }]);
    ws.addRow(['5     Personalkostnader', -1111, -1185, -1394, { formula: 'C3-D3', result: 209 }, { formula: '(C3/B3-1)*100', result: (1185 / 1111 - 1) * 100 }]);
    ws.addRow([]);
    ws.addRow([
      null,
      { formula: 'SUM(B2:B3)', result: -1163 },
      { formula: 'SUM(C2:C3)', result: -1242 },
      { formula: 'SUM(D2:D3)', result: -1447 },
      { formula: 'SUM(E2:E3)', result: 205 },
      { formula: '(C5/B5-1)*100', result: (1242 / 1163 - 1) * 100 },
    ]);
    await ok.xlsx.writeFile(clean);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('says "Inga tabeller hittades" and exits 0 for a workbook without tables', async () => {
    const r = await cli(['check', emptyBook]);
    expect(r).toEqual({ code: 0, stdout: `${emptyBook}: Inga tabeller hittades.\n`, stderr: '' });
  });

  it('exits 0 for a workbook whose tables are consistent', async () => {
    const r = await cli(['check', clean, '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as FileJson).findings).toEqual([]);
  });

  it('prints one JSON object per line for several files, and exits 2 when one cannot be read', async () => {
    const bad = path.join(dir, 'krypterad.xlsx');
    fs.writeFileSync(bad, makeCompoundFile(true));
    const r = await cli(['check', EXAMPLE_ARG, bad, clean, '--json']);
    const objects = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as FileJson);
    expect(objects.map((o) => o.file)).toEqual([EXAMPLE_ARG, clean]);
    expect(r.stderr).toBe(`${bad}: filen är lösenordsskyddad (krypterad); spara en kopia utan lösenord.\n`);
    expect(r.code).toBe(2);
  });

  it('shows progress on stderr only on a terminal and only for several files', async () => {
    const tty = await cli(['check', clean, emptyBook], { tty: true });
    expect(tty.stderr).toContain('[2/2]');
    expect(tty.stdout).not.toContain('[1/2]');
    const pipe = await cli(['check', clean, emptyBook]);
    expect(pipe.stderr).toBe('');
    const single = await cli(['check', clean], { tty: true });
    expect(single.stderr).toBe('');
  });

  it.each([
    ['a text file', 'text.xlsx', Buffer.from('KLC;-3 495\n'), 'är ingen Excel-arbetsbok (.xlsx).'],
    ['a truncated workbook', 'avkortad.xlsx', fs.readFileSync(EXAMPLE).subarray(0, 5000), 'filen är avkortad eller ofullständig; spara eller kopiera den på nytt.'],
    ['an encrypted workbook', 'krypterad2.xlsx', makeCompoundFile(true), 'filen är lösenordsskyddad (krypterad); spara en kopia utan lösenord.'],
  ])('%s: one line on stderr, exit 2', async (_label, name, data, message) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, data);
    const r = await cli(['check', f]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${f}: ${message}\n` });
  });

  it('a missing file, as a real process: one line, exit 2, no stack trace', () => {
    const r = cliProcess(['check', 'finns-inte.xlsx']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'finns-inte.xlsx: filen finns inte.\n' });
  });

  it('a reader that stops early (like `| head -1`), as a real process: the report stops quietly, no stack trace', async () => {
    const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    // More report than a pipe holds (64 KB), so writes go on after the reader has gone.
    const files = Array.from({ length: 30 }, () => EXAMPLE_ARG);
    const child = spawn(process.execPath, [tsx, 'src/cli/main.ts', 'check', ...files], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const firstLine = await new Promise<string>((resolve) => {
      let text = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
        const end = text.indexOf('\n');
        if (end < 0) return;
        // The reader goes away, as `head -1` does: the pipe's read end is closed.
        child.stdout.destroy();
        resolve(text.slice(0, end + 1));
      });
    });
    await new Promise((resolve) => child.once('close', resolve));
    expect(firstLine).toBe('examples/kommunstyrelsen-2021.xlsx\n');
    expect(stderr).toBe('');
  });

  it('bad usage: one line, exit 2', async () => {
    expect(await cli(['check'])).toMatchObject({ code: 2, stderr: 'Ange minst en fil. Skriv ”avvikelsekollen --help” för hjälp.\n' });
    expect(await cli(['granska', EXAMPLE_ARG])).toMatchObject({ code: 2, stderr: 'Okänt kommando ”granska”. Skriv ”avvikelsekollen --help” för hjälp.\n' });
    expect(await cli(['check', EXAMPLE_ARG, '--lang', 'de'])).toMatchObject({ code: 2, stderr: 'Okänt språk ”de” (sv eller en). Skriv ”avvikelsekollen --help” för hjälp.\n' });
    expect((await cli(['--help'])).stdout).toContain('avvikelsekollen check FIL.xlsx|MAPP...');
  });
});

describe('check on a folder of submissions', () => {
  it('checks every workbook in the folder, in name order, skipping Excel lock files and other files', async () => {
    const dir = tempDir();
    for (const name of ['Östra.xlsx', 'Anna.xlsx', 'Bo.XLSX', '~$Anna.xlsx', 'notes.txt']) {
      fs.copyFileSync(path.join(ROOT, EXAMPLE_ARG), path.join(dir, name));
    }
    const r = await cli(['check', dir, '--json']);
    const files = r.stdout
      .trim()
      .split('\n')
      .map((l) => path.basename((JSON.parse(l) as FileJson).file));
    expect(files).toEqual(['Anna.xlsx', 'Bo.XLSX', 'Östra.xlsx']);
    expect(r.code).toBe(1);
  });

  it('says so, in one line and with exit code 2, when the folder holds no workbook', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'inga tabeller här');
    const r = await cli(['check', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([`${dir}: mappen innehåller inga .xlsx-filer.`]);
  });
});

describe('check shows cell text safely on a terminal', () => {
  it('never passes an escape character from a workbook to the terminal', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    ws.addRow(['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021']);
    ws.addRow(['KAI   Kommunikation\u001b[2J\u001b[31m', -50786, -52862, -57489, 9999, 4.1]);
    const file = path.join(tempDir(), 'escape.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await cli(['check', file]);
    expect(r.stdout).toContain('Avvikelsen stämmer inte');
    expect(r.stdout).not.toContain('\u001b');
    const json = await cli(['check', file, '--json']);
    expect(JSON.parse(json.stdout).findings.length).toBeGreaterThan(0);
  });

  it('replaces control characters but keeps line breaks, tabs and Swedish letters', () => {
    expect(printable('KAI\u001b[31m Kommunikation\u0007\r')).toBe('KAI\ufffd[31m Kommunikation\ufffd\ufffd');
    expect(printable('Förändr%\n2020 o 2021\tÅÄÖ −1 078')).toBe('Förändr%\n2020 o 2021\tÅÄÖ −1 078');
  });
});

describe('check on several files in worker threads', () => {
  it('the shipped command line (build/, compiled by npm install) prints what one thread prints, in the same order', async () => {
    const built = path.join(ROOT, 'build', 'cli', 'check-worker.js');
    expect(fs.existsSync(built)).toBe(true); // `npm install` compiles it (the prepare script)
    const dir = tempDir('avk-parallel-');
    try {
      fs.copyFileSync(EXAMPLE, path.join(dir, 'a-kommunstyrelsen.xlsx'));
      fs.writeFileSync(path.join(dir, 'b-trasig.xlsx'), 'ingen arbetsbok');
      fs.copyFileSync(EXAMPLE, path.join(dir, 'c-kopia.xlsx'));
      fs.copyFileSync(EXAMPLE, path.join(dir, 'ö-sist.xlsx'));
      for (const args of [[dir], [dir, '--json']]) {
        const inProcess = await cli(['check', ...args]);
        const shipped = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'avvikelsekollen.js'), 'check', ...args], { cwd: ROOT, encoding: 'utf8' });
        expect({ code: shipped.status, stdout: shipped.stdout, stderr: shipped.stderr }).toEqual(inProcess);
        expect(inProcess.code).toBe(2);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
