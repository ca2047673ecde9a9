/**
 * The .xlsx reader fuzzed the way the engine is: workbooks as Excel, Google
 * Sheets and openpyxl write them, with bytes of the zip flipped, cut or
 * repeated, and their XML parts mutated (characters inserted, deleted,
 * swapped for markup) and zipped again. Whatever comes in, reading either
 * gives a grid or fails with an `XlsxFileError` (which the command line says
 * in one line), and never runs long: each file is read within a bound.
 * The seed is printed when a property fails.
 */
import fc from 'fast-check';
import { performance } from 'perf_hooks';
import * as zlib from 'zlib';
import { checkWorkbook } from '../../src/engine/check';
import { XlsxFileError } from '../../src/xlsx/file';
import { readWorkbookGridFromBytes } from '../../src/xlsx/read';
import { readZipDirectory, type ZipEntry } from '../../src/xlsx/zip';
import { excelStyleWorkbook, googleSheetsStyleWorkbook, openpyxlStyleWorkbook, zipParts } from '../xlsx/packages';

/** A generous bound per file on a shared, loaded machine; a hang or an expanded range takes minutes. */
const BOUND_MS = 5_000;

const WORKBOOKS = [excelStyleWorkbook(), excelStyleWorkbook({ macro: true, date1904: true }), googleSheetsStyleWorkbook(), openpyxlStyleWorkbook()];

function partsOf(buf: Buffer): [string, Buffer][] {
  return (readZipDirectory(buf) as ZipEntry[]).map((e) => {
    const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
    return [e.name, zlib.inflateRawSync(buf.subarray(start, start + e.compressedSize))];
  });
}

/** Reads the bytes; true when a grid came out, false for a refused file; anything else thrown fails the property. */
function readsOrRefuses(bytes: Buffer): boolean {
  const t0 = performance.now();
  try {
    const grid = readWorkbookGridFromBytes(bytes, 'fuzz.xlsx');
    checkWorkbook(grid);
    return true;
  } catch (e) {
    if (!(e instanceof XlsxFileError)) throw e;
    return false;
  } finally {
    expect(performance.now() - t0).toBeLessThan(BOUND_MS);
  }
}

const MARKUP = [
  '<',
  '>',
  '&',
  '"',
  '</c>',
  '<c r="XFD1048576">',
  '<f t="shared" si="0"/>',
  '<v>',
  '</row>',
  '<!DOCTYPE x>',
  '&amp;',
  '&#0;',
  ']]>',
  'r="A0"',
  's="99999"',
  't="s"',
  '<v>4294967296</v>',
  'ref="A1:XFD1048576"',
];

describe('the .xlsx reader on mutated workbooks', () => {
  it('mutated zip bytes: a grid or a refusal, in bounded time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WORKBOOKS),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        (workbook, flips, cut) => {
          const bytes = Buffer.from(workbook);
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          readsOrRefuses(cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('mutated XML parts: a grid or a refusal, in bounded time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WORKBOOKS),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.oneof(fc.constantFrom(...MARKUP), fc.string({ maxLength: 6 }))), { minLength: 1, maxLength: 6 }),
        (workbook, which, edits) => {
          const parts = partsOf(workbook);
          const xmlParts = parts.filter(([name]) => /\.(xml|rels)$/.test(name));
          const [name, data] = xmlParts[which % xmlParts.length] as [string, Buffer];
          let text = data.toString('utf8');
          for (const [at, deleted, inserted] of edits) {
            const p = at % (text.length + 1);
            text = text.slice(0, p) + inserted + text.slice(p + deleted);
          }
          const mutated = Object.fromEntries(parts.map(([n, d]) => [n, n === name ? text : d]));
          readsOrRefuses(zipParts(mutated));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every workbook as written reads', () => {
    for (const w of WORKBOOKS) expect(readsOrRefuses(w)).toBe(true);
  });
});
