/**
 * Writes a copy of an .xlsx package with cell edits applied (fixes,
 * commentary) by patching it, never rebuilding it: only the worksheets that
 * change, workbook.xml, its relationships and [Content_Types].xml are
 * edited (each by splicing its text), styles.xml gains one bold cell style
 * when a new sheet has a header row (see patch-styles.ts), and every other
 * zip entry (charts, drawings, images, comments, pivot caches, macros,
 * external links, shared strings) is copied byte for byte. The input is never modified; the
 * output appears whole or not at all (written to a temporary file in the
 * output folder, then renamed into place).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CellEdit, ListValidation } from '../engine';
import { XlsxFileError } from './file';
import { asFileError, openPackage, partText, relationshipsPart, type XlsxPackage } from './package';
import { newSheetXml, patchSheet, type CellWrite, type NewSheetColumns } from './patch-sheet';
import { patchContentTypes, patchRelationships, patchWorkbookXml, RELATIONSHIPS_NS, RELATIONSHIPS_NS_STRICT, WORKSHEET_CONTENT_TYPE, type NewSheet } from './patch-workbook';
import { addBoldStyle, minimalStylesWithBold, STYLES_CONTENT_TYPE } from './patch-styles';
import { readWorkbookInfo, type WorkbookInfo } from './workbook';
import { SPREADSHEETML, SPREADSHEETML_STRICT } from './xml';
import { patchZip } from './zip';

/** True when two paths name the same file (also through links or different spellings). */
function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Writes bytes to `outFile` through a temporary file in the same folder, renamed into place. */
export function writeFileAtomic(outFile: string, data: Buffer | Uint8Array): void {
  const dir = path.dirname(path.resolve(outFile));
  const tmp = path.join(dir, `.${path.basename(outFile)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx' });
    fs.renameSync(tmp, outFile);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    throw new XlsxFileError('write-failed', outFile, e instanceof Error ? e.message : undefined);
  }
}

/** Checks, before any work, that `outFile` can be written as a copy of `inFile`. */
export function assertWritableCopy(inFile: string, outFile: string): void {
  if (sameFile(inFile, outFile)) throw new XlsxFileError('same-file', outFile);
  const dir = path.dirname(path.resolve(outFile));
  let isDir = false;
  try {
    isDir = fs.statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new XlsxFileError('output-folder-missing', outFile);
  try {
    if (fs.statSync(outFile).isDirectory()) throw new XlsxFileError('is-directory', outFile);
  } catch (e) {
    if (e instanceof XlsxFileError) throw e;
  }
  // Can the folder be written? Try it (permissions, a read-only share or medium), leaving nothing behind.
  const probe = path.join(dir, `.${path.basename(outFile)}.${process.pid}.probe.tmp`);
  try {
    fs.writeFileSync(probe, '', { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new XlsxFileError(code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'output-folder-readonly' : 'write-failed', outFile, e instanceof Error ? e.message : undefined);
  }
  fs.rmSync(probe, { force: true });
}

/** What a copy changes besides cells. */
export interface CopyOptions {
  /** List validations to put on sheets (the comments sheet's status column). */
  listValidations?: readonly ListValidation[];
  /** Sheets to hide (existing or created by the edits). */
  hiddenSheets?: readonly string[];
  /** Column widths, hidden columns and bold (header) rows of sheets the edits create, by sheet name. */
  newSheetColumns?: Readonly<Record<string, NewSheetColumns>>;
}

function nextRelationshipId(xml: string | undefined, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const id = `rId${n}`;
    if (!taken.has(id) && (xml === undefined || !xml.includes(`"${id}"`))) {
      taken.add(id);
      return id;
    }
  }
}

/**
 * The bytes of a copy of `pkg` with `edits` applied: changed cells
 * rewritten (formulas without a cached result), sheets the edits name and
 * the workbook lacks added, the workbook set to recalculate on load, and the
 * calculation chain dropped when a formula changed. Throws `XlsxFileError`.
 */
export function patchedPackage(pkg: XlsxPackage, info: WorkbookInfo, edits: readonly CellEdit[], options: CopyOptions = {}): Buffer {
  const bySheet = new Map<string, CellWrite[]>();
  for (const e of edits) bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), { row: e.row, col: e.col, content: e.after }]);
  const validations = options.listValidations ?? [];
  for (const v of validations) if (!bySheet.has(v.sheet)) bySheet.set(v.sheet, []);
  const replace = new Map<string, Uint8Array | null>();
  const add: { name: string; data: Uint8Array }[] = [];
  const newSheets: NewSheet[] = [];
  const newRels: { id: string; type: string; target: string }[] = [];
  const newTypes: { part: string; contentType: string }[] = [];
  let formulasChanged = false;
  const folder = info.part.slice(0, info.part.lastIndexOf('/') + 1);
  const relsPart = relationshipsPart(info.part);
  const relsXml = pkg.parts.has(relsPart) ? partText(pkg, relsPart) : undefined;
  const takenIds = new Set<string>();
  let sheetId = Math.max(0, ...info.allSheetIds);
  let partNumber = 1;
  const hidden = options.hiddenSheets ?? [];
  const relationshipsNs = info.strict ? RELATIONSHIPS_NS_STRICT : RELATIONSHIPS_NS;
  /** The bold cell style's index, made once when a new sheet first needs it (undefined: the styles part has nowhere to put one). */
  let boldStyle: { index: number | undefined } | undefined;
  const boldStyleIndex = (): number | undefined => {
    if (boldStyle !== undefined) return boldStyle.index;
    if (info.stylesPart !== undefined) {
      const made = addBoldStyle(info.stylesPart, partText(pkg, info.stylesPart));
      if (made !== undefined) replace.set(info.stylesPart, Buffer.from(made.xml, 'utf8'));
      boldStyle = { index: made?.styleIndex };
      return boldStyle.index;
    }
    // No styles part (Google Sheets writes none): a minimal one, with its relationship and content type.
    let stylesNumber = 1;
    while (pkg.parts.has(`${folder}styles${stylesNumber === 1 ? '' : String(stylesNumber)}.xml`)) stylesNumber++;
    const part = `${folder}styles${stylesNumber === 1 ? '' : String(stylesNumber)}.xml`;
    const made = minimalStylesWithBold(info.strict ? SPREADSHEETML_STRICT : SPREADSHEETML);
    add.push({ name: part, data: Buffer.from(made.xml, 'utf8') });
    newRels.push({ id: nextRelationshipId(relsXml, takenIds), type: `${relationshipsNs}/styles`, target: part.slice(folder.length) });
    newTypes.push({ part, contentType: STYLES_CONTENT_TYPE });
    boldStyle = { index: made.styleIndex };
    return boldStyle.index;
  };
  try {
    for (const [name, writes] of bySheet) {
      const sheetValidations = validations.filter((v) => v.sheet === name);
      const entry = info.sheets.find((s) => s.name === name) ?? info.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (entry !== undefined) {
        const patched = patchSheet(entry.part, partText(pkg, entry.part), writes, sheetValidations);
        formulasChanged ||= patched.formulasChanged;
        replace.set(entry.part, Buffer.from(patched.xml, 'utf8'));
        continue;
      }
      while (pkg.parts.has(`${folder}worksheets/sheet${partNumber}.xml`)) partNumber++;
      const part = `${folder}worksheets/sheet${partNumber++}.xml`;
      const layout = options.newSheetColumns?.[name];
      const bold = (layout?.boldRows ?? []).length > 0 ? boldStyleIndex() : undefined;
      const xml = newSheetXml(info.strict ? SPREADSHEETML_STRICT : SPREADSHEETML, writes, sheetValidations, layout, bold);
      formulasChanged ||= writes.some((w) => w.content.formula !== undefined);
      add.push({ name: part, data: Buffer.from(xml, 'utf8') });
      const id = nextRelationshipId(relsXml, takenIds);
      newSheets.push({ name, sheetId: ++sheetId, relationshipId: id, hidden: hidden.includes(name) });
      newRels.push({ id, type: `${relationshipsNs}/worksheet`, target: part.slice(folder.length) });
      newTypes.push({ part, contentType: WORKSHEET_CONTENT_TYPE });
    }
    const calcChain = formulasChanged ? [...pkg.parts.keys()].find((n) => n === `${folder}calcChain.xml`) : undefined;
    if (edits.length > 0 || newSheets.length > 0 || hidden.length > 0) {
      const workbook = patchWorkbookXml(info.part, partText(pkg, info.part), { recalculate: edits.length > 0, newSheets, hide: hidden, strict: info.strict });
      replace.set(info.part, Buffer.from(workbook, 'utf8'));
    }
    if (calcChain !== undefined) replace.set(calcChain, null);
    if (relsXml !== undefined && (newRels.length > 0 || calcChain !== undefined)) {
      replace.set(relsPart, Buffer.from(patchRelationships(relsPart, relsXml, newRels, calcChain === undefined ? [] : ['calcChain']), 'utf8'));
    }
    if (newTypes.length > 0 || calcChain !== undefined) {
      const types = patchContentTypes(partText(pkg, '[Content_Types].xml'), newTypes, calcChain === undefined ? [] : [calcChain]);
      replace.set('[Content_Types].xml', Buffer.from(types, 'utf8'));
    }
    return patchZip(pkg.bytes, pkg.entries, replace, add);
  } catch (e) {
    throw asFileError(e, pkg.file);
  }
}

/** Writes a patched copy of an opened package to `outFile` (whole or not at all). */
export function writePatchedCopy(pkg: XlsxPackage, info: WorkbookInfo, outFile: string, edits: readonly CellEdit[], options: CopyOptions = {}): void {
  writeFileAtomic(outFile, patchedPackage(pkg, info, edits, options));
}

/**
 * Writes `outFile`: a copy of `inFile` with `edits` applied and every other
 * part kept byte for byte. Formulas are written without a cached result and
 * the workbook is set to recalculate on load. Text is written as text.
 * Throws `XlsxFileError`; on failure no output file is left behind. `inFile`
 * is never modified.
 */
export async function applyEdits(inFile: string, outFile: string, edits: readonly CellEdit[], options: CopyOptions = {}): Promise<void> {
  assertWritableCopy(inFile, outFile);
  const pkg = openPackage(inFile);
  writePatchedCopy(pkg, readWorkbookInfo(pkg), outFile, edits, options);
}
