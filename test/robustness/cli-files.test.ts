/**
 * Files the command line cannot use, each tried with `check`, `fix`
 * and `comment`: one line on stderr in the language asked for, exit code 2,
 * nothing on stdout, no output file, and an output file that already existed
 * left byte for byte as it was (the copy is written to a temporary file and
 * renamed only when whole).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { makeCompoundFile, makeZip, sha256, tempDir, EXAMPLE } from '../xlsx/files';
import { googleSheetsStyleWorkbook, zipParts } from '../xlsx/packages';
import { readZipDirectory, type ZipEntry } from '../../src/xlsx/zip';
import { cli } from '../cli/run';

const dir = tempDir('avk-bad-');
afterAll(() => {
  fs.chmodSync(dir, 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';

/** A workbook whose only sheet is a chart sheet (Diagram1), as Excel writes one. */
function chartSheetOnly(): Buffer {
  return makeZip({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': ROOT_RELS,
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Diagram1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
    'xl/chartsheets/sheet1.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>',
  });
}

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A real workbook whose shared-strings part claims (in the zip's directory) to unpack to 3 GB. */
async function hugeSharedStrings(): Promise<Buffer> {
  const buf = await workbookBytes((wb) => {
    const ws = wb.addWorksheet('Blad1');
    ws.getCell('A1').value = 'Kommunledning';
  });
  const name = Buffer.from('xl/sharedStrings.xml');
  for (let p = buf.length - 46; p >= 0; p--) {
    if (buf.readUInt32LE(p) === 0x02014b50 && buf.subarray(p + 46, p + 46 + name.length).equals(name)) {
      buf.writeUInt32LE(0xc0000000, p + 24);
      return buf;
    }
  }
  throw new Error('no sharedStrings.xml in the package');
}

/** The parts of the Google-Sheets-style workbook, as text, to break one of them. */
function googleParts(): Record<string, string | Buffer> {
  const buf = googleSheetsStyleWorkbook();
  const parts: Record<string, string | Buffer> = {};
  for (const e of readZipDirectory(buf) as ZipEntry[]) {
    const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
    parts[e.name] = zlib.inflateRawSync(buf.subarray(start, start + e.compressedSize));
  }
  return parts;
}

/** The zip with the directory's uncompressed size of `part` set to `size`. */
function declaredSize(buf: Buffer, part: string, size: number): Buffer {
  const entry = (readZipDirectory(buf) as ZipEntry[]).find((e) => e.name === part) as ZipEntry;
  const at = buf.indexOf(entry.record);
  buf.writeUInt32LE(size, at + 24);
  return buf;
}

/** A sheet that inflates to 64 MB of spaces inside its root while the zip declares 2 KB: a zip bomb. */
function zipBomb(): Buffer {
  const parts = googleParts();
  const sheet = String(parts['xl/worksheets/sheet1.xml']);
  parts['xl/worksheets/sheet1.xml'] = Buffer.concat([Buffer.from(sheet.replace('</worksheet>', '')), Buffer.alloc(64 * 1024 * 1024, 32), Buffer.from('</worksheet>')]);
  return declaredSize(zipParts(parts), 'xl/worksheets/sheet1.xml', 2048);
}

/** The shared strings as an entity bomb (billion laughs) behind a DOCTYPE. */
function entityBomb(): Buffer {
  const parts = googleParts();
  const levels = Array.from({ length: 9 }, (_x, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
  parts['xl/worksheets/sheet1.xml'] = String(parts['xl/worksheets/sheet1.xml']).replace('<worksheet', `<!DOCTYPE worksheet [<!ENTITY l0 "ha">${levels}]><worksheet`).replace('KLFÖ', '&l9;');
  return zipParts(parts);
}

function brokenRelationship(target: string): Buffer {
  const parts = googleParts();
  parts['xl/_rels/workbook.xml.rels'] = String(parts['xl/_rels/workbook.xml.rels']).replace('worksheets/sheet1.xml', target);
  return zipParts(parts);
}

function file(name: string, data: Buffer): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, data);
  return f;
}

type Case = [label: string, make: () => Promise<string> | string, sv: string, en: string];

const CASES: Case[] = [
  ['a path that does not exist', () => path.join(dir, 'finns-inte.xlsx'), 'filen finns inte.', 'no such file.'],
  ['not a zip (a text file named .xlsx)', () => file('text.xlsx', Buffer.from('Detta är ingen arbetsbok.\n')), 'är ingen Excel-arbetsbok (.xlsx).', 'is not an Excel workbook (.xlsx).'],
  [
    'a .csv renamed .xlsx',
    () => file('export.xlsx', Buffer.from('RN3;2020 Bokslut;2021 Utfall\nKAI   Kommunikation;-50 786;-52 862\n', 'latin1')),
    'är ingen Excel-arbetsbok (.xlsx).',
    'is not an Excel workbook (.xlsx).',
  ],
  [
    'a truncated .xlsx',
    () => file('avkortad.xlsx', fs.readFileSync(EXAMPLE).subarray(0, 7000)),
    'filen är avkortad eller ofullständig; spara eller kopiera den på nytt.',
    'the file is truncated or incomplete',
  ],
  [
    'a password-protected .xlsx (an encrypted OLE container)',
    () => file('krypterad.xlsx', makeCompoundFile(true)),
    'filen är lösenordsskyddad (krypterad); spara en kopia utan lösenord.',
    'password-protected',
  ],
  ['an old binary .xls', () => file('gammal.xlsx', makeCompoundFile(false)), 'är en äldre binärfil (.xls); spara den som .xlsx i Excel.', '.xls'],
  [
    'an empty workbook (no sheets)',
    async () => file('inga-blad.xlsx', await workbookBytes(() => undefined)),
    'arbetsboken har inga kalkylblad (inga blad alls, eller bara diagramblad).',
    'the workbook has no worksheets',
  ],
  ['a workbook whose sheets hold no cell', async () => file('tom.xlsx', await workbookBytes((wb) => void wb.addWorksheet('Blad1'))), 'arbetsboken är tom; inget att granska.', 'the workbook is empty'],
  ['only chart sheets', () => file('diagram.xlsx', chartSheetOnly()), 'arbetsboken har inga kalkylblad (inga blad alls, eller bara diagramblad).', 'only chart sheets'],
  [
    'only hidden sheets',
    async () =>
      file(
        'dolda.xlsx',
        await workbookBytes((wb) => {
          const a = wb.addWorksheet('Kommunledning', { state: 'hidden' });
          a.getCell('A1').value = 'RN3';
          wb.addWorksheet('Data', { state: 'veryHidden' }).getCell('A1').value = 1;
        }),
      ),
    'alla blad i arbetsboken är dolda; visa minst ett blad i Excel och spara igen.',
    'every sheet of the workbook is hidden',
  ],
  ['a zip bomb (a sheet that inflates past the size its zip declares)', () => file('bomb.xlsx', zipBomb()), 'filen är skadad och kan inte läsas som .xlsx.', 'damaged'],
  [
    'a sheet of 1 GB',
    () => file('en-gigabyte.xlsx', declaredSize(googleSheetsStyleWorkbook(), 'xl/worksheets/sheet1.xml', 1024 ** 3)),
    'filen är för stor att läsa (en del av den packas upp till mer än 300 MB); dela upp arbetsboken.',
    'too large',
  ],
  ['an XML part with a DOCTYPE and nested entities (billion laughs)', () => file('entiteter.xlsx', entityBomb()), 'filen är skadad och kan inte läsas som .xlsx.', 'damaged'],
  ['a relationship that points nowhere', () => file('pekar-inte.xlsx', brokenRelationship('worksheets/finns-inte.xml')), 'filen är skadad och kan inte läsas som .xlsx.', 'damaged'],
  ['relationships in a circle (the sheet is the workbook itself)', () => file('cirkel.xlsx', brokenRelationship('workbook.xml')), 'filen är skadad och kan inte läsas som .xlsx.', 'damaged'],
  [
    'a shared-strings table that unpacks to 3 GB',
    async () => file('jattestor.xlsx', await hugeSharedStrings()),
    'filen är för stor att läsa (en del av den packas upp till mer än 300 MB); dela upp arbetsboken.',
    'too large',
  ],
];

describe('files the command line cannot use: one line, exit 2, no output, an old output untouched', () => {
  it.each(CASES)('%s', async (_label, make, sv, en) => {
    const input = await make();
    const check = await cli(['check', input]);
    expect(check).toEqual({ code: 2, stdout: '', stderr: `${input}: ${sv}\n` });
    const english = await cli(['check', input, '--lang', 'en']);
    expect(english.code).toBe(2);
    expect(english.stderr.split('\n')).toHaveLength(2);
    expect(english.stderr).toContain(en);

    // fix over an existing output: refused, and the old file is as it was.
    const old = path.join(dir, `gammal-utfil-${path.basename(input)}`);
    fs.copyFileSync(EXAMPLE, old);
    const before = sha256(old);
    const fix = await cli(['fix', input, '-o', old]);
    expect(fix).toEqual({ code: 2, stdout: '', stderr: `${input}: ${sv}\n` });
    expect(sha256(old)).toBe(before);

    // comment to a new output: refused, and no file appears.
    const out = path.join(dir, `ny-utfil-${path.basename(input)}`);
    const comment = await cli(['comment', input, '-o', out]);
    expect(comment).toEqual({ code: 2, stdout: '', stderr: `${input}: ${sv}\n` });
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a very large but real shared-strings table (30 000 distinct texts) is read and checked', async () => {
    const big = file(
      'manga-texter.xlsx',
      await workbookBytes((wb) => {
        const ws = wb.addWorksheet('Kommunstyrelseförvaltning');
        ws.addRow(['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021']);
        ws.addRow(['KAI   Kommunikation', -50786, -52862, -57489, 4626, 4.1]);
        ws.addRow(['KEK   Ekonomiavdelningen', -59273, -57199, -56121, -1178, -3.5]);
        const notes = wb.addWorksheet('Anteckningar');
        for (let i = 0; i < 30_000; i++) notes.getCell(i + 1, 1).value = `Verifikation ${i} – ${'x'.repeat(i % 40)}`;
      }),
    );
    const r = await cli(['check', big, '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { findings: { rule: string; cell: string }[] };
    expect(json.findings.map((f) => `${f.rule}@${f.cell}`)).toContain('variance-mismatch@E3');
  }, 60_000);
});

describe('outputs the command line cannot write: one line, exit 2, nothing written', () => {
  it('an output folder that does not exist', async () => {
    const out = path.join(dir, 'saknas', 'ut.xlsx');
    for (const command of ['fix', 'comment']) {
      expect(await cli([command, EXAMPLE, '-o', out])).toEqual({ code: 2, stdout: '', stderr: `${out}: mappen för utfilen finns inte.\n` });
    }
    expect(fs.existsSync(path.join(dir, 'saknas'))).toBe(false);
  });

  it('an output folder that cannot be written to (read-only; as root, /sys)', async () => {
    const readonly = path.join(dir, 'skrivskyddad');
    fs.mkdirSync(readonly);
    fs.chmodSync(readonly, 0o555);
    // root may write anywhere on an ordinary file system; /sys refuses even root.
    const folder = process.getuid?.() === 0 ? '/sys' : readonly;
    const out = path.join(folder, 'ut.xlsx');
    for (const command of ['fix', 'comment']) {
      expect(await cli([command, EXAMPLE, '-o', out])).toEqual({ code: 2, stdout: '', stderr: `${out}: mappen för utfilen går inte att skriva i (skrivskyddad eller saknar behörighet).\n` });
    }
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(readonly)).toEqual([]);
    fs.chmodSync(readonly, 0o755);
  });

  it('the same path for input and output, also spelled differently or through a link: the input is untouched', async () => {
    const input = path.join(dir, 'kommunstyrelsen.xlsx');
    fs.copyFileSync(EXAMPLE, input);
    const link = path.join(dir, 'lanken.xlsx');
    fs.symlinkSync(input, link);
    const before = sha256(input);
    for (const out of [input, path.join(dir, '.', 'kommunstyrelsen.xlsx'), link]) {
      for (const command of ['fix', 'comment']) {
        const r = await cli([command, input, '-o', out]);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/: utfilen får inte vara samma fil som infilen\.\n$/);
        expect(r.stderr.split('\n')).toHaveLength(2);
      }
    }
    expect(sha256(input)).toBe(before);
  });

  it('an output path that is a folder', async () => {
    const folder = path.join(dir, 'en-mapp.xlsx');
    fs.mkdirSync(folder);
    expect(await cli(['fix', EXAMPLE, '-o', folder])).toEqual({ code: 2, stdout: '', stderr: `${folder}: är en mapp, inte en fil.\n` });
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});
