/**
 * A small R1C1 normaliser for en-US A1 formulas, so the formulas of one column
 * can be compared by shape: `=C5-D5` in row 5 and `=C6-D6` in row 6 are both
 * `=R[0]C[-2]-R[0]C[-1]`; `=C7-D8` in row 7 is not.
 *
 * It is a scanner, not a parser: string literals and quoted sheet names are
 * copied as they are, cell references (with or without `$`) are rewritten
 * relative to the formula's own cell, everything else is upper-cased with
 * the spaces removed. Function names (`LOG10(`) and defined names are left alone.
 * A column's formulas filled down from one (`=C5-D5`, `=C6-D6` …) are
 * recognised by their text (`filledFormula`, `isFilledTo`), without an R1C1
 * text of their own.
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
 * A formula read for recognising it filled down or up its column: its text
 * around the row numbers of its relative references. `=(C4/B4-1)*100` in
 * row 4 is `=(C`, 4, `/B`, 4, `-1)*100`; filled to row 9 it reads
 * `=(C9/B9-1)*100`.
 */
export interface FilledFormula {
  /** The formula's cell (0-based). */
  row: number;
  col: number;
  /** The text before, between and after the relative row numbers (one more than there are numbers). */
  texts: string[];
  /** The relative row numbers as written (1-based). */
  rows: number[];
}

/**
 * The formula at (row, col) read as a `FilledFormula`, or undefined when
 * upper-casing changes its length (`ß`), where `toR1C1`'s positions are not its own.
 */
export function filledFormula(formula: string, row: number, col: number): FilledFormula | undefined {
  const upper = formula.toUpperCase();
  if (upper.length !== formula.length) return undefined;
  const texts: string[] = [];
  const rows: number[] = [];
  let from = 0;
  for (const m of upper.matchAll(REWRITTEN)) {
    const digits = m[5];
    // A quoted run, white space, or an absolute row (`C$5`) stays text.
    if (digits === undefined || m[4] === '$') continue;
    const end = (m.index as number) + m[0].length;
    texts.push(formula.slice(from, end - digits.length));
    rows.push(Number(digits));
    from = end;
  }
  texts.push(formula.slice(from));
  return { row, col, texts, rows };
}

/**
 * True when `formula` at (row, col) is `filled` filled down or up to that
 * cell: in the same column, the same text with each relative row number
 * moved by as many rows (`=(C9/B9-1)*100` in row 9 for `=(C4/B4-1)*100` in
 * row 4). Such a formula has the same R1C1 text (`toR1C1`): the text around
 * the numbers is the same, and each number, written without a leading 0 in
 * at most 7 digits, is a reference's row where it was. False means "not
 * shown to be the same": compare the R1C1 texts.
 */
export function isFilledTo(filled: FilledFormula, formula: string, row: number, col: number): boolean {
  if (col !== filled.col) return false;
  const shift = row - filled.row;
  let at = 0;
  for (let k = 0; k < filled.rows.length; k++) {
    const text = filled.texts[k] as string;
    const moved = (filled.rows[k] as number) + shift;
    if (!formula.startsWith(text, at) || moved < 1 || moved > 9_999_999) return false;
    at += text.length;
    const digits = String(moved);
    if (!formula.startsWith(digits, at)) return false;
    at += digits.length;
  }
  const last = filled.texts[filled.rows.length] as string;
  return formula.length === at + last.length && formula.startsWith(last, at);
}
