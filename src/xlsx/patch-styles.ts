/**
 * A bold cell style for the header row of a sheet the writer creates, by
 * the smallest edit to the styles part: one font appended to `<fonts>` (the
 * workbook's default font, fontId 0, made bold) and one `<xf>` using it
 * appended to `<cellXfs>`, their `count`s updated. Everything else in the
 * part stays character for character. A workbook without a styles part
 * (Google Sheets writes none) gets a minimal one (ECMA-376 Part 1, 18.8.39
 * CT_Stylesheet: fonts, fills, borders, cellStyleXfs, cellXfs, cellStyles).
 */
import { applySplices, elementsOf, prefixOf, setAttribute, type Splice, type XmlElement } from './xml-edit';

export const STYLES_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** A styles part with a bold style added, and the index in `cellXfs` of that style. */
export interface BoldStyle {
  xml: string;
  styleIndex: number;
}

function childrenOf(elements: readonly XmlElement[], parent: XmlElement, name: string): XmlElement[] {
  const index = elements.indexOf(parent);
  return elements.filter((e) => e.parent === index && e.name === name);
}

/**
 * styles.xml with a bold font and a cell style using it appended; undefined
 * when the part has no `<fonts>` or `<cellXfs>` to append to (then the
 * header is written in the default style).
 */
export function addBoldStyle(part: string, xml: string): BoldStyle | undefined {
  const elements = elementsOf(part, xml);
  const root = elements[0] as XmlElement;
  const fonts = elements.find((e) => e.name === 'fonts' && e.parent === 0);
  const cellXfs = elements.find((e) => e.name === 'cellXfs' && e.parent === 0);
  if (fonts === undefined || cellXfs === undefined || fonts.selfClosing || cellXfs.selfClosing) return undefined;
  const p = prefixOf(root);
  const fontList = childrenOf(elements, fonts, 'font');
  const xfList = childrenOf(elements, cellXfs, 'xf');
  const base = fontList[0];
  // The default font made bold (its size, name and colour kept), so the header looks like the rest of the workbook.
  const boldFont =
    base === undefined
      ? `<${p}font><${p}b/></${p}font>`
      : base.selfClosing
        ? `<${base.qualifiedName}><${p}b/></${base.qualifiedName}>`
        : `${xml.slice(base.start, base.openEnd)}<${p}b/>${xml.slice(base.openEnd, base.end)}`;
  const xf = `<${p}xf numFmtId="0" fontId="${fontList.length}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`;
  const splices: Splice[] = [
    setAttribute(xml, fonts, 'count', String(fontList.length + 1)),
    { start: xml.lastIndexOf('</', fonts.end - 1), end: xml.lastIndexOf('</', fonts.end - 1), text: boldFont },
    setAttribute(xml, cellXfs, 'count', String(xfList.length + 1)),
    { start: xml.lastIndexOf('</', cellXfs.end - 1), end: xml.lastIndexOf('</', cellXfs.end - 1), text: xf },
  ];
  return { xml: applySplices(xml, splices), styleIndex: xfList.length };
}

/** A minimal styles part (default font, the two fills every workbook has, no border) with a bold cell style at index 1. */
export function minimalStylesWithBold(namespace: string): BoldStyle {
  const font = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
  return {
    xml:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<styleSheet xmlns="${namespace}">` +
      `<fonts count="2"><font>${font}</font><font><b/>${font}</font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `</styleSheet>`,
    styleIndex: 1,
  };
}
