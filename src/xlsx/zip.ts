/**
 * The zip container of an .xlsx package: its central directory, a part's
 * bytes inflated under a limit, and a copy of the package with some parts
 * replaced.
 *
 * Inflating, deflating and CRC-32 are Node's own zlib (native, maintained
 * with Node, no dependency; `maxOutputLength` stops a part that inflates past
 * the limit, whatever the zip declares: a zip bomb ends there). fflate, the
 * small pure-JavaScript alternative, measured ≈ 2 × slower here on the
 * benchmark workbook and spends the difference growing its output buffers.
 * The directory is read and the copy is assembled here by hand: the patching
 * writer must copy every entry it does not change byte for byte (its
 * compressed data, its headers), and no maintained zip library does that
 * (fflate, yazl and archiver all compress again). The format is the one in
 * PKWARE's APPNOTE.TXT, sections 4.3.7 (local header), 4.3.12 (central
 * directory header) and 4.3.16 (end of central directory); ZIP64 and
 * encrypted entries are refused.
 */
import { StringDecoder } from 'string_decoder';
import * as zlib from 'zlib';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const DATA_DESCRIPTOR = 0x08074b50;

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  compressedSize: number;
  /** The uncompressed size the directory declares (a part may lie: inflating is bounded separately). */
  size: number;
  localOffset: number;
  /** The entry's whole central directory record, copied as it is when the entry is kept. */
  record: Buffer;
}

/** Why a zip cannot be used: a broken directory, or a part past the inflate limit. */
export class ZipError extends Error {
  constructor(
    readonly reason: 'truncated' | 'damaged' | 'too-large',
    detail: string,
  ) {
    super(detail);
    this.name = 'ZipError';
  }
}

/** The central directory's entries, or undefined when the bytes have no end-of-directory record (truncated, or no zip). */
export function readZipDirectory(buf: Buffer): ZipEntry[] | undefined {
  let end = -1;
  for (let i = buf.length - 22; i >= 0 && i >= buf.length - 22 - 65535; i--) {
    if (buf.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL_HEADER) return undefined;
    const nameLength = buf.readUInt16LE(p + 28);
    const recordLength = 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (p + recordLength > buf.length) return undefined;
    entries.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      record: buf.subarray(p, p + recordLength),
    });
    p += recordLength;
  }
  return entries;
}

/** Where an entry's compressed data starts and ends in the file. */
function dataSpan(buf: Buffer, entry: ZipEntry): { start: number; end: number } {
  const at = entry.localOffset;
  if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw new ZipError('too-large', `${entry.name}: ZIP64`);
  if ((entry.flags & 1) !== 0) throw new ZipError('damaged', `${entry.name}: encrypted zip entry`);
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL_HEADER) throw new ZipError('damaged', `${entry.name}: no local header`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipError('truncated', entry.name);
  return { start, end };
}

/**
 * An entry's uncompressed bytes, refused with a `ZipError` before anything is
 * inflated when the directory declares more than `limit` bytes ('too-large'),
 * and as soon as inflating passes the declared size ('damaged': a zip bomb
 * that lies about its size). Memory is bounded by the declared size.
 */
export function inflateEntry(buf: Buffer, entry: ZipEntry, limit: number): Buffer {
  const { start, end } = dataSpan(buf, entry);
  if (entry.size > limit) throw new ZipError('too-large', `${entry.name}: ${entry.size} bytes`);
  const data = buf.subarray(start, end);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipError('damaged', `${entry.name}: compression method ${entry.method}`);
  try {
    // Never more than the directory declares: a part that inflates past its declared size is a lie (a zip bomb), stopped there.
    const inflated = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(limit, entry.size)) });
    if (inflated.length !== entry.size) throw new ZipError('damaged', `${entry.name}: ${inflated.length} bytes, the directory says ${entry.size}`);
    return inflated;
  } catch (e) {
    if (e instanceof ZipError) throw e;
    if (e instanceof RangeError) throw new ZipError('damaged', `${entry.name}: inflates past the ${entry.size} bytes the directory declares`);
    throw new ZipError('damaged', `${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Text is handed on in pieces of this many bytes, so no part's text is ever
 * one string. A small piece is garbage soon after the parser has gone through
 * it; a piece as large as a worksheet outlives the young generation's
 * collections while its cells are read, is moved to the old generation and
 * stays there until the next full collection (see docs/performance.md).
 */
const TEXT_PIECE = 16 * 1024;

/** An entry's text (UTF-8), decoded piece by piece into `onText`. */
export function inflateEntryText(buf: Buffer, entry: ZipEntry, limit: number, onText: (text: string) => void): void {
  const bytes = inflateEntry(buf, entry, limit);
  // Node's StringDecoder keeps a character cut at a piece's end for the next piece, as TextDecoder's stream mode does, and decodes ASCII ≈ 5 × faster.
  // It keeps a byte-order mark as text (saxes skips it; a part the writer patches keeps it).
  const decoder = new StringDecoder('utf8');
  for (let p = 0; p < bytes.length; p += TEXT_PIECE) {
    const text = decoder.write(bytes.subarray(p, Math.min(bytes.length, p + TEXT_PIECE)));
    if (text !== '') onText(text);
  }
  const rest = decoder.end();
  if (rest !== '') onText(rest);
}

/** An entry's whole text (for the small parts a writer edits). */
export function entryText(buf: Buffer, entry: ZipEntry, limit: number): string {
  return inflateEntry(buf, entry, limit).toString('utf8');
}

/** DOS date and time of now, as zip headers store them. */
function dosDateTime(d: Date): { date: number; time: number } {
  return {
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}

/** A new entry's local header, data and central record. */
function newEntry(name: string, data: Uint8Array, offset: number, when: Date): { local: Buffer; record: Buffer } {
  const nameBytes = Buffer.from(name, 'utf8');
  const compressed = zlib.deflateRawSync(data, { level: 6 });
  const crc = zlib.crc32(data);
  const { date, time } = dosDateTime(when);
  const local = Buffer.alloc(30 + nameBytes.length);
  local.writeUInt32LE(LOCAL_HEADER, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x0800, 6); // names in UTF-8
  local.writeUInt16LE(8, 8);
  local.writeUInt16LE(time, 10);
  local.writeUInt16LE(date, 12);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  nameBytes.copy(local, 30);
  const record = Buffer.alloc(46 + nameBytes.length);
  record.writeUInt32LE(CENTRAL_HEADER, 0);
  record.writeUInt16LE(20, 4);
  record.writeUInt16LE(20, 6);
  record.writeUInt16LE(0x0800, 8);
  record.writeUInt16LE(8, 10);
  record.writeUInt16LE(time, 12);
  record.writeUInt16LE(date, 14);
  record.writeUInt32LE(crc, 16);
  record.writeUInt32LE(compressed.length, 20);
  record.writeUInt32LE(data.length, 24);
  record.writeUInt16LE(nameBytes.length, 28);
  record.writeUInt32LE(offset, 42);
  nameBytes.copy(record, 46);
  return { local: Buffer.concat([local, compressed]), record };
}

/** The bytes of a kept entry as they are in the file: local header, data and data descriptor. */
function keptBytes(buf: Buffer, entry: ZipEntry): Buffer {
  const { end } = dataSpan(buf, entry);
  let stop = end;
  if ((entry.flags & 8) !== 0) stop += end + 4 <= buf.length && buf.readUInt32LE(end) === DATA_DESCRIPTOR ? 16 : 12;
  return buf.subarray(entry.localOffset, Math.min(stop, buf.length));
}

/**
 * A copy of the zip `buf` in which the parts named in `replace` get new
 * content (null: the part is left out) and the parts in `add` are appended.
 * Every other entry (its local header, compressed data and directory record)
 * is copied byte for byte, in the original order.
 */
export function patchZip(buf: Buffer, entries: readonly ZipEntry[], replace: ReadonlyMap<string, Uint8Array | null>, add: readonly { name: string; data: Uint8Array }[]): Buffer {
  const out: Buffer[] = [];
  const records: Buffer[] = [];
  let offset = 0;
  const when = new Date();
  const put = (local: Buffer, record: Buffer): void => {
    out.push(local);
    records.push(record);
    offset += local.length;
  };
  for (const entry of entries) {
    const replacement = replace.get(entry.name);
    if (replacement === null) continue;
    if (replacement !== undefined) {
      const made = newEntry(entry.name, replacement, offset, when);
      put(made.local, made.record);
      continue;
    }
    const record = Buffer.from(entry.record);
    record.writeUInt32LE(offset, 42);
    put(keptBytes(buf, entry), record);
  }
  for (const { name, data } of add) {
    const made = newEntry(name, data, offset, when);
    put(made.local, made.record);
  }
  const directory = Buffer.concat(records);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(records.length, 8);
  end.writeUInt16LE(records.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, directory, end]);
}
