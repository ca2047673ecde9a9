/**
 * Reading the XML parts of a package with saxes: a maintained, strict,
 * non-validating SAX parser with no dependencies besides its name tables,
 * that fails on malformed XML instead of guessing, never fetches or expands
 * a DTD, and knows only XML's five entities (an undefined one is an error).
 * A part with a document type declaration is refused outright: Office never
 * writes one, and it is how entity bombs and external entities come in.
 *
 * Elements are matched by their local name (`x:c` and `c` alike): some
 * writers (the Open XML SDK) give SpreadsheetML a prefix.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

type PlainOptions = { xmlns: false; position: boolean };
/** A saxes parser without namespace processing (attributes are plain strings). */
export type PlainParser = SaxesParser<PlainOptions>;

/** A part that is not well-formed XML, or one with a DOCTYPE. */
export class XmlPartError extends Error {
  constructor(
    readonly part: string,
    detail: string,
  ) {
    super(`${part}: ${detail}`);
    this.name = 'XmlPartError';
  }
}

/** The transitional (ECMA) and strict (ISO) namespaces of a workbook's main parts. */
export const SPREADSHEETML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const SPREADSHEETML_STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

export interface XmlHandlers {
  /** An element starts (name without prefix). */
  open?(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  /** An element ends. */
  close?(name: string): void;
  /** Character data (entities decoded), also CDATA. */
  text?(text: string): void;
}

/** The part of a name after its prefix. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by local name (`r:id` for 'id' when `prefixed`), whatever its prefix. */
export function attribute(attributes: Record<string, string>, name: string, prefixed = false): string | undefined {
  if (!prefixed && attributes[name] !== undefined) return attributes[name];
  for (const key of Object.keys(attributes)) if (key.endsWith(`:${name}`) && !key.startsWith('xmlns')) return attributes[key];
  return undefined;
}

/**
 * A parser for one part, fed piece by piece with `write`, finished with
 * `close`. Errors (malformed XML, a DOCTYPE, an exception in a handler) are
 * thrown from the `write` or `close` that met them; XML errors as `XmlPartError`.
 */
export function partParser(part: string, handlers: XmlHandlers, options: { positions?: boolean } = {}): PlainParser {
  const parser = new SaxesParser<PlainOptions>({ xmlns: false, position: options.positions === true });
  parser.on('doctype', () => {
    throw new XmlPartError(part, 'document type declaration');
  });
  parser.on('error', (e) => {
    throw new XmlPartError(part, e.message);
  });
  const { open, close, text } = handlers;
  if (open !== undefined) parser.on('opentag', (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes, tag.isSelfClosing));
  if (close !== undefined) parser.on('closetag', (tag: SaxesTagPlain) => close(localName(tag.name)));
  if (text !== undefined) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  return parser;
}

/** Parses a whole part given as text. */
export function parseXml(part: string, xml: string, handlers: XmlHandlers): void {
  const parser = partParser(part, handlers);
  parser.write(xml);
  parser.close();
}
