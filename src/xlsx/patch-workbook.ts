/**
 * The smallest edits to the package-level parts when a copy is written:
 * workbook.xml (recalculate on load, a new sheet, a sheet's visibility), its
 * relationships and [Content_Types].xml (a new sheet's part in, a stale
 * calculation chain out). Each is a splice into the part's text; the rest of
 * each part stays as it was.
 */
import { applySplices, elementsOf, escapeXml, insertionPoint, prefixOf, setAttribute, type Splice, type XmlElement } from './xml-edit';

/** The elements that follow `calcPr` in workbook.xml (ECMA-376 Part 1, 18.2.28 CT_Workbook). */
const AFTER_CALC_PR = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

export const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const RELATIONSHIPS_NS_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
export const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** A sheet to add to workbook.xml. */
export interface NewSheet {
  name: string;
  sheetId: number;
  relationshipId: string;
  hidden: boolean;
}

/**
 * workbook.xml with `fullCalcOnLoad` set (Excel and LibreOffice recalculate
 * every formula when the copy opens), `newSheets` appended to `<sheets>` and
 * the sheets named in `hide` hidden.
 */
export function patchWorkbookXml(part: string, xml: string, options: { recalculate: boolean; newSheets: readonly NewSheet[]; hide: readonly string[]; strict: boolean }): string {
  const elements = elementsOf(part, xml);
  const root = elements[0] as XmlElement;
  const p = prefixOf(root);
  const splices: Splice[] = [];
  if (options.recalculate) {
    const calcPr = elements.find((e) => e.name === 'calcPr' && e.parent === 0);
    if (calcPr !== undefined) splices.push(setAttribute(xml, calcPr, 'fullCalcOnLoad', '1'));
    else {
      const at = insertionPoint(xml, elements, AFTER_CALC_PR);
      splices.push({ start: at, end: at, text: `<${p}calcPr fullCalcOnLoad="1"/>` });
    }
  }
  const sheetsIndex = elements.findIndex((e) => e.name === 'sheets' && e.parent === 0);
  for (const e of elements) {
    if (e.name === 'sheet' && e.parent === sheetsIndex && options.hide.includes(e.attributes.name ?? '') && e.attributes.state !== 'veryHidden') splices.push(setAttribute(xml, e, 'state', 'hidden'));
  }
  if (options.newSheets.length > 0) {
    const sheets = elements[sheetsIndex];
    if (sheets === undefined || sheets.selfClosing) throw new Error(`${part}: no <sheets>`);
    const relNs = options.strict ? RELATIONSHIPS_NS_STRICT : RELATIONSHIPS_NS;
    const declared = Object.entries(root.attributes)
      .find(([k, v]) => k.startsWith('xmlns:') && v === relNs)?.[0]
      .slice(6);
    const r = declared ?? 'r';
    const declaration = declared === undefined ? ` xmlns:r="${relNs}"` : '';
    const text = options.newSheets
      .map((s) => `<${p}sheet name="${escapeXml(s.name)}" sheetId="${s.sheetId}"${s.hidden ? ' state="hidden"' : ''}${declaration} ${r}:id="${s.relationshipId}"/>`)
      .join('');
    const at = xml.lastIndexOf('</', sheets.end - 1);
    splices.push({ start: at, end: at, text });
  }
  return applySplices(xml, splices);
}

/** The workbook's relationships with new ones appended and those to targets in `remove` left out. */
export function patchRelationships(part: string, xml: string, add: readonly { id: string; type: string; target: string }[], removeTypes: readonly string[]): string {
  const elements = elementsOf(part, xml);
  const root = elements[0] as XmlElement;
  const splices: Splice[] = elements
    .filter((e) => e.name === 'Relationship' && removeTypes.some((t) => (e.attributes.Type ?? '').endsWith(`/${t}`)))
    .map((e) => ({ start: e.start, end: e.end, text: '' }));
  if (add.length > 0) {
    const at = xml.lastIndexOf('</', root.end - 1);
    splices.push({ start: at, end: at, text: add.map((a) => `<Relationship Id="${escapeXml(a.id)}" Type="${escapeXml(a.type)}" Target="${escapeXml(a.target)}"/>`).join('') });
  }
  return applySplices(xml, splices);
}

/** [Content_Types].xml with overrides for new parts and without those of removed parts. */
export function patchContentTypes(xml: string, add: readonly { part: string; contentType: string }[], removeParts: readonly string[]): string {
  const elements = elementsOf('[Content_Types].xml', xml);
  const root = elements[0] as XmlElement;
  const gone = new Set(removeParts.map((x) => `/${x}`));
  const splices: Splice[] = elements.filter((e) => e.name === 'Override' && gone.has(e.attributes.PartName ?? '')).map((e) => ({ start: e.start, end: e.end, text: '' }));
  if (add.length > 0) {
    const at = xml.lastIndexOf('</', root.end - 1);
    splices.push({ start: at, end: at, text: add.map((a) => `<Override PartName="/${escapeXml(a.part)}" ContentType="${a.contentType}"/>`).join('') });
  }
  return applySplices(xml, splices);
}
