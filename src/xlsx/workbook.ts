/**
 * The workbook-level parts the grid needs: the sheet list (names, order,
 * visibility, which part holds each worksheet), the date system, the number
 * formats of the cell styles and the shared strings. Nothing else of the
 * package is inflated. Transitional (ECMA) and strict (ISO) packages alike:
 * elements are matched by local name and relationships by the last segment
 * of their type.
 */
import { XlsxFileError } from './file';
import { readPart, readRelationships, workbookPart, type XlsxPackage } from './package';
import { ownText } from './sheet';
import { attribute, SPREADSHEETML, SPREADSHEETML_STRICT } from './xml';

/** A worksheet of the workbook, in the workbook's order. */
export interface SheetEntry {
  name: string;
  /** `visible`, `hidden` or `veryHidden`. */
  state: string;
  /** The worksheet part (`xl/worksheets/sheet1.xml`). */
  part: string;
  sheetId: number;
  relationshipId: string;
}

export interface WorkbookInfo {
  part: string;
  strict: boolean;
  date1904: boolean;
  /** Worksheets only: chart sheets, dialog and macro sheets are left out. */
  sheets: SheetEntry[];
  /** Every `<sheet>` of workbook.xml (also chart sheets), for numbering a new one. */
  allSheetIds: number[];
  stylesPart: string | undefined;
  sharedStringsPart: string | undefined;
}

/**
 * The number formats built into Excel by id (ECMA-376 Part 1, 18.8.30), as
 * exceljs and Excel's en-US interface name them. Id 0 (General) is no format.
 */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

function isTrue(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

/** Reads workbook.xml and its relationships. */
export function readWorkbookInfo(pkg: XlsxPackage): WorkbookInfo {
  const part = workbookPart(pkg);
  const rels = readRelationships(pkg, part);
  const byId = new Map(rels.map((r) => [r.id, r] as const));
  let strict = false;
  let root = '';
  let date1904 = false;
  const sheets: SheetEntry[] = [];
  const allSheetIds: number[] = [];
  readPart(pkg, part, {
    open(name, attrs) {
      if (root === '') {
        root = name;
        const ns = Object.entries(attrs).find(([k, v]) => (k === 'xmlns' || k.startsWith('xmlns:')) && (v === SPREADSHEETML || v === SPREADSHEETML_STRICT))?.[1];
        strict = ns === SPREADSHEETML_STRICT;
        return;
      }
      if (name === 'workbookPr') date1904 = isTrue(attrs.date1904);
      else if (name === 'sheet') {
        const id = attribute(attrs, 'id', true) ?? '';
        const sheetId = Number(attrs.sheetId ?? 0);
        allSheetIds.push(Number.isFinite(sheetId) ? sheetId : 0);
        const rel = byId.get(id);
        if (rel === undefined || rel.external) throw new XlsxFileError('damaged', pkg.file, `sheet ${attrs.name ?? ''}: relationship ${id} points nowhere`);
        if (rel.kind !== 'worksheet') return;
        if (!pkg.parts.has(rel.target) || rel.target === part) throw new XlsxFileError('damaged', pkg.file, `sheet ${attrs.name ?? ''}: ${rel.target} is not a worksheet part`);
        sheets.push({ name: attrs.name ?? '', state: attrs.state ?? 'visible', part: rel.target, sheetId, relationshipId: id });
      }
    },
  });
  if (root !== 'workbook') throw new XlsxFileError('damaged', pkg.file, `${part} is not a workbook`);
  const existing = (kind: string): string | undefined => {
    const r = rels.find((x) => x.kind === kind && !x.external);
    return r !== undefined && pkg.parts.has(r.target) ? r.target : undefined;
  };
  return { part, strict, date1904, sheets, allSheetIds, stylesPart: existing('styles'), sharedStringsPart: existing('sharedStrings') };
}

/** The number format of each cell style (index of `cellXfs`), undefined for General. */
export function readCellFormats(pkg: XlsxPackage, stylesPart: string | undefined): (string | undefined)[] {
  if (stylesPart === undefined) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  readPart(pkg, stylesPart, {
    open(name, attrs) {
      if (name === 'numFmt') custom.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(Number(attrs.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfFormats.map((id) => (id > 0 ? (custom.get(id) ?? BUILT_IN_FORMATS[id]) : undefined) || undefined);
}

/**
 * The shared strings, rich text flattened to its runs' text. Phonetic
 * readings (`rPh`, the furigana of East Asian text) are not part of the text.
 */
export function readSharedStrings(pkg: XlsxPackage, part: string | undefined): string[] {
  if (part === undefined) return [];
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  readPart(pkg, part, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    text(text) {
      if (inText) current += text;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') strings.push(ownText(current));
    },
  });
  return strings;
}
