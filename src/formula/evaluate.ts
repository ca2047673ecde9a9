/**
 * The one formula evaluator of the project, for the simple formulas of
 * budget tables (`=C5-D5`, `=(C5/B5-1)*100`, `=SUM(B4:B18)`,
 * `=IF(B5=0,"",(C5/B5-1)*100)`). The .xlsx reader uses it for formula cells
 * that carry no cached result (files written by tools that do not
 * calculate); the simulated Excel of demo mode and the tests uses it to show
 * what Excel would show after a fix or an undo.
 *
 * It knows cell and range references (optionally on another sheet:
 * `Blad2!B4`, `'Stab & ledning'!B4:B9`), numbers, text, TRUE/FALSE, error
 * literals, + - * / ^ & and comparisons, %, and the functions SUM, IF,
 * IFERROR, ISERROR, AND, OR, NOT, ABS, ROUND, MIN, MAX, AVERAGE, COUNT.
 * Anything else (names, other functions) makes `evaluateFormula` give up
 * (undefined: the caller reports the result as unknown rather than
 * guessing) and `evaluate` answer #NAME?, as Excel does for a function it
 * does not know. Pure: no Node, no DOM, no state between calls.
 */
import { type ErrorCode, errorCodeFromText } from '../engine';

export interface FormulaError {
  error: ErrorCode;
}

export type FormulaValue = number | string | boolean | null | FormulaError;

/** Looks up a cell (0-based) on the formula's sheet (`sheet` undefined) or the sheet named; undefined when its value is not known. */
export type CellLookup = (row: number, col: number, sheet?: string) => FormulaValue | undefined;

class Unsupported extends Error {}

type Node =
  | { k: 'lit'; v: FormulaValue }
  | { k: 'ref'; sheet: string | undefined; row: number; col: number }
  | { k: 'range'; sheet: string | undefined; r1: number; c1: number; r2: number; c2: number }
  | { k: 'un'; op: string; a: Node }
  | { k: 'pct'; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'fn'; name: string; args: Node[] };

type Token = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'sheet'; v: string } | { t: 'ref'; v: string } | { t: 'name'; v: string } | { t: 'err'; v: string } | { t: 'op'; v: string };

const TOKEN =
  /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|"((?:[^"]|"")*)"|('(?:[^']|'')+'|[A-Za-z_\u00c0-\uffff][A-Za-z0-9_.\u00c0-\uffff]*)!|(\$?[A-Za-z]{1,3}\$?\d{1,7})(?![A-Za-z0-9_(!])|([A-Za-z_][A-Za-z0-9_.]*)|(#[A-Za-z0-9/_]+[!?]?)|(<=|>=|<>|[-+*/^&=<>(),:%]))/y;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (m === null) throw new Unsupported(src.slice(pos));
    pos = TOKEN.lastIndex;
    if (m[1] !== undefined) out.push({ t: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ t: 'str', v: m[2].replace(/""/g, '"') });
    else if (m[3] !== undefined) out.push({ t: 'sheet', v: m[3].startsWith("'") ? m[3].slice(1, -1).replace(/''/g, "'") : m[3] });
    else if (m[4] !== undefined) out.push({ t: 'ref', v: m[4].toUpperCase() });
    else if (m[5] !== undefined) out.push({ t: 'name', v: m[5].toUpperCase() });
    else if (m[6] !== undefined) out.push({ t: 'err', v: m[6].toUpperCase() });
    else out.push({ t: 'op', v: m[7] as string });
  }
  return out;
}

function refPos(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref) as RegExpExecArray;
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

const BINARY: Record<string, number> = { '=': 1, '<>': 1, '<': 1, '>': 1, '<=': 1, '>=': 1, '&': 2, '+': 3, '-': 3, '*': 4, '/': 4, '^': 5 };

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const n = this.expr(1);
    if (this.i !== this.tokens.length) throw new Unsupported('trailing');
    return n;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t !== undefined && t.t === 'op' && t.v === v;
  }

  private expect(v: string): void {
    if (!this.isOp(v)) throw new Unsupported(`expected ${v}`);
    this.i++;
  }

  private expr(minPrec: number): Node {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (t === undefined || t.t !== 'op') break;
      const prec = BINARY[t.v];
      if (prec === undefined || prec < minPrec) break;
      this.i++;
      // ^ is left-associative in Excel too.
      const right = this.expr(prec + 1);
      left = { k: 'bin', op: t.v, a: left, b: right };
    }
    return left;
  }

  private unary(): Node {
    if (this.isOp('-') || this.isOp('+')) {
      const op = (this.tokens[this.i++] as { v: string }).v;
      return { k: 'un', op, a: this.unary() };
    }
    let n = this.primary();
    while (this.isOp('%')) {
      this.i++;
      n = { k: 'pct', a: n };
    }
    return n;
  }

  /** A reference, or a range when `:` and a second reference follow. */
  private reference(text: string, sheet: string | undefined): Node {
    const a = refPos(text);
    if (this.isOp(':')) {
      this.i++;
      const next = this.tokens[this.i++];
      if (next === undefined || next.t !== 'ref') throw new Unsupported('range');
      const b = refPos(next.v);
      return { k: 'range', sheet, r1: Math.min(a.row, b.row), c1: Math.min(a.col, b.col), r2: Math.max(a.row, b.row), c2: Math.max(a.col, b.col) };
    }
    return { k: 'ref', sheet, row: a.row, col: a.col };
  }

  private primary(): Node {
    const t = this.tokens[this.i++];
    if (t === undefined) throw new Unsupported('end');
    switch (t.t) {
      case 'num':
        return { k: 'lit', v: t.v };
      case 'str':
        return { k: 'lit', v: t.v };
      case 'err': {
        const code = errorCodeFromText(t.v);
        if (code === undefined) throw new Unsupported(t.v);
        return { k: 'lit', v: { error: code } };
      }
      case 'sheet': {
        const ref = this.tokens[this.i++];
        if (ref === undefined || ref.t !== 'ref') throw new Unsupported('sheet without a reference');
        return this.reference(ref.v, t.v);
      }
      case 'ref':
        return this.reference(t.v, undefined);
      case 'name': {
        if (t.v === 'TRUE' || t.v === 'FALSE') {
          if (this.isOp('(')) {
            this.i++;
            this.expect(')');
          }
          return { k: 'lit', v: t.v === 'TRUE' };
        }
        this.expect('(');
        const args: Node[] = [];
        if (!this.isOp(')')) {
          for (;;) {
            args.push(this.expr(1));
            if (this.isOp(',')) {
              this.i++;
              continue;
            }
            break;
          }
        }
        this.expect(')');
        return { k: 'fn', name: t.v.replace(/^_XLFN\./, ''), args };
      }
      case 'op':
        if (t.v === '(') {
          const n = this.expr(1);
          this.expect(')');
          return n;
        }
        throw new Unsupported(t.v);
    }
  }
}

function isError(v: FormulaValue): v is FormulaError {
  return v !== null && typeof v === 'object';
}

const VALUE_ERROR: FormulaError = { error: 'VALUE' };

function toNumber(v: FormulaValue): number | FormulaError {
  if (isError(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const t = v.trim();
  if (t === '') return VALUE_ERROR;
  const n = Number(t);
  return Number.isFinite(n) ? n : VALUE_ERROR;
}

function toText(v: FormulaValue): string | FormulaError {
  if (isError(v)) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function toBool(v: FormulaValue): boolean | FormulaError {
  if (isError(v)) return v;
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const t = v.trim().toUpperCase();
  if (t === 'TRUE') return true;
  if (t === 'FALSE') return false;
  return VALUE_ERROR;
}

function compare(op: string, a: FormulaValue, b: FormulaValue): boolean {
  // Empty compares as 0 with numbers and as "" with text, as in Excel.
  const x = a === null ? (typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0) : a;
  const y = b === null ? (typeof x === 'string' ? '' : typeof x === 'boolean' ? false : 0) : b;
  const rank = (v: FormulaValue): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  let c: number;
  if (rank(x) !== rank(y)) c = rank(x) - rank(y);
  else if (typeof x === 'string' && typeof y === 'string') c = x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0;
  else c = Number(x) - Number(y);
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    default:
      return c >= 0;
  }
}

class Evaluator {
  constructor(private readonly lookup: CellLookup) {}

  cell(row: number, col: number, sheet: string | undefined): FormulaValue {
    const v = this.lookup(row, col, sheet);
    if (v === undefined) throw new Unsupported('unknown cell');
    return v;
  }

  /** The values of an argument, ranges expanded (for SUM, MIN …). */
  values(n: Node): { v: FormulaValue; fromRange: boolean }[] {
    if (n.k === 'range') {
      if ((n.r2 - n.r1 + 1) * (n.c2 - n.c1 + 1) > 1_000_000) throw new Unsupported('range too large');
      const out: { v: FormulaValue; fromRange: boolean }[] = [];
      for (let r = n.r1; r <= n.r2; r++) for (let c = n.c1; c <= n.c2; c++) out.push({ v: this.cell(r, c, n.sheet), fromRange: true });
      return out;
    }
    return [{ v: this.eval(n), fromRange: n.k === 'ref' }];
  }

  /** The numbers of aggregate arguments: text and booleans in ranges are skipped, as in Excel. */
  numbers(args: Node[]): number[] | FormulaError {
    const out: number[] = [];
    for (const a of args) {
      for (const { v, fromRange } of this.values(a)) {
        if (isError(v)) return v;
        if (fromRange) {
          if (typeof v === 'number') out.push(v);
        } else {
          const n = toNumber(v);
          if (isError(n)) return n;
          out.push(n);
        }
      }
    }
    return out;
  }

  eval(n: Node): FormulaValue {
    switch (n.k) {
      case 'lit':
        return n.v;
      case 'ref':
        return this.cell(n.row, n.col, n.sheet);
      case 'range':
        throw new Unsupported('range outside a function');
      case 'pct': {
        const a = toNumber(this.eval(n.a));
        return isError(a) ? a : a / 100;
      }
      case 'un': {
        const a = toNumber(this.eval(n.a));
        return isError(a) ? a : n.op === '-' ? -a : a;
      }
      case 'bin':
        return this.binary(n.op, this.eval(n.a), this.eval(n.b));
      case 'fn':
        return this.call(n.name, n.args);
    }
  }

  binary(op: string, a: FormulaValue, b: FormulaValue): FormulaValue {
    if (isError(a)) return a;
    if (isError(b)) return b;
    if (op === '&') return (toText(a) as string) + (toText(b) as string);
    if (BINARY[op] === 1) return compare(op, a, b);
    const x = toNumber(a);
    const y = toNumber(b);
    if (isError(x)) return x;
    if (isError(y)) return y;
    let r: number;
    switch (op) {
      case '+':
        r = x + y;
        break;
      case '-':
        r = x - y;
        break;
      case '*':
        r = x * y;
        break;
      case '/':
        if (y === 0) return { error: 'DIV_BY_ZERO' };
        r = x / y;
        break;
      default:
        r = x ** y;
    }
    return Number.isFinite(r) ? r : { error: 'NUM' };
  }

  call(name: string, args: Node[]): FormulaValue {
    const arg = (i: number): Node => {
      const a = args[i];
      if (a === undefined) throw new Unsupported(`${name}: missing argument`);
      return a;
    };
    switch (name) {
      case 'IF': {
        if (args.length < 2 || args.length > 3) throw new Unsupported('IF');
        const c = toBool(this.eval(arg(0)));
        if (isError(c)) return c;
        if (c) return this.eval(arg(1));
        return args.length === 3 ? this.eval(arg(2)) : false;
      }
      case 'IFERROR': {
        const v = this.eval(arg(0));
        return isError(v) ? this.eval(arg(1)) : v;
      }
      case 'ISERROR':
        return isError(this.eval(arg(0)));
      case 'NOT': {
        const b = toBool(this.eval(arg(0)));
        return isError(b) ? b : !b;
      }
      case 'AND':
      case 'OR': {
        let acc = name === 'AND';
        for (const a of args) {
          for (const { v } of this.values(a)) {
            const b = toBool(v);
            if (isError(b)) return b;
            acc = name === 'AND' ? acc && b : acc || b;
          }
        }
        return acc;
      }
      case 'ABS': {
        const x = toNumber(this.eval(arg(0)));
        return isError(x) ? x : Math.abs(x);
      }
      case 'ROUND': {
        const x = toNumber(this.eval(arg(0)));
        const d = toNumber(this.eval(arg(1)));
        if (isError(x)) return x;
        if (isError(d)) return d;
        const f = 10 ** Math.trunc(d);
        return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
      }
      case 'SUM':
      case 'MIN':
      case 'MAX':
      case 'AVERAGE':
      case 'COUNT': {
        const ns = this.numbers(args);
        if (!Array.isArray(ns)) return name === 'COUNT' ? 0 : ns;
        if (name === 'SUM') return ns.reduce((s, x) => s + x, 0);
        if (name === 'COUNT') return ns.length;
        if (name === 'AVERAGE') return ns.length === 0 ? { error: 'DIV_BY_ZERO' } : ns.reduce((s, x) => s + x, 0) / ns.length;
        if (ns.length === 0) return 0;
        return name === 'MIN' ? Math.min(...ns) : Math.max(...ns);
      }
      default:
        throw new Unsupported(name);
    }
  }
}

/**
 * Evaluates a formula (with or without the leading `=`) against cell values
 * on its own sheet. Returns undefined when the formula uses anything this
 * evaluator does not know or a cell whose value is unknown.
 */
export function evaluateFormula(formula: string, lookup: CellLookup): FormulaValue | undefined {
  const src = formula.startsWith('=') ? formula.slice(1) : formula;
  try {
    const ast = new Parser(tokenize(src)).parse();
    return new Evaluator(lookup).eval(ast);
  } catch (e) {
    if (e instanceof Unsupported || e instanceof RangeError) return undefined;
    throw e;
  }
}

/** A cell value as the simulated Excel gives it (the same values as `FormulaValue`). */
export type Scalar = FormulaValue;

/** Looks up a cell's current value (calculating it if it is a formula) on the formula's sheet (`sheet` undefined) or the one named. */
export type Lookup = (sheet: string | undefined, row: number, col: number) => Scalar;

/** Calculates a formula (en-US, with or without `=`) as Excel shows it: a formula this evaluator does not know gives #NAME?. */
export function evaluate(formula: string, look: Lookup): Scalar {
  return evaluateFormula(formula, (row, col, sheet) => look(sheet, row, col)) ?? { error: 'NAME' };
}

const KNOWN_FUNCTIONS = ['SUM', 'IF', 'IFERROR', 'ISERROR', 'AND', 'OR', 'NOT', 'ABS', 'ROUND', 'MIN', 'MAX', 'AVERAGE', 'COUNT'];

/** True when the evaluator understands the formula (it parses, and uses only functions it knows). */
export function understands(formula: string): boolean {
  let ast: Node;
  try {
    ast = new Parser(tokenize(formula.startsWith('=') ? formula.slice(1) : formula)).parse();
  } catch (e) {
    if (e instanceof Unsupported || e instanceof RangeError) return false;
    throw e;
  }
  const known = (n: Node): boolean => {
    switch (n.k) {
      case 'un':
      case 'pct':
        return known(n.a);
      case 'bin':
        return known(n.a) && known(n.b);
      case 'fn':
        return KNOWN_FUNCTIONS.includes(n.name) && n.args.every(known);
      default:
        return true;
    }
  };
  return known(ast);
}
