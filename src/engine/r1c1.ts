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

/** Copies a quoted run (`"…"` or `'…'`, the quote doubled inside) starting at i; returns the index after it. */
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

/** True for the characters of a word (`[A-Z0-9_.]`, on the upper-cased text). */
function isWordCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46;
}

/**
 * The length of an A1 reference (`$?[A-Z]{1,3}$?[1-9][0-9]{0,6}`) at i of the
 * upper-cased text, 0 when there is none; the parts go to `REF_PARTS`.
 */
const REF_PARTS = { colAbs: false, col: 0, rowAbs: false, row: 0 };

function refAt(src: string, i: number): number {
  let j = i;
  const colAbs = src.charCodeAt(j) === 36; /* $ */
  if (colAbs) j++;
  const letters = j;
  while (j < src.length && j - letters < 3) {
    const c = src.charCodeAt(j);
    if (c < 65 || c > 90) break;
    j++;
  }
  // As the regular expression does: 1–3 letters directly followed by an optional $ and a digit 1–9.
  if (j === letters) return 0;
  let col = 0;
  for (let k = letters; k < j; k++) col = col * 26 + (src.charCodeAt(k) - 64);
  const rowAbs = src.charCodeAt(j) === 36;
  if (rowAbs) j++;
  const first = src.charCodeAt(j);
  if (!(first >= 49 && first <= 57)) return 0;
  let row = 0;
  const digits = j;
  while (j < src.length && j - digits < 7) {
    const c = src.charCodeAt(j);
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
    j++;
  }
  REF_PARTS.colAbs = colAbs;
  REF_PARTS.col = col - 1;
  REF_PARTS.rowAbs = rowAbs;
  REF_PARTS.row = row - 1;
  return j - i;
}

/**
 * The formula in R1C1 terms relative to the cell at 0-based (row, col):
 * relative parts as `R[dr]`/`C[dc]`, absolute parts (`$`) as `R7`/`C3` (1-based).
 */
export function toR1C1(formula: string, row: number, col: number): string {
  const src = formula.toUpperCase();
  const c = CURSOR_TEXT;
  c.text = src;
  c.i = 0;
  let out = '';
  for (let t = nextToken(c); t !== T_END; t = nextToken(c)) {
    if (t === T_REF) out += (c.rowAbs ? `R${c.row + 1}` : `R[${c.row - row}]`) + (c.colAbs ? `C${c.col + 1}` : `C[${c.col - col}]`);
    else if (t === T_QUOTED)
      out += formula.slice(c.start, c.end); // "…" or '…': literals keep their case
    else out += src.slice(c.start, c.end); // a word (function or name) whole, so no reference is found inside it; or one character
  }
  return out;
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

/** Cores of the R1C1 texts seen: a column of 1 000 formulas has one or two shapes. */
const CORES = new Map<string, string>();

/** The shape a formula at (row, col) has for comparing it with its neighbours: R1C1, guards off. */
export function formulaShape(formula: string, row: number, col: number): string {
  const r1c1 = toR1C1(formula, row, col);
  let core = CORES.get(r1c1);
  if (core === undefined) {
    core = formulaCore(r1c1);
    if (CORES.size >= 10_000) CORES.clear();
    CORES.set(r1c1, core);
  }
  return core;
}

/* The scanner `toR1C1` reads a formula with, token by token; `sameR1C1`
 * compares two formulas' R1C1 texts with it without making them (a column
 * of 6 000 formulas would otherwise make 6 000 R1C1 strings only to find
 * one shape). */

const T_END = 0;
const T_QUOTED = 1;
const T_WORD = 2;
const T_CHAR = 3;
const T_REF = 4;

/** A position in a formula for `sameR1C1`, and the token just read. */
interface Cursor {
  text: string;
  i: number;
  start: number;
  end: number;
  rowAbs: boolean;
  row: number;
  colAbs: boolean;
  col: number;
}

const CURSOR_TEXT: Cursor = { text: '', i: 0, start: 0, end: 0, rowAbs: false, row: 0, colAbs: false, col: 0 };

/**
 * The next token of an upper-cased formula: a quoted run, a word (function or
 * name, copied whole so no reference is found inside it), a reference, or
 * one character; spaces and line breaks are skipped.
 */
function nextToken(c: Cursor): number {
  const src = c.text;
  const n = src.length;
  while (c.i < n) {
    const i = c.i;
    const ch = src.charCodeAt(i);
    if (ch === 34 || ch === 39) {
      c.start = i;
      c.end = quotedEnd(src, i);
      c.i = c.end;
      return T_QUOTED;
    }
    if (ch === 32 || ch === 10 || ch === 13 || ch === 9) {
      c.i++;
      continue;
    }
    if ((ch === 36 || (ch >= 65 && ch <= 90)) && !(i > 0 && isWordCode(src.charCodeAt(i - 1)))) {
      const len = refTokenAt(src, i);
      if (len > 0) {
        c.rowAbs = REF_PARTS.rowAbs;
        c.row = REF_PARTS.row;
        c.colAbs = REF_PARTS.colAbs;
        c.col = REF_PARTS.col;
        c.i = i + len;
        return T_REF;
      }
      let j = i + 1;
      while (j < n && isWordCode(src.charCodeAt(j))) j++;
      c.start = i;
      c.end = j;
      c.i = j;
      return T_WORD;
    }
    c.start = i;
    c.end = i + 1;
    c.i = i + 1;
    return T_CHAR;
  }
  return T_END;
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
 * The two formulas are read token by token side by side, as `nextToken`
 * reads them, in one loop with the positions in local variables (this runs
 * for every formula of every table: 12 000 times in a 6 000-row workbook).
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
    const la = refTokenAt(a, i);
    const rowAbs = REF_PARTS.rowAbs;
    const row = REF_PARTS.row;
    const colAbs = REF_PARTS.colAbs;
    const col = REF_PARTS.col;
    const lb = refTokenAt(b, j);
    if (la > 0 !== lb > 0) return false;
    if (la > 0) {
      if (rowAbs !== REF_PARTS.rowAbs || colAbs !== REF_PARTS.colAbs) return false;
      if (rowAbs ? row !== REF_PARTS.row : row - rowA !== REF_PARTS.row - rowB) return false;
      if (colAbs ? col !== REF_PARTS.col : col - colA !== REF_PARTS.col - colB) return false;
      i += la;
      j += lb;
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

/** The length of the reference token at i (`refAt`, not followed by a word character or `(`), else 0; parts in `REF_PARTS`. */
function refTokenAt(src: string, i: number): number {
  const len = refAt(src, i);
  if (len === 0) return 0;
  const after = i + len < src.length ? src.charCodeAt(i + len) : -1;
  return isWordCode(after) || after === 40 /* ( */ ? 0 : len;
}
