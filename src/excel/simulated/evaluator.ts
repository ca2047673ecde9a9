/**
 * A tiny en-US formula evaluator for the test host, so that demo mode shows
 * what Excel would show after a fix or an undo: numbers, text, cell and range
 * references (optionally sheet-qualified), + - * / ^ & and comparisons,
 * SUM, IF, IFERROR, OR, AND, NOT, ABS, ROUND, MIN, MAX. Anything else
 * evaluates to #NAME? (the host does not pretend to know it).
 */
import { type ErrorCode, parseAddress } from '../../engine';

export type Scalar = number | string | boolean | null | { error: ErrorCode };
type Value = Scalar | Scalar[];

/** Looks up a cell's current value (calculating it if it is a formula). */
export type Lookup = (sheet: string | undefined, row: number, col: number) => Scalar;

type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'err'; v: ErrorCode }
  | { k: 'ref'; sheet?: string; row: number; col: number; row2?: number; col2?: number }
  | { k: 'un'; op: string; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'fn'; name: string; args: Node[] };

const ERROR_LITERALS: Record<string, ErrorCode> = {
  '#DIV/0!': 'DIV_BY_ZERO',
  '#N/A': 'NA',
  '#NAME?': 'NAME',
  '#NULL!': 'NULL',
  '#NUM!': 'NUM',
  '#REF!': 'REF',
  '#VALUE!': 'VALUE',
};

class ParseError extends Error {}

function tokenize(src: string): string[] {
  const re = /\s*('(?:[^']|'')+'!|[\p{L}_][\p{L}\p{N}_.]*!|\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|"(?:[^"]|"")*"|#[A-Z/0!?]+|<=|>=|<>|[A-Za-z_][\w.]*|[-+*/^&=<>(),:])/uy;
  const out: string[] = [];
  let i = 0;
  while (i < src.length) {
    if (/^\s*$/.test(src.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(src);
    if (m === null) throw new ParseError(src.slice(i));
    out.push(m[1] as string);
    i = re.lastIndex;
  }
  return out;
}

function parse(formula: string): Node {
  const toks = tokenize(formula.replace(/^=/, ''));
  let p = 0;
  const peek = (): string | undefined => toks[p];
  const next = (): string => {
    const t = toks[p++];
    if (t === undefined) throw new ParseError('end');
    return t;
  };
  const expect = (t: string): void => {
    if (next() !== t) throw new ParseError(t);
  };
  const comparison = (): Node => {
    let a = concat();
    while (['=', '<>', '<', '>', '<=', '>='].includes(peek() ?? '')) a = { k: 'bin', op: next(), a, b: concat() };
    return a;
  };
  const concat = (): Node => {
    let a = additive();
    while (peek() === '&') a = { k: 'bin', op: next(), a, b: additive() };
    return a;
  };
  const additive = (): Node => {
    let a = term();
    while (peek() === '+' || peek() === '-') a = { k: 'bin', op: next(), a, b: term() };
    return a;
  };
  const term = (): Node => {
    let a = unary();
    while (peek() === '*' || peek() === '/') a = { k: 'bin', op: next(), a, b: unary() };
    return a;
  };
  const unary = (): Node => {
    if (peek() === '-' || peek() === '+') return { k: 'un', op: next(), a: unary() };
    return power();
  };
  const power = (): Node => {
    let a = primary();
    while (peek() === '^') a = { k: 'bin', op: next(), a, b: primary() };
    return a;
  };
  const reference = (text: string, sheet?: string): Node => {
    const [a, b] = text.replace(/\$/g, '').split(':');
    const s = parseAddress(a as string);
    const e = b === undefined ? undefined : parseAddress(b);
    if (s === undefined) throw new ParseError(text);
    return { k: 'ref', ...(sheet === undefined ? {} : { sheet }), row: s.row, col: s.col, ...(e === undefined ? {} : { row2: e.row, col2: e.col }) };
  };
  const primary = (): Node => {
    const t = next();
    if (t === '(') {
      const e = comparison();
      expect(')');
      return e;
    }
    if (/^\d/.test(t)) return { k: 'num', v: Number(t) };
    if (t.startsWith('"')) return { k: 'str', v: t.slice(1, -1).replace(/""/g, '"') };
    if (t.startsWith('#')) {
      const code = ERROR_LITERALS[t.toUpperCase()];
      if (code === undefined) throw new ParseError(t);
      return { k: 'err', v: code };
    }
    if (t.endsWith('!')) {
      const name = t.startsWith("'") ? t.slice(1, -2).replace(/''/g, "'") : t.slice(0, -1);
      return reference(next(), name);
    }
    if (/^\$?[A-Za-z]{1,3}\$?\d+(:|$)/.test(t) && peek() !== '(') return reference(t);
    if (/^(TRUE|FALSE)$/i.test(t) && peek() !== '(') return { k: 'bool', v: t.toUpperCase() === 'TRUE' };
    if (/^[A-Za-z_]/.test(t) && peek() === '(') {
      next();
      const args: Node[] = [];
      if (peek() !== ')') {
        args.push(comparison());
        while (peek() === ',') {
          next();
          args.push(comparison());
        }
      }
      expect(')');
      return { k: 'fn', name: t.toUpperCase(), args };
    }
    throw new ParseError(t);
  };
  const node = comparison();
  if (p !== toks.length) throw new ParseError(toks.slice(p).join(''));
  return node;
}

const CACHE = new Map<string, Node | null>();

function parsed(formula: string): Node | null {
  let n = CACHE.get(formula);
  if (n === undefined) {
    try {
      n = parse(formula);
    } catch {
      n = null;
    }
    if (CACHE.size > 10000) CACHE.clear();
    CACHE.set(formula, n);
  }
  return n;
}

const isErr = (v: Scalar): v is { error: ErrorCode } => typeof v === 'object' && v !== null;

function toNumber(v: Scalar): number | { error: ErrorCode } {
  if (isErr(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const n = Number(v.trim());
  return v.trim() !== '' && Number.isFinite(n) ? n : { error: 'VALUE' };
}

function truthy(v: Scalar): boolean | { error: ErrorCode } {
  if (isErr(v)) return v;
  if (typeof v === 'string') return v === '' ? false : { error: 'VALUE' };
  return Boolean(v);
}

function compare(a: Scalar, b: Scalar): number {
  const norm = (x: Scalar): number | string | boolean => (x === null ? (typeof (a ?? b) === 'string' ? '' : 0) : (x as number | string | boolean));
  const x = norm(a);
  const y = norm(b);
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'string' && typeof y === 'string') return x.toLowerCase().localeCompare(y.toLowerCase());
  const rank = (z: number | string | boolean): number => (typeof z === 'number' ? 0 : typeof z === 'string' ? 1 : 2);
  return rank(x) - rank(y) || (x === y ? 0 : x < y ? -1 : 1);
}

function flatten(vs: Value[]): Scalar[] {
  return vs.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

function evalNode(n: Node, look: Lookup): Value {
  switch (n.k) {
    case 'num':
    case 'str':
    case 'bool':
      return n.v;
    case 'err':
      return { error: n.v };
    case 'ref': {
      if (n.row2 === undefined || n.col2 === undefined) return look(n.sheet, n.row, n.col);
      const out: Scalar[] = [];
      for (let r = Math.min(n.row, n.row2); r <= Math.max(n.row, n.row2); r++)
        for (let c = Math.min(n.col, n.col2); c <= Math.max(n.col, n.col2); c++) out.push(look(n.sheet, r, c));
      return out;
    }
    case 'un': {
      const v = toNumber(scalarOf(evalNode(n.a, look)));
      if (isErr(v)) return v;
      return n.op === '-' ? -v : v;
    }
    case 'bin': {
      const a = scalarOf(evalNode(n.a, look));
      const b = scalarOf(evalNode(n.b, look));
      if (isErr(a)) return a;
      if (isErr(b)) return b;
      if (n.op === '&') return `${a ?? ''}${b ?? ''}`;
      if (['=', '<>', '<', '>', '<=', '>='].includes(n.op)) {
        const c = compare(a, b);
        return n.op === '=' ? c === 0 : n.op === '<>' ? c !== 0 : n.op === '<' ? c < 0 : n.op === '>' ? c > 0 : n.op === '<=' ? c <= 0 : c >= 0;
      }
      const x = toNumber(a);
      const y = toNumber(b);
      if (isErr(x)) return x;
      if (isErr(y)) return y;
      switch (n.op) {
        case '+':
          return x + y;
        case '-':
          return x - y;
        case '*':
          return x * y;
        case '/':
          return y === 0 ? { error: 'DIV_BY_ZERO' } : x / y;
        default:
          return x ** y;
      }
    }
    case 'fn':
      return callFunction(n.name, n.args, look);
  }
}

function scalarOf(v: Value): Scalar {
  return Array.isArray(v) ? (v.length === 1 ? (v[0] as Scalar) : { error: 'VALUE' }) : v;
}

function callFunction(name: string, args: Node[], look: Lookup): Value {
  const all = (): Value[] => args.map((a) => evalNode(a, look));
  switch (name) {
    case 'SUM':
    case 'MIN':
    case 'MAX': {
      const nums: number[] = [];
      for (const v of flatten(all())) {
        if (isErr(v)) return v;
        if (typeof v === 'number') nums.push(v);
      }
      if (name === 'SUM') return nums.reduce((s, x) => s + x, 0);
      if (nums.length === 0) return 0;
      return name === 'MIN' ? Math.min(...nums) : Math.max(...nums);
    }
    case 'IF': {
      const c = truthy(scalarOf(evalNode(args[0] as Node, look)));
      if (isErr(c)) return c;
      const branch = c ? args[1] : args[2];
      return branch === undefined ? c : scalarOf(evalNode(branch, look));
    }
    case 'IFERROR': {
      const v = scalarOf(evalNode(args[0] as Node, look));
      return isErr(v) ? scalarOf(evalNode(args[1] as Node, look)) : v;
    }
    case 'OR':
    case 'AND': {
      const vs = flatten(all()).map(truthy);
      const err = vs.find(isErr);
      if (err !== undefined) return err;
      return name === 'OR' ? vs.some(Boolean) : vs.every(Boolean);
    }
    case 'NOT': {
      const v = truthy(scalarOf(evalNode(args[0] as Node, look)));
      return isErr(v) ? v : !v;
    }
    case 'ABS': {
      const v = toNumber(scalarOf(evalNode(args[0] as Node, look)));
      return isErr(v) ? v : Math.abs(v);
    }
    case 'ROUND': {
      const v = toNumber(scalarOf(evalNode(args[0] as Node, look)));
      const d = toNumber(args[1] === undefined ? 0 : scalarOf(evalNode(args[1], look)));
      if (isErr(v)) return v;
      if (isErr(d)) return d;
      const f = 10 ** d;
      return (Math.sign(v) * Math.round(Math.abs(v) * f)) / f;
    }
    default:
      return { error: 'NAME' };
  }
}

/** Calculates a formula (en-US, with or without `=`). Unparseable formulas give #NAME?. */
export function evaluate(formula: string, look: Lookup): Scalar {
  const node = parsed(formula);
  if (node === null) return { error: 'NAME' };
  return scalarOf(evalNode(node, look));
}

/** True when the evaluator understands the formula (parses, and uses only known functions). */
export function understands(formula: string): boolean {
  const node = parsed(formula);
  if (node === null) return false;
  const known = new Set(['SUM', 'MIN', 'MAX', 'IF', 'IFERROR', 'OR', 'AND', 'NOT', 'ABS', 'ROUND']);
  const ok = (n: Node): boolean =>
    n.k === 'un' ? ok(n.a) : n.k === 'bin' ? ok(n.a) && ok(n.b) : n.k === 'fn' ? known.has(n.name) && n.args.every(ok) : true;
  return ok(node);
}
