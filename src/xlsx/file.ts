/**
 * Opening .xlsx files safely: what kind of file it is (zip, Office binary,
 * encrypted), and a typed error for everything that can go wrong, so the
 * command line can say it in one line without a stack trace.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';

export type XlsxFileProblem =
  | 'not-found'
  | 'is-directory'
  | 'unreadable'
  | 'empty-file'
  | 'not-xlsx'
  | 'truncated'
  | 'encrypted'
  | 'legacy-binary'
  | 'damaged'
  | 'too-large'
  | 'no-sheets'
  | 'empty-workbook'
  | 'only-hidden'
  | 'same-file'
  | 'output-folder-missing'
  | 'output-folder-readonly'
  | 'write-failed';

/** A file that cannot be read or written, with the reason as a code (the CLI translates it). */
export class XlsxFileError extends Error {
  constructor(
    readonly problem: XlsxFileProblem,
    readonly file: string,
    readonly detail?: string,
  ) {
    super(`${problem}: ${file}${detail === undefined ? '' : ` (${detail})`}`);
    this.name = 'XlsxFileError';
  }
}

const ZIP_LOCAL = 0x04034b50;
const ZIP_EOCD = 0x06054b50;
const ZIP_CENTRAL = 0x02014b50;
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * The largest part of a package read (uncompressed). A shared-strings table
 * or sheet beyond this is not a budget workbook but a file that would exhaust
 * memory (or a zip bomb): refused before exceljs unpacks anything.
 */
export const MAX_PART_BYTES = 300 * 1024 * 1024;

/** The names in a zip's central directory, or undefined when it has none (truncated or not a zip). */
export function zipEntryNames(buf: Buffer): string[] | undefined {
  return zipEntries(buf)?.map((e) => e.name);
}

/** The entries of a zip's central directory with their uncompressed sizes (0xFFFFFFFF: ZIP64, over 4 GB). */
export function zipEntries(buf: Buffer): { name: string; size: number }[] | undefined {
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0 && i >= buf.length - 22 - 65535; i--) {
    if (buf.readUInt32LE(i) === ZIP_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names: { name: string; size: number }[] = [];
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== ZIP_CENTRAL) return undefined;
    const nameLen = buf.readUInt16LE(p + 28);
    names.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size: buf.readUInt32LE(p + 24) });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return names;
}

/**
 * Tells what a file's bytes are, throwing an `XlsxFileError` for anything
 * that is not a complete .xlsx package.
 */
export function assertXlsxBytes(buf: Buffer, file: string): void {
  if (buf.length === 0) throw new XlsxFileError('empty-file', file);
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB)) {
    // An encrypted .xlsx is an OLE compound file with an EncryptionInfo stream; otherwise it is an old .xls/.doc.
    const marker = Buffer.from('EncryptionInfo', 'utf16le');
    throw new XlsxFileError(buf.includes(marker) ? 'encrypted' : 'legacy-binary', file);
  }
  if (buf.length < 4 || (buf.readUInt32LE(0) !== ZIP_LOCAL && buf.readUInt32LE(0) !== ZIP_EOCD)) throw new XlsxFileError('not-xlsx', file);
  const entries = zipEntries(buf);
  if (entries === undefined) throw new XlsxFileError('truncated', file);
  const names = entries.map((e) => e.name);
  if (!names.includes('xl/workbook.xml') && !names.some((n) => /^xl\/workbook\d*\.xml$/i.test(n))) throw new XlsxFileError('not-xlsx', file);
  const huge = entries.find((e) => e.size > MAX_PART_BYTES);
  if (huge !== undefined) throw new XlsxFileError('too-large', file, `${huge.name}: ${huge.size} bytes`);
}

/** Reads a file's bytes, with the usual failures as `XlsxFileError`. */
export function readFileBytes(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new XlsxFileError('not-found', file);
  }
  if (stat.isDirectory()) throw new XlsxFileError('is-directory', file);
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new XlsxFileError('unreadable', file, e instanceof Error ? e.message : undefined);
  }
}

/** Loads an .xlsx file with exceljs after checking that it is one. */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const buf = readFileBytes(file);
  assertXlsxBytes(buf, file);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's types want its own Buffer flavour; a Node Buffer is what it reads.
    await wb.xlsx.load(buf as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch (e) {
    throw new XlsxFileError('damaged', file, e instanceof Error ? e.message : undefined);
  }
  return wb;
}
