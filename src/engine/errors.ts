import type { ErrorCode } from './grid';

/**
 * Error display texts in the Excel languages our users meet, mapped to codes.
 * Matching is case-insensitive. Used when an adapter only has text (a table
 * pasted as values, or an exporter that wrote the error as a string).
 */
const ERROR_TEXTS: readonly (readonly [string, ErrorCode])[] = [
  // English, also the en-US formula language: listed first so errorTextEnUs finds it.
  ['#DIV/0!', 'DIV_BY_ZERO'],
  ['#N/A', 'NA'],
  ['#NAME?', 'NAME'],
  ['#NULL!', 'NULL'],
  ['#NUM!', 'NUM'],
  ['#REF!', 'REF'],
  ['#VALUE!', 'VALUE'],
  ['#SPILL!', 'SPILL'],
  ['#CALC!', 'CALC'],
  ['#GETTING_DATA', 'GETTING_DATA'],
  ['#FIELD!', 'FIELD'],
  ['#BLOCKED!', 'BLOCKED'],
  ['#CONNECT!', 'CONNECT'],
  ['#BUSY!', 'BUSY'],
  ['#UNKNOWN!', 'UNKNOWN'],
  // Swedish
  ['#DIVISION/0!', 'DIV_BY_ZERO'],
  ['#SAKNAS!', 'NA'],
  ['#SAKNAS', 'NA'],
  ['#NAMN?', 'NAME'],
  ['#SKÄRNING!', 'NULL'],
  ['#OGILTIGT!', 'NUM'],
  ['#REFERENS!', 'REF'],
  ['#VÄRDEFEL!', 'VALUE'],
  ['#BERÄKNING!', 'CALC'],
  ['#BERÄKNA!', 'CALC'],
  ['#HÄMTAR_DATA', 'GETTING_DATA'],
  // Norwegian, Danish, Finnish, German, French (colleagues and exported files)
  ['#DIVISJON/0!', 'DIV_BY_ZERO'],
  ['#I/T', 'NA'],
  ['#JAOLLA/0!', 'DIV_BY_ZERO'],
  ['#PUUTTUU!', 'NA'],
  ['#NV', 'NA'],
  ['#WERT!', 'VALUE'],
  ['#BEZUG!', 'REF'],
  ['#ZAHL!', 'NUM'],
  ['#NOM?', 'NAME'],
  ['#NUL!', 'NULL'],
  ['#NOMBRE!', 'NUM'],
  ['#VALEUR!', 'VALUE'],
];

const BY_TEXT = new Map<string, ErrorCode>();
const EN_US = new Map<ErrorCode, string>();
for (const [text, code] of ERROR_TEXTS) {
  BY_TEXT.set(text.toUpperCase(), code);
  if (!EN_US.has(code)) EN_US.set(code, text);
}

/**
 * Recognises an Excel error value from its display text in any supported
 * language (`#DIV/0!`, `#DIVISION/0!`, `#SAKNAS!` …). Returns undefined for
 * anything else. Surrounding whitespace is ignored.
 */
export function errorCodeFromText(text: string): ErrorCode | undefined {
  const t = text.trim();
  if (t.length < 2 || t.length > 24 || t.charCodeAt(0) !== 35 /* # */) return undefined;
  return BY_TEXT.get(t.toUpperCase());
}

/** Every error display text recognised, in every language listed above (for tests and fuzzing). */
export function knownErrorTexts(): readonly (readonly [string, ErrorCode])[] {
  return ERROR_TEXTS;
}

/** The en-US display text of an error code, as used in formulas (`#DIV/0!`). */
export function errorTextEnUs(code: ErrorCode): string {
  return EN_US.get(code) ?? '#N/A';
}
