/**
 * Small, exact edits to an XML part: the part is parsed once with saxes
 * (tracking positions) into a flat list of its elements with their offsets,
 * and edits are splices at those offsets. Everything outside the spliced
 * ranges stays character for character as it was (its namespaces, prefixes,
 * whitespace, unknown extensions).
 */
import { localName, partParser } from './xml';

/** One element of a part, with its offsets in the part's text. */
export interface XmlElement {
  /** Local name (prefix removed). */
  name: string;
  /** The name as written (`x:c`). */
  qualifiedName: string;
  attributes: Record<string, string>;
  /** Index of the parent element in the list (-1 for the root). */
  parent: number;
  depth: number;
  /** Offset of `<` of the start tag. */
  start: number;
  /** Offset just after the start tag's `>`. */
  openEnd: number;
  /** Offset just after the end tag (or the self-closing start tag). */
  end: number;
  selfClosing: boolean;
  /** The character data directly inside (for short leaf elements: `<f>`, `<v>`). */
  text: string;
}

/** The elements of a part in document order (start tags' order). */
export function elementsOf(part: string, xml: string): XmlElement[] {
  const elements: XmlElement[] = [];
  const stack: number[] = [];
  const parser = partParser(part, {}, { positions: true });
  parser.on('opentag', (tag) => {
    const end = parser.position;
    const start = xml.lastIndexOf('<', end - 1);
    const parent = stack.length === 0 ? -1 : (stack[stack.length - 1] as number);
    elements.push({
      name: localName(tag.name),
      qualifiedName: tag.name,
      attributes: tag.attributes as Record<string, string>,
      parent,
      depth: stack.length,
      start,
      openEnd: end,
      end,
      selfClosing: tag.isSelfClosing,
      text: '',
    });
    stack.push(elements.length - 1);
  });
  parser.on('closetag', () => {
    const index = stack.pop();
    if (index !== undefined) (elements[index] as XmlElement).end = parser.position;
  });
  const addText = (t: string): void => {
    const index = stack[stack.length - 1];
    if (index !== undefined) (elements[index] as XmlElement).text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(xml);
  parser.close();
  return elements;
}

/** A replacement of `[start, end)` by `text` (an insertion when start = end). */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies non-overlapping splices. Insertions at the same offset keep the
 * order they were given in.
 */
export function applySplices(xml: string, splices: readonly Splice[]): string {
  const ordered = splices.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end || a.i - b.i);
  const out: string[] = [];
  let at = 0;
  for (const { s } of ordered) {
    if (s.start < at) throw new Error('overlapping XML edits');
    out.push(xml.slice(at, s.start), s.text);
    at = s.end;
  }
  out.push(xml.slice(at));
  return out.join('');
}

/** Text escaped for XML character data and attribute values; characters XML 1.0 forbids become U+FFFD. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/**
 * A splice that sets one attribute in an element's start tag (added before
 * the tag's end when missing).
 */
export function setAttribute(xml: string, element: XmlElement, name: string, value: string): Splice {
  const tag = xml.slice(element.start, element.openEnd);
  const existing = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`).exec(tag);
  if (existing !== null) {
    const at = element.start + existing.index;
    return { start: at, end: at + existing[0].length, text: ` ${name}="${escapeXml(value)}"` };
  }
  const close = element.selfClosing ? tag.lastIndexOf('/') : tag.length - 1;
  const at = element.start + close;
  return { start: at, end: at, text: ` ${name}="${escapeXml(value)}"` };
}

/** The prefix of an element's name with its colon (`x:`), or ''. */
export function prefixOf(element: XmlElement): string {
  const colon = element.qualifiedName.indexOf(':');
  return colon < 0 ? '' : element.qualifiedName.slice(0, colon + 1);
}

/** The first child of `parentIndex` named one of `names`, in document order. */
export function firstChild(elements: readonly XmlElement[], parentIndex: number, names: readonly string[]): XmlElement | undefined {
  return elements.find((e) => e.parent === parentIndex && names.includes(e.name));
}

/**
 * Where to insert a new child of the root so that the schema's order holds:
 * before the first existing child named in `following`, else before the
 * root's end tag.
 */
export function insertionPoint(xml: string, elements: readonly XmlElement[], following: readonly string[]): number {
  const next = firstChild(elements, 0, following);
  if (next !== undefined) return next.start;
  const root = elements[0] as XmlElement;
  return xml.lastIndexOf('</', root.end - 1);
}
