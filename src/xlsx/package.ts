/**
 * An .xlsx package opened for reading: its bytes, its zip directory, the
 * parts by name, and the relationships between them (Open Packaging
 * Conventions, ECMA-376 Part 2). Every failure is an `XlsxFileError`.
 */
import { assertXlsxBytes, MAX_PART_BYTES, readFileBytes, XlsxFileError } from './file';
import { parseXml, XmlPartError, type XmlHandlers, partParser } from './xml';
import { inflateEntryText, readZipDirectory, ZipError, type ZipEntry } from './zip';

/** A package's bytes and its zip entries by part name. */
export interface XlsxPackage {
  file: string;
  bytes: Buffer;
  /** The entries in the zip's order (the writer keeps it). */
  entries: ZipEntry[];
  parts: Map<string, ZipEntry>;
}

/** A relationship of a part, its target resolved to a part name (no leading slash). */
export interface Relationship {
  id: string;
  /** The last segment of the type URI (`worksheet`, `styles`, `sharedStrings` …): the same in transitional and strict packages. */
  kind: string;
  type: string;
  target: string;
  external: boolean;
}

/** The failure of a zip or XML step as the file error the command line reports. */
export function asFileError(e: unknown, file: string): unknown {
  if (e instanceof ZipError) return new XlsxFileError(e.reason, file, e.message);
  if (e instanceof XmlPartError) return new XlsxFileError('damaged', file, e.message);
  return e;
}

/** Opens `file` as an .xlsx package (nothing is inflated yet). */
export function openPackage(file: string): XlsxPackage {
  const bytes = readFileBytes(file);
  assertXlsxBytes(bytes, file);
  return packageOfBytes(bytes, file);
}

/** A package from bytes already read and checked. */
export function packageOfBytes(bytes: Buffer, file: string): XlsxPackage {
  const entries = readZipDirectory(bytes);
  if (entries === undefined) throw new XlsxFileError('truncated', file);
  const parts = new Map<string, ZipEntry>();
  for (const e of entries) parts.set(e.name, e);
  return { file, bytes, entries, parts };
}

/** Streams a part's XML into `handlers`, in pieces; throws `XlsxFileError`. */
export function readPart(pkg: XlsxPackage, part: string, handlers: XmlHandlers): void {
  const entry = pkg.parts.get(part);
  if (entry === undefined) throw new XlsxFileError('damaged', pkg.file, `${part} is missing`);
  try {
    const parser = partParser(part, handlers);
    inflateEntryText(pkg.bytes, entry, MAX_PART_BYTES, (text) => parser.write(text));
    parser.close();
  } catch (e) {
    throw asFileError(e, pkg.file);
  }
}

/** A part's whole text (for the small parts the writer edits); throws `XlsxFileError`. */
export function partText(pkg: XlsxPackage, part: string): string {
  const entry = pkg.parts.get(part);
  if (entry === undefined) throw new XlsxFileError('damaged', pkg.file, `${part} is missing`);
  const pieces: string[] = [];
  try {
    inflateEntryText(pkg.bytes, entry, MAX_PART_BYTES, (t) => pieces.push(t));
  } catch (e) {
    throw asFileError(e, pkg.file);
  }
  return pieces.join('');
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relationshipsPart(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of its source part (`worksheets/sheet1.xml`, `/xl/…`, `../…`). */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of target.replace(/^\//, '').split('/')) {
    if (segment === '..') base.pop();
    else if (segment !== '.' && segment !== '') base.push(segment);
  }
  return base.map((s) => decodeURIComponent(s)).join('/');
}

/** The relationships of `part` (none when it has no relationships part). */
export function readRelationships(pkg: XlsxPackage, part: string): Relationship[] {
  const relsPart = relationshipsPart(part);
  if (!pkg.parts.has(relsPart)) return [];
  const out: Relationship[] = [];
  const collect: XmlHandlers = {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const type = attrs.Type ?? '';
      const external = attrs.TargetMode === 'External';
      let target = attrs.Target ?? '';
      if (!external) {
        try {
          target = resolveTarget(part, target);
        } catch {
          target = '';
        }
      }
      out.push({ id: attrs.Id ?? '', type, kind: type.slice(type.lastIndexOf('/') + 1), target, external });
    },
  };
  readPart(pkg, relsPart, collect);
  return out;
}

/** The workbook part: the package's officeDocument relationship, else `xl/workbook.xml`. */
export function workbookPart(pkg: XlsxPackage): string {
  const root = pkg.parts.has('_rels/.rels') ? readRelationships(pkg, '') : [];
  const office = root.find((r) => r.kind === 'officeDocument' && !r.external);
  const part = office?.target ?? 'xl/workbook.xml';
  if (!pkg.parts.has(part)) throw new XlsxFileError('damaged', pkg.file, `the workbook part ${part} is missing`);
  return part;
}

export { parseXml };
