/**
 * A small R1C1 normaliser for en-US A1 formulas, so the formulas of one column
 * can be compared by shape: `=C5-D5` in row 5 and `=C6-D6` in row 6 are both
 * `=R[0]C[-2]-R[0]C[-1]`; `=C7-D8` in row 7 is not.
 *
 * It is a scanner, not a parser: string literals and quoted sheet names are
 * copied as they are, cell references (with or without `$`) are rewritten
 * relative to the formula's own cell, everything else is upper-cased with
 * the spaces removed. Function names (`LOG10(`) and defined names are left alone.
 */

import { columnLetter } from './grid';

const WORD_CHAR = /[A-Z0-9_.]/;

/**
 * What `toR1C1` rewrites in an upper-cased en-US formula (everything else
 * stays as it is):
 * 1. a quoted run: a string literal or a quoted sheet name (the quote
 *    doubled inside; an unclosed one runs to the end), which keeps its case;
 * 2. a cell reference (`$?[A-Z]{1,3}$?[1-9][0-9]{0,6}`) that no word
 *    character (`[A-Z0-9_.]`) precedes and no word character or `(` follows,
 *    so that none is found inside a function or a name (`LOG10(`,
 *    `TAX_2021`, `R1C1`);
 * 3. spaces, tabs and line breaks, which the R1C1 text leaves out.
 */
const REWRITTEN = /("(?:[^"]|"")*"?|'(?:[^']|'')*'?)|(?<![A-Z0-9_.])(\$?)([A-Z]{1,3})(\$?)([1-9][0-9]{0,6})(?![A-Z0-9_.(])|[ \t\r\n]+/g;

/** A1 column letters to a 0-based column number (`A` → 0, `AB` → 27). */
function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/**
 * The formula in R1C1 terms relative to the cell at 0-based (row, col):
 * relative parts as `R[dr]`/`C[dc]`, absolute parts (`$`) as `R7`/`C3` (1-based).
 * String literals and quoted sheet names keep their case; everything else is
 * upper-cased, with spaces and line breaks left out.
 */
export function toR1C1(formula: string, row: number, col: number): string {
  const upper = formula.toUpperCase();
  // toUpperCase can lengthen a text (ß → SS): then the literals are taken from the upper-cased text too.
  const literals = upper.length === formula.length ? formula : upper;
  return upper.replace(REWRITTEN, (match: string, quoted?: string, colAbs?: string, letters?: string, rowAbs?: string, digits?: string, offset?: number): string => {
    if (quoted !== undefined) return literals.slice(offset, (offset as number) + match.length);
    if (letters === undefined || digits === undefined) return '';
    const refRow = Number(digits) - 1;
    const refCol = columnNumber(letters);
    return (rowAbs === '$' ? `R${refRow + 1}` : `R[${refRow - row}]`) + (colAbs === '$' ? `C${refCol + 1}` : `C[${refCol - col}]`);
  });
}

/** The index after the quoted run (`"…"` or `'…'`, the quote doubled inside) that starts at i. */
function quotedEnd(text: string, i: number): number {
  const q = text[i];
  let j = i + 1;
  while (j < text.length) {
    if (text[j] === q) {
      if (text[j + 1] === q) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return text.length;
}

/** Back from R1C1 (as written by `toR1C1`) to A1 for the cell at 0-based (row, col). */
export function fromR1C1(shape: string, row: number, col: number): string {
  let out = '';
  let i = 0;
  const ref = /^R(\[-?\d+\]|\d+)C(\[-?\d+\]|\d+)/;
  while (i < shape.length) {
    const ch = shape[i] as string;
    if (ch === '"' || ch === "'") {
      const end = quotedEnd(shape, i);
      out += shape.slice(i, end);
      i = end;
      continue;
    }
    const prev = i > 0 ? (shape[i - 1] as string) : '';
    const m = ch === 'R' && !WORD_CHAR.test(prev) ? ref.exec(shape.slice(i, i + 24)) : null;
    if (m !== null) {
      const rPart = m[1] as string;
      const cPart = m[2] as string;
      const r = rPart.startsWith('[') ? row + Number(rPart.slice(1, -1)) : Number(rPart) - 1;
      const c = cPart.startsWith('[') ? col + Number(cPart.slice(1, -1)) : Number(cPart) - 1;
      if (r < 0 || c < 0) return shape;
      out += (cPart.startsWith('[') ? '' : '$') + columnLetter(c) + (rPart.startsWith('[') ? '' : '$') + String(r + 1);
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Splits `a,b,(c,d)` at its top-level commas, respecting parentheses and quotes. */
export function splitArguments(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      i = quotedEnd(text, i);
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  parts.push(text.slice(start));
  return parts;
}

const LITERAL = /^("([^"]|"")*"|-?\d+(\.\d+)?|)$/;

/** The body of `NAME(…)` when the whole expression is that one call, else undefined. */
function callBody(expr: string, name: string): string | undefined {
  if (!expr.startsWith(`${name}(`) || !expr.endsWith(')')) return undefined;
  const body = expr.slice(name.length + 1, -1);
  // The closing parenthesis must be the call's own.
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"' || ch === "'") {
      i = quotedEnd(body, i) - 1;
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return undefined;
  }
  return depth === 0 ? body : undefined;
}

/**
 * The computing core of a normalised formula, with "not meaningful" guards
 * taken off: `=IF(cond,"",X)`, `=IF(cond,X,"–")` and `=IFERROR(X,"")` all
 * have the core `=X`. A guarded change % (as our fix writes it) thus has the
 * same shape as the unguarded ones around it.
 */
export function formulaCore(shape: string): string {
  let expr = shape.startsWith('=') ? shape.slice(1) : shape;
  for (;;) {
    const ifBody = callBody(expr, 'IF');
    if (ifBody !== undefined) {
      const args = splitArguments(ifBody);
      if (args.length === 3 && LITERAL.test(args[1] as string)) {
        expr = args[2] as string;
        continue;
      }
      if (args.length === 3 && LITERAL.test(args[2] as string)) {
        expr = args[1] as string;
        continue;
      }
    }
    const errBody = callBody(expr, 'IFERROR');
    if (errBody !== undefined) {
      const args = splitArguments(errBody);
      if (args.length === 2 && LITERAL.test(args[1] as string)) {
        expr = args[0] as string;
        continue;
      }
    }
    break;
  }
  return `=${expr}`;
}

/** The shape a formula at (row, col) has for comparing it with its neighbours: R1C1, guards off. */
export function formulaShape(formula: string, row: number, col: number): string {
  return formulaCore(toR1C1(formula, row, col));
}

/**
 * The index after the reference (`$?[A-Z]{1,3}$?[1-9][0-9]{0,6}`) at i of an
 * upper-cased formula when no word character or `(` follows it, else −1:
 * what `REWRITTEN` reads as a reference, read here by character codes since
 * `sameR1C1` asks for it at every word of every formula.
 */
function referenceEnd(src: string, i: number): number {
  let j = i;
  if (src.charCodeAt(j) === 36 /* $ */) j++;
  const letters = j;
  while (j - letters < 3 && isLetterCode(src.charCodeAt(j))) j++;
  if (j === letters) return -1;
  if (src.charCodeAt(j) === 36) j++;
  if (!(src.charCodeAt(j) >= 49 && src.charCodeAt(j) <= 57)) return -1;
  const digits = j;
  while (j - digits < 7 && isDigitCode(src.charCodeAt(j))) j++;
  const after = j < src.length ? src.charCodeAt(j) : -1;
  return isWordCode(after) || after === 40 /* ( */ ? -1 : j;
}

/**
 * True when the reference at i of a, in a formula at (rowA, colA), and the
 * one at j of b, at (rowB, colB), have the same R1C1 text: the same `$`s,
 * and each part the same absolute number or the same offset from its cell.
 * Both are references (`referenceEnd`); each is read once, side by side.
 */
function sameReference(a: string, i: number, rowA: number, colA: number, b: string, j: number, rowB: number, colB: number): boolean {
  const colAbs = a.charCodeAt(i) === 36;
  if (colAbs !== (b.charCodeAt(j) === 36)) return false;
  let x = colAbs ? i + 1 : i;
  let y = colAbs ? j + 1 : j;
  let letterA = 0;
  for (; isLetterCode(a.charCodeAt(x)); x++) letterA = letterA * 26 + (a.charCodeAt(x) - 64);
  let letterB = 0;
  for (; isLetterCode(b.charCodeAt(y)); y++) letterB = letterB * 26 + (b.charCodeAt(y) - 64);
  if (colAbs ? letterA !== letterB : letterA - colA !== letterB - colB) return false;
  const rowAbs = a.charCodeAt(x) === 36;
  if (rowAbs !== (b.charCodeAt(y) === 36)) return false;
  if (rowAbs) {
    x++;
    y++;
  }
  let digitsA = 0;
  for (; isDigitCode(a.charCodeAt(x)); x++) digitsA = digitsA * 10 + (a.charCodeAt(x) - 48);
  let digitsB = 0;
  for (; isDigitCode(b.charCodeAt(y)); y++) digitsB = digitsB * 10 + (b.charCodeAt(y) - 48);
  return rowAbs ? digitsA === digitsB : digitsA - rowA === digitsB - rowB;
}

/** True for `A`–`Z`. */
function isLetterCode(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** True for `0`–`9`. */
function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True for the characters of a word (`[A-Z0-9_.]`, on the upper-cased text). */
function isWordCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46;
}

/** True for the characters `nextToken` skips. */
function isSkipped(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * True when formula a at (rowA, colA) and formula b at (rowB, colB) have the
 * same R1C1 text (`toR1C1(a, rowA, colA) === toR1C1(b, rowB, colB)`), found
 * without making either text: `=C5-D5` in row 5 and `=C6-D6` in row 6 are
 * the same. False means "not shown to be the same": compare the R1C1 texts.
 *
 * The two formulas are read side by side, token by token as `toR1C1` reads
 * them. Written by hand: it runs for every formula of every table (12 000
 * times in the 40-sheet workbook), and making both R1C1 texts instead takes
 * detection and rules from 1,5 to 1,9 × the baseline revision's time
 * (`npm run bench -- --only engine`).
 */
export function sameR1C1(a: string, rowA: number, colA: number, b: string, rowB: number, colB: number): boolean {
  // Only a text `toR1C1` reads as it is (no lower case outside quotes, only ASCII) is compared here: a
  // character outside that gives "not shown to be the same" where it is met (every character is met once).
  const na = a.length;
  const nb = b.length;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < na && isSkipped(a.charCodeAt(i))) i++;
    while (j < nb && isSkipped(b.charCodeAt(j))) j++;
    if (i >= na || j >= nb) return i >= na && j >= nb;
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (ca === 34 || ca === 39 || cb === 34 || cb === 39) {
      // Quoted runs: the same text.
      if (ca !== cb) return false;
      const ea = quotedEnd(a, i);
      if (quotedEnd(b, j) - j !== ea - i) return false;
      for (let k = 0; k < ea - i; k++) {
        const c = a.charCodeAt(i + k);
        if (c >= 128 || c !== b.charCodeAt(j + k)) return false;
      }
      j += ea - i;
      i = ea;
      continue;
    }
    const wordA = (ca === 36 || (ca >= 65 && ca <= 90)) && !(i > 0 && isWordCode(a.charCodeAt(i - 1)));
    const wordB = (cb === 36 || (cb >= 65 && cb <= 90)) && !(j > 0 && isWordCode(b.charCodeAt(j - 1)));
    if (wordA !== wordB) return false;
    if (!wordA) {
      // One character each (a lower-case letter or any non-ASCII one: not as it is).
      if (ca !== cb || (ca >= 97 && ca <= 122) || ca >= 128) return false;
      i++;
      j++;
      continue;
    }
    // A reference or a word in each.
    const refEndA = referenceEnd(a, i);
    const refEndB = referenceEnd(b, j);
    if (refEndA < 0 !== refEndB < 0) return false;
    if (refEndA >= 0) {
      if (!sameReference(a, i, rowA, colA, b, j, rowB, colB)) return false;
      i = refEndA;
      j = refEndB;
      continue;
    }
    let ea = i + 1;
    while (ea < na && isWordCode(a.charCodeAt(ea))) ea++;
    let eb = j + 1;
    while (eb < nb && isWordCode(b.charCodeAt(eb))) eb++;
    if (eb - j !== ea - i) return false;
    for (let k = 0; k < ea - i; k++) if (a.charCodeAt(i + k) !== b.charCodeAt(j + k)) return false;
    i = ea;
    j = eb;
  }
}
