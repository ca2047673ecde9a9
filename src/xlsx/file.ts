/**
 * Opening .xlsx files safely: what kind of file it is (zip, Office binary,
 * encrypted), and a typed error for everything that can go wrong, so the
 * command line can say it in one line without a stack trace.
 */
import * as fs from 'fs';
import { readZipDirectory } from './zip';

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
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * The largest part of a package read (uncompressed). A shared-strings table
 * or sheet beyond this is not a budget workbook but a file that would exhaust
 * memory (or a zip bomb): refused before it is inflated when the zip declares
 * it, and as soon as inflating passes it when the zip lies.
 */
export const MAX_PART_BYTES = 300 * 1024 * 1024;

/** The names in a zip's central directory, or undefined when it has none (truncated or not a zip). */
export function zipEntryNames(buf: Buffer): string[] | undefined {
  return readZipDirectory(buf)?.map((e) => e.name);
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
  const entries = readZipDirectory(buf);
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
