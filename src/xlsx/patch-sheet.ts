/**
 * Cell edits written into a worksheet part by replacing only the `<c>`
 * elements that change (new cells and rows inserted in order), and a new
 * worksheet part made from edits alone. A changed cell keeps its style and
 * loses its cached value (a formula is calculated again when the file
 * opens); text is written as an inline string, so the shared strings are not
 * touched and text is never read as a number or a formula.
 *
 * A shared formula whose master cell is edited is first turned into plain
 * formulas in its other cells (each the formula Excel showed there, cached
 * value kept), so no cell is left deriving its formula from a changed master.
 */
import { cellAddress, type CellContent, type ListValidation } from '../engine';
import { moveFormula } from '../formula/references';
import { parseCellRef } from './sheet';
import { applySplices, elementsOf, escapeXml, insertionPoint, prefixOf, type Splice, type XmlElement } from './xml-edit';

/** The elements that follow `dataValidations` in a worksheet (ECMA-376 Part 1, 18.3.1.99 CT_Worksheet). */
const AFTER_DATA_VALIDATIONS = [
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** A cell's new content at a 0-based position. */
export interface CellWrite {
  row: number;
  col: number;
  content: CellContent;
}

/** The XML of one cell with new content (`p`: the sheet's element prefix). */
export function cellXml(p: string, row: number, col: number, content: CellContent, style: string | undefined): string {
  const r = `r="${cellAddress(row, col)}"${style === undefined ? '' : ` s="${escapeXml(style)}"`}`;
  if (content.formula !== undefined) {
    const f = content.formula.startsWith('=') ? content.formula.slice(1) : content.formula;
    return `<${p}c ${r}><${p}f>${escapeXml(f)}</${p}f></${p}c>`;
  }
  const v = content.value;
  if (v === null) return `<${p}c ${r}/>`;
  if (typeof v === 'number') return Number.isFinite(v) ? `<${p}c ${r}><${p}v>${String(v)}</${p}v></${p}c>` : `<${p}c ${r}/>`;
  if (typeof v === 'boolean') return `<${p}c ${r} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  return `<${p}c ${r} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeXml(v)}</${p}t></${p}is></${p}c>`;
}

/** A list data validation: a drop-down of `values` on `range`. */
export function listValidationXml(p: string, v: ListValidation): string {
  const list = `"${v.values.map((x) => x.replace(/"/g, '""')).join(',')}"`;
  return `<${p}dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${escapeXml(v.range)}"><${p}formula1>${escapeXml(list)}</${p}formula1></${p}dataValidation>`;
}

function rowNumber(row: XmlElement, previous: number): number {
  const r = row.attributes.r;
  return r === undefined ? previous + 1 : Number(r) - 1;
}

/** The result of patching a sheet: its new text, and whether a formula changed (the calculation chain is then stale). */
export interface PatchedSheet {
  xml: string;
  formulasChanged: boolean;
}

/**
 * Writes `writes` and `validations` into the worksheet part `xml`. Cells not
 * written keep their exact text.
 */
export function patchSheet(part: string, xml: string, writes: readonly CellWrite[], validations: readonly ListValidation[]): PatchedSheet {
  const elements = elementsOf(part, xml);
  const root = elements[0] as XmlElement;
  const p = prefixOf(root);
  const splices: Splice[] = [];
  let formulasChanged = writes.some((w) => w.content.formula !== undefined);

  const sheetDataIndex = elements.findIndex((e) => e.name === 'sheetData' && e.parent === 0);
  const sheetData = elements[sheetDataIndex];
  // Rows and their cells, by 0-based number.
  const rows = new Map<number, { element: XmlElement; index: number; cells: Map<number, XmlElement> }>();
  const cellFormulas = new Map<XmlElement, XmlElement>();
  let lastRow = -1;
  elements.forEach((e, i) => {
    if (e.name === 'row' && e.parent === sheetDataIndex) {
      lastRow = rowNumber(e, lastRow);
      rows.set(lastRow, { element: e, index: i, cells: new Map() });
    } else if (e.name === 'c' && e.depth === 3) {
      const row = rows.get(lastRow);
      if (row === undefined) return;
      const at = e.attributes.r === undefined ? undefined : parseCellRef(e.attributes.r);
      const col = at?.col ?? (row.cells.size === 0 ? 0 : Math.max(...row.cells.keys()) + 1);
      row.cells.set(col, e);
    } else if (e.name === 'f' && e.depth === 4) {
      const cell = elements[e.parent] as XmlElement;
      cellFormulas.set(cell, e);
    }
  });

  const edited = new Set(writes.map((w) => `${w.row}:${w.col}`));
  // Shared formulas whose master is edited: their other cells get plain formulas.
  const masters = new Map<string, { row: number; col: number; formula: string }>();
  for (const [r, row] of rows) {
    for (const [c, cell] of row.cells) {
      const f = cellFormulas.get(cell);
      if (f !== undefined && f.attributes.t === 'shared' && f.attributes.si !== undefined && f.text !== '' && edited.has(`${r}:${c}`))
        masters.set(f.attributes.si, { row: r, col: c, formula: f.text });
    }
  }
  if (masters.size > 0) {
    formulasChanged = true;
    for (const [r, row] of rows) {
      for (const [c, cell] of row.cells) {
        const f = cellFormulas.get(cell);
        const master = f?.attributes.si === undefined || f.attributes.t !== 'shared' ? undefined : masters.get(f.attributes.si);
        if (f === undefined || master === undefined || edited.has(`${r}:${c}`)) continue;
        const plain = moveFormula(master.formula, r - master.row, c - master.col);
        splices.push({ start: f.start, end: f.end, text: `<${p}f>${escapeXml(plain)}</${p}f>` });
      }
    }
  }

  // New rows (by number) and new cells of existing rows.
  const newRows = new Map<number, CellWrite[]>();
  const appended = new Map<XmlElement, string[]>();
  for (const w of [...writes].sort((a, b) => a.row - b.row || a.col - b.col)) {
    const row = rows.get(w.row);
    const existing = row?.cells.get(w.col);
    if (existing !== undefined) {
      if (cellFormulas.has(existing)) formulasChanged = true;
      splices.push({ start: existing.start, end: existing.end, text: cellXml(p, w.row, w.col, w.content, existing.attributes.s) });
      continue;
    }
    if (row === undefined) {
      newRows.set(w.row, [...(newRows.get(w.row) ?? []), w]);
      continue;
    }
    const text = cellXml(p, w.row, w.col, w.content, undefined);
    const after = [...row.cells.entries()].filter(([c]) => c > w.col).sort((a, b) => a[0] - b[0])[0];
    if (after !== undefined) splices.push({ start: after[1].start, end: after[1].start, text });
    else appended.set(row.element, [...(appended.get(row.element) ?? []), text]);
  }
  // Cells after a row's last cell: before its end tag, or the self-closing row opened up.
  for (const [row, texts] of appended) {
    if (row.selfClosing) {
      const close = xml.lastIndexOf('/', row.openEnd - 1);
      splices.push({ start: close, end: row.openEnd, text: `>${texts.join('')}</${p}row>` });
    } else {
      const at = xml.lastIndexOf('</', row.end - 1);
      splices.push({ start: at, end: at, text: texts.join('') });
    }
  }
  if (newRows.size > 0) {
    if (sheetData === undefined) throw new Error(`${part}: no sheetData`);
    const existingRows = [...rows.entries()].sort((a, b) => a[0] - b[0]);
    const insertAt = sheetData.selfClosing ? -1 : xml.lastIndexOf('</', sheetData.end - 1);
    const pieces: { at: number; text: string }[] = [];
    for (const [r, cells] of [...newRows.entries()].sort((a, b) => a[0] - b[0])) {
      const text = `<${p}row r="${r + 1}">${cells.map((w) => cellXml(p, w.row, w.col, w.content, undefined)).join('')}</${p}row>`;
      const next = existingRows.find(([n]) => n > r);
      pieces.push({ at: next === undefined ? insertAt : next[1].element.start, text });
    }
    if (sheetData.selfClosing) {
      splices.push({ start: sheetData.start, end: sheetData.end, text: `<${sheetData.qualifiedName}>${pieces.map((x) => x.text).join('')}</${sheetData.qualifiedName}>` });
    } else for (const x of pieces) splices.push({ start: x.at, end: x.at, text: x.text });
  }

  if (validations.length > 0) splices.push(...validationSplices(xml, elements, p, validations));
  return { xml: applySplices(xml, splices), formulasChanged };
}

/** Puts list validations on a sheet, replacing any validation on exactly the same range. */
function validationSplices(xml: string, elements: readonly XmlElement[], p: string, validations: readonly ListValidation[]): Splice[] {
  const containerIndex = elements.findIndex((e) => e.name === 'dataValidations' && e.parent === 0);
  const ranges = new Set(validations.map((v) => v.range));
  const ours = validations.map((v) => listValidationXml(p, v)).join('');
  if (containerIndex < 0) {
    const at = insertionPoint(xml, elements, AFTER_DATA_VALIDATIONS);
    return [{ start: at, end: at, text: `<${p}dataValidations count="${validations.length}">${ours}</${p}dataValidations>` }];
  }
  const container = elements[containerIndex] as XmlElement;
  const kept = elements.filter((e) => e.parent === containerIndex && e.name === 'dataValidation' && !ranges.has(e.attributes.sqref ?? ''));
  const tag = container.qualifiedName;
  const attrs = Object.entries(container.attributes)
    .filter(([k]) => k !== 'count')
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  const text = `<${tag}${attrs} count="${kept.length + validations.length}">${kept.map((e) => xml.slice(e.start, e.end)).join('')}${ours}</${tag}>`;
  return [{ start: container.start, end: container.end, text }];
}

/** Layout of a new sheet: column widths (in characters), hidden columns and rows written bold (a header), 0-based. */
export interface NewSheetColumns {
  widths?: readonly number[];
  hidden?: readonly number[];
  boldRows?: readonly number[];
}

/**
 * A whole worksheet part made from cell writes (for a sheet the workbook
 * does not have yet); the cells of `columns.boldRows` get the cell style
 * `boldStyle` (an index of the styles part's `cellXfs`) when there is one.
 */
export function newSheetXml(namespace: string, writes: readonly CellWrite[], validations: readonly ListValidation[], columns: NewSheetColumns = {}, boldStyle?: number): string {
  const styleOf = (row: number): string | undefined => (boldStyle !== undefined && columns.boldRows?.includes(row) === true ? String(boldStyle) : undefined);
  const rows = new Map<number, CellWrite[]>();
  for (const w of [...writes].sort((a, b) => a.row - b.row || a.col - b.col)) rows.set(w.row, [...(rows.get(w.row) ?? []), w]);
  const data = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, cells]) => `<row r="${r + 1}">${cells.map((w) => cellXml('', w.row, w.col, w.content, styleOf(w.row))).join('')}</row>`)
    .join('');
  const count = Math.max(columns.widths?.length ?? 0, ...(columns.hidden ?? []).map((c) => c + 1));
  const cols: string[] = [];
  for (let c = 0; c < count; c++) {
    const width = columns.widths?.[c];
    const hidden = columns.hidden?.includes(c) === true;
    if (width === undefined && !hidden) continue;
    cols.push(`<col min="${c + 1}" max="${c + 1}" width="${width ?? 9.140625}"${width === undefined ? '' : ' customWidth="1"'}${hidden ? ' hidden="1"' : ''}/>`);
  }
  const dv = validations.length === 0 ? '' : `<dataValidations count="${validations.length}">${validations.map((v) => listValidationXml('', v)).join('')}</dataValidations>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${namespace}">` +
    (cols.length === 0 ? '' : `<cols>${cols.join('')}</cols>`) +
    `<sheetData>${data}</sheetData>${dv}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}
