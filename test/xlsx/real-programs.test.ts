/**
 * Workbooks as Excel 365, Google Sheets, openpyxl and LibreOffice write them
 * (test/xlsx/packages.ts): the grid `check` reads, and copies from `fix` and
 * `comment` that change only the parts they must (every other zip entry
 * compared byte for byte with the input's), and that LibreOffice opens and
 * recalculates without the error the fix removed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { checkWorkbook } from '../../src/engine/check';
import { cellAt, parseAddress, type SheetGrid, type WorkbookGrid } from '../../src/engine/grid';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { applyEdits } from '../../src/xlsx/write';
import { elementsOf } from '../../src/xlsx/xml-edit';
import { inflateEntry, readZipDirectory, type ZipEntry } from '../../src/xlsx/zip';
import { readZipEntry, tempDir } from './files';
import { describeWithProgram } from '../helpers/programs';
import { gridValues, libreOfficeValues, recalculateWithLibreOffice, SOFFICE } from './libreoffice';
import { excelStyleWorkbook, FIRST, googleSheetsStyleWorkbook, openpyxlStyleWorkbook, strictWorkbook, SUM_ROW, zipParts } from './packages';

const dir = tempDir('avk-programs-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function save(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

function at(sheet: SheetGrid | undefined, address: string) {
  const p = parseAddress(address);
  if (sheet === undefined || p === undefined) throw new Error(`no cell ${address}`);
  return cellAt(sheet, p.row, p.col);
}

const sink = { write: () => true };
async function run(args: string[]): Promise<number> {
  return main(args, { stdout: sink, stderr: sink, stderrIsTTY: false });
}

/** Each entry's raw bytes in the file: local header's name, compressed data, sizes and CRC. */
function rawEntries(file: string): Map<string, Buffer> {
  const buf = fs.readFileSync(file);
  const entries = readZipDirectory(buf) as ZipEntry[];
  return new Map(
    entries.map((e) => {
      const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
      return [e.name, Buffer.concat([e.record.subarray(10, 32), buf.subarray(start, start + e.compressedSize)])];
    }),
  );
}

/** The parts of `output` that differ from `input`'s: changed, added and removed. */
function changedParts(input: string, output: string): { changed: string[]; added: string[]; removed: string[] } {
  const a = rawEntries(input);
  const b = rawEntries(output);
  return {
    changed: [...a.keys()].filter((k) => b.has(k) && !(a.get(k) as Buffer).equals(b.get(k) as Buffer)).sort(),
    added: [...b.keys()].filter((k) => !a.has(k)).sort(),
    removed: [...a.keys()].filter((k) => !b.has(k)).sort(),
  };
}

describe('reading a workbook as Excel 365 saves it', () => {
  let grid: WorkbookGrid;
  beforeAll(async () => {
    grid = await readWorkbookGrid(save('excel.xlsx', excelStyleWorkbook()));
  });

  it('lists the worksheets in order with their visibility, leaving the chart sheet out', () => {
    expect(grid.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Kommunledning', false],
      ['Underlag', true],
      ['Intern', true],
    ]);
  });

  it('flattens rich text, leaves phonetic readings out and gives each cell of a shared formula its own formula', () => {
    const s = grid.sheets[0];
    expect(at(s, 'A3').value).toBe('RN');
    expect(at(s, 'A4').value).toBe('KLS  Kommunledning Stab');
    expect(at(s, `E${FIRST}`)).toEqual({ value: 480, formula: `=C${FIRST}-D${FIRST}`, numberFormat: '#,##0;[Red]\\-#,##0' });
    expect(at(s, 'E6')).toEqual({ value: 0, formula: '=C6-D6', numberFormat: '#,##0;[Red]\\-#,##0' });
    expect(at(s, 'F5')).toEqual({ value: null, error: 'DIV_BY_ZERO', formula: '=(C5/B5-1)*100', numberFormat: '0.0' });
    expect(at(s, 'F7').formula).toBe('=(C7/B7-1)*100');
    expect(at(s, `B${SUM_ROW}`)).toMatchObject({ formula: `=SUM(B${FIRST}:B${SUM_ROW - 1})`, value: -24905 });
  });

  it('gives built-in and custom number formats, and hidden columns', () => {
    const s = grid.sheets[0];
    expect(at(s, `A${SUM_ROW + 2}`)).toEqual({ value: 44561, numberFormat: 'mm-dd-yy' });
    expect(at(s, `B${SUM_ROW + 2}`)).toEqual({ value: 0.046, numberFormat: '0.00%' });
    expect(s?.hiddenColumns).toEqual([7]);
  });

  it('reads a date cell (t="d") as its serial number in the workbook’s date system', async () => {
    expect(at(grid.sheets[1], 'B1').value).toBe(44926);
    const g1904 = await readWorkbookGrid(save('excel-1904.xlsm', excelStyleWorkbook({ macro: true, date1904: true })));
    expect(at(g1904.sheets[1], 'B1').value).toBe(44926 - 1462);
  });

  it('finds the table and its #DIV/0!, and nothing else', () => {
    const result = checkWorkbook(grid);
    expect(result.tables.map((t) => [t.sheet, t.kind])).toEqual([['Kommunledning', 'rn']]);
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.cell}`)).toEqual(['div0 F5']);
  });
});

describe('reading workbooks from other programs', () => {
  it('Google Sheets: inline strings and no styles part', async () => {
    const grid = await readWorkbookGrid(save('google.xlsx', googleSheetsStyleWorkbook()));
    const s = grid.sheets[0];
    expect(at(s, 'A5').value).toBe('KLFÖ  Kommunledn Fördelning');
    expect(at(s, 'F3').value).toBe('Förändr%\n2021 o 2022');
    expect(at(s, 'E4')).toEqual({ value: 480, formula: '=C4-D4' });
  });

  it('openpyxl: formulas without cached values are calculated from their inputs, the #DIV/0! included', async () => {
    const grid = await readWorkbookGrid(save('openpyxl.xlsx', openpyxlStyleWorkbook()));
    const s = grid.sheets[0];
    expect(at(s, 'E4')).toEqual({ value: 480, formula: '=C4-D4' });
    expect(at(s, 'F5')).toEqual({ value: null, error: 'DIV_BY_ZERO', formula: '=(C5/B5-1)*100' });
    expect(
      checkWorkbook(grid)
        .findings.filter((f) => f.rule === 'div0')
        .map((f) => f.cell),
    ).toEqual(['F5']);
  });

  it('every XML part beginning with a UTF-8 byte-order mark (as .NET writers save them) is read alike, and fix keeps the mark', async () => {
    const plain = excelStyleWorkbook();
    const parts: Record<string, Buffer> = {};
    for (const entry of readZipDirectory(plain) as ZipEntry[]) {
      const bytes = inflateEntry(plain, entry, Infinity);
      parts[entry.name] = /\.(xml|rels)$/.test(entry.name) ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
    }
    const input = save('bom.xlsx', zipParts(parts));
    expect(await readWorkbookGrid(input)).toEqual(await readWorkbookGrid(save('no-bom.xlsx', plain)));
    const output = path.join(dir, 'bom-fixed.xlsx');
    expect(await run(['fix', input, '-o', output])).toBe(0);
    const sheet = readZipEntry(fs.readFileSync(output), 'xl/worksheets/sheet1.xml') as string;
    expect(sheet.startsWith('\ufeff<?xml')).toBe(true);
    expect(at((await readWorkbookGrid(output)).sheets[0], 'F5').error).toBeUndefined();
  });

  it('Strict Open XML (ISO namespaces) is read like the transitional form', async () => {
    const grid = await readWorkbookGrid(save('strict.xlsx', strictWorkbook()));
    expect(grid.sheets.map((s) => s.name)).toEqual(['Kommunledning']);
    expect(at(grid.sheets[0], 'E5')).toEqual({ value: 50, formula: '=C5-D5' });
  });
});

/** The part a sheet of the workbook `zip` is in, by the sheet's name. */
function sheetPart(zip: Buffer, name: string): string {
  const workbook = readZipEntry(zip, 'xl/workbook.xml') as string;
  const rid = new RegExp(`<sheet name="${name}"[^>]* r:id="(rId\\d+)"`).exec(workbook)?.[1] ?? '';
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(readZipEntry(zip, 'xl/_rels/workbook.xml.rels') as string);
  const t = target?.[1] ?? target?.[2] ?? '';
  return t.startsWith('/') ? t.slice(1) : `xl/${t}`;
}

/** For each cell of the Kommentarer sheet's first row: whether its style's font is bold (read from the raw parts). */
function headerBoldness(zip: Buffer): boolean[] {
  const styles = elementsOf('styles', readZipEntry(zip, 'xl/styles.xml') as string);
  const childrenNamed = (parentName: string, name: string): number[] => {
    const parent = styles.findIndex((e) => e.name === parentName && e.parent === 0);
    return styles.flatMap((e, i) => (e.parent === parent && e.name === name ? [i] : []));
  };
  const fonts = childrenNamed('fonts', 'font');
  const xfs = childrenNamed('cellXfs', 'xf');
  const sheet = elementsOf('sheet', readZipEntry(zip, sheetPart(zip, 'Kommentarer')) as string);
  const firstRow = sheet.findIndex((e) => e.name === 'row');
  return sheet
    .filter((e) => e.name === 'c' && e.parent === firstRow)
    .map((c) => {
      const xf = styles[xfs[Number(c.attributes.s ?? 0)] as number];
      const font = fonts[Number(xf?.attributes.fontId ?? 0)] as number;
      return styles.some((e) => e.parent === font && e.name === 'b');
    });
}

/** A styles part with the bold font and cell style the writer appends taken out again, counts restored. */
function stylesWithoutBold(xml: string): string {
  const lastFont = xml.lastIndexOf('<font>', xml.indexOf('</fonts>'));
  const withoutFont = xml.slice(0, lastFont) + xml.slice(xml.indexOf('</fonts>'));
  const lastXf = withoutFont.lastIndexOf('<xf ', withoutFont.indexOf('</cellXfs>'));
  const without = withoutFont.slice(0, lastXf) + withoutFont.slice(withoutFont.indexOf('</cellXfs>'));
  return without.replace(/<(fonts|cellXfs) count="(\d+)"/g, (_m, tag: string, n: string) => `<${tag} count="${Number(n) - 1}"`);
}

describe('fix and comment change only the parts they must', () => {
  const programs: [string, string, () => Buffer][] = [
    ['Excel', 'excel.xlsx', () => excelStyleWorkbook()],
    ['Excel with macros and 1904 dates', 'excel.xlsm', () => excelStyleWorkbook({ macro: true, date1904: true })],
    ['Google Sheets', 'google.xlsx', googleSheetsStyleWorkbook],
    ['openpyxl', 'openpyxl.xlsx', openpyxlStyleWorkbook],
  ];

  it.each(programs)('%s: fix rewrites the fixed sheet and workbook.xml; a stale calculation chain goes; every other part is byte for byte the input’s', async (_label, name, build) => {
    const input = save(`in-${name}`, build());
    const output = path.join(dir, `fixed-${name}`);
    const before = fs.readFileSync(input);
    expect(await run(['fix', input, '-o', output])).toBe(0);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const hasCalcChain = readZipEntry(before, 'xl/calcChain.xml') !== undefined;
    expect(changedParts(input, output)).toEqual({
      changed: hasCalcChain ? ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'] : ['xl/workbook.xml', 'xl/worksheets/sheet1.xml'],
      added: [],
      removed: hasCalcChain ? ['xl/calcChain.xml'] : [],
    });
    const out = fs.readFileSync(output);
    expect(readZipEntry(out, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    expect(readZipEntry(out, '[Content_Types].xml')).not.toMatch(/calcChain/);
    // Only F5 changed in the sheet: it lost its cached #DIV/0!, and the others kept theirs.
    const sheet = readZipEntry(out, 'xl/worksheets/sheet1.xml') as string;
    expect(sheet).toContain('<c r="F5"');
    expect(/<c r="F5"[^>]*>(.*?)<\/c>/.exec(sheet)?.[1]).toBe('<f>IF(B5=0,&quot;&quot;,(C5/B5-1)*100)</f>');
    const original = readZipEntry(before, 'xl/worksheets/sheet1.xml') as string;
    expect(sheet.replace(/<c r="F5".*?<\/c>/, '')).toBe(original.replace(/<c r="F5".*?<\/c>/, ''));
    const grid = await readWorkbookGrid(output);
    expect(checkWorkbook(grid).findings.filter((f) => f.rule === 'div0')).toEqual([]);
  });

  it.each(programs)('%s: comment adds Kommentarer with the smallest edits to workbook.xml, its relationships and content types', async (_label, name, build) => {
    const input = save(`in-c-${name}`, build());
    const output = path.join(dir, `commented-${name}`);
    expect(await run(['comment', input, '-o', output])).toBe(0);
    const parts = changedParts(input, output);
    // The new sheet's formulas are not in a calculation chain: Excel rebuilds it when it is gone.
    expect(parts.removed).toEqual(readZipEntry(fs.readFileSync(input), 'xl/calcChain.xml') === undefined ? [] : ['xl/calcChain.xml']);
    const hadStyles = readZipEntry(fs.readFileSync(input), 'xl/styles.xml') !== undefined;
    // The header's bold style: appended to the styles part, or a new minimal styles part where there was none.
    expect(parts.changed).toEqual(
      hadStyles ? ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml'] : ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml'],
    );
    expect(parts.added.filter((p) => p !== 'xl/styles.xml')).toHaveLength(1);
    expect(parts.added.filter((p) => p !== 'xl/styles.xml')[0]).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
    expect(parts.added.includes('xl/styles.xml')).toBe(!hadStyles);
    const out = fs.readFileSync(output);
    const bold = headerBoldness(out);
    expect(bold.length).toBeGreaterThanOrEqual(7);
    expect(bold).toEqual(bold.map(() => true));
    if (hadStyles) expect(stylesWithoutBold(readZipEntry(out, 'xl/styles.xml') as string)).toBe(readZipEntry(fs.readFileSync(input), 'xl/styles.xml'));
    else {
      expect(readZipEntry(out, '[Content_Types].xml')).toContain('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
      expect(readZipEntry(out, 'xl/_rels/workbook.xml.rels')).toMatch(/Type="[^"]*\/styles" Target="styles.xml"/);
    }
    const grid = await readWorkbookGrid(output);
    const comments = grid.sheets.find((s) => s.name === 'Kommentarer');
    expect(comments?.cells.length).toBeGreaterThan(4);
    if (name.endsWith('.xlsm')) {
      const out = fs.readFileSync(output);
      expect(readZipEntry(out, '[Content_Types].xml')).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
      expect(
        rawEntries(output)
          .get('xl/vbaProject.bin')
          ?.equals(rawEntries(input).get('xl/vbaProject.bin') as Buffer),
      ).toBe(true);
    }
  });
});

describe('the writer', () => {
  it('puts list validations on the comments sheet it creates and on a sheet that exists, replacing one on the same range', async () => {
    const input = save('lists.xlsx', excelStyleWorkbook());
    const output = path.join(dir, 'lists-out.xlsx');
    const status = ['Utkast', 'Klar', 'Godkänd'];
    await applyEdits(input, output, [{ sheet: 'Kommentarer', cell: 'F1', row: 0, col: 5, before: { value: null }, after: { value: 'Status' }, reason: 'narrative-mismatch' }], {
      listValidations: [
        { sheet: 'Kommentarer', range: 'F2:F200', values: status },
        { sheet: 'Kommunledning', range: 'A1:XFD1048576', values: ['Ja', 'Nej'] },
      ],
    });
    const out = fs.readFileSync(output);
    const workbook = readZipEntry(out, 'xl/workbook.xml') as string;
    const rid = /<sheet name="Kommentarer" sheetId="\d+" r:id="(rId\d+)"\/>/.exec(workbook)?.[1];
    const target = new RegExp(`Id="${rid ?? ''}"[^>]*Target="([^"]+)"`).exec(readZipEntry(out, 'xl/_rels/workbook.xml.rels') as string)?.[1];
    const comments = readZipEntry(out, `xl/${target ?? ''}`) as string;
    expect(comments).toContain(
      '<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="F2:F200"><formula1>&quot;Utkast,Klar,Godkänd&quot;</formula1></dataValidation>',
    );
    const sheet1 = readZipEntry(out, 'xl/worksheets/sheet1.xml') as string;
    expect(sheet1.match(/<dataValidation /g)).toHaveLength(1);
    expect(sheet1).toMatch(/<dataValidations count="1"><dataValidation type="list"[^>]*sqref="A1:XFD1048576"><formula1>&quot;Ja,Nej&quot;<\/formula1>/);
    expect(sheet1.indexOf('<dataValidations')).toBeLessThan(sheet1.indexOf('<hyperlinks'));
  });

  it('writes text as text: a unit named =HYPERLINK(…) or 1e3 stays that text', async () => {
    const input = save('text.xlsx', googleSheetsStyleWorkbook());
    const output = path.join(dir, 'text-out.xlsx');
    const texts = ['=HYPERLINK("http://x.se","klicka")', '1e3', '<b>&amp;</b>', 'Förvaltning\u0007'];
    await applyEdits(
      input,
      output,
      texts.map((t, i) => ({ sheet: 'Kommunledning', cell: `H${i + 4}`, row: i + 3, col: 7, before: { value: null }, after: { value: t }, reason: 'narrative-mismatch' as const })),
    );
    const s = (await readWorkbookGrid(output)).sheets[0];
    expect(texts.map((_t, i) => at(s, `H${i + 4}`))).toEqual([{ value: texts[0] }, { value: '1e3' }, { value: '<b>&amp;</b>' }, { value: 'Förvaltning\ufffd' }]);
  });
});

describeWithProgram('LibreOffice agrees', SOFFICE, (soffice) => {
  it.each([
    ['Excel', 'lo-excel.xlsx', () => excelStyleWorkbook()],
    ['Google Sheets', 'lo-google.xlsx', googleSheetsStyleWorkbook],
    ['openpyxl', 'lo-openpyxl.xlsx', openpyxlStyleWorkbook],
  ] as [string, string, () => Buffer][])(
    '%s: check reads the values LibreOffice calculates; the fixed copy opens and recalculates with no error value',
    async (_label, name, build) => {
      const input = save(name, build());
      const sub = fs.mkdtempSync(path.join(dir, 'lo-'));
      const savedByLibreOffice = recalculateWithLibreOffice(soffice, input, path.join(sub, 'in'), path.join(sub, 'profile'));
      const lo = libreOfficeValues(savedByLibreOffice);
      const ours = gridValues(await readWorkbookGrid(input));
      for (const [sheet, cells] of ours) {
        for (const [address, v] of cells) {
          const theirs = lo.get(sheet)?.get(address) ?? null;
          if (typeof v === 'number') expect({ address, v: Math.round(v * 1e6) }).toEqual({ address, v: Math.round((theirs as number) * 1e6) });
          else if (v !== null && typeof v === 'object') expect({ address, error: typeof theirs === 'object' && theirs !== null }).toEqual({ address, error: true });
          else expect({ address, v }).toEqual({ address, v: theirs });
        }
      }
      const fixed = path.join(sub, `fixed-${name}`);
      expect(await run(['fix', input, '-o', fixed])).toBe(0);
      const after = libreOfficeValues(recalculateWithLibreOffice(soffice, fixed, path.join(sub, 'out'), path.join(sub, 'profile')));
      const errors = [...after].flatMap(([sheet, cells]) => [...cells].filter(([, v]) => v !== null && typeof v === 'object').map(([a]) => `${sheet}!${a}`));
      expect(errors).toEqual([]);
      expect(after.get('Kommunledning')?.get('F5')).toBe('');
      const commented = path.join(sub, `commented-${name}`);
      expect(await run(['comment', input, '-o', commented])).toBe(0);
      const withComments = libreOfficeValues(recalculateWithLibreOffice(soffice, commented, path.join(sub, 'comments'), path.join(sub, 'profile')));
      expect([...withComments.keys()]).toContain('Kommentarer');
      // LibreOffice opens the copy and keeps the header bold when it saves it again.
      const boldAfterLo = headerBoldness(fs.readFileSync(recalculateWithLibreOffice(soffice, commented, path.join(sub, 'comments-bold'), path.join(sub, 'profile'))));
      expect(boldAfterLo.length).toBeGreaterThanOrEqual(7);
      expect(boldAfterLo).toEqual(boldAfterLo.map(() => true));
      // The same workbook as LibreOffice saves it (LibreOffice-style styles part): the bold style goes into LibreOffice's own styles.xml.
      const commentedLo = path.join(sub, `commented-lo-${name}`);
      expect(await run(['comment', savedByLibreOffice, '-o', commentedLo])).toBe(0);
      expect(changedParts(savedByLibreOffice, commentedLo).changed).toContain('xl/styles.xml');
      const boldLo = headerBoldness(fs.readFileSync(commentedLo));
      expect(boldLo.length).toBeGreaterThanOrEqual(7);
      expect(boldLo).toEqual(boldLo.map(() => true));
      expect(stylesWithoutBold(readZipEntry(fs.readFileSync(commentedLo), 'xl/styles.xml') as string)).toBe(readZipEntry(fs.readFileSync(savedByLibreOffice), 'xl/styles.xml'));
      const reopened = libreOfficeValues(recalculateWithLibreOffice(soffice, commentedLo, path.join(sub, 'comments-lo'), path.join(sub, 'profile')));
      expect([...reopened.keys()]).toContain('Kommentarer');
    },
    300_000,
  );
});
