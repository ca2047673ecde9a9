import type { Cell } from './grid';

/**
 * A number read from a cell together with how precisely it is known.
 * Formula results are exact; constants are what someone typed or pasted, so
 * they are known only to ± half their last displayed unit.
 */
export interface ReadNumber {
  value: number;
  /** Half of the last displayed unit: the true value lies in value ± halfUnit. 0 for formula results. */
  halfUnit: number;
  /** True when the number was text in the cell (`"−3 495"`, `"12,8 %"`). */
  fromText: boolean;
  /** True when the text carried a percent sign (so its value is already × 100). */
  percentText: boolean;
}

/**
 * The largest magnitude read as a figure. Excel keeps 15 significant digits,
 * so a larger number cannot be an amount someone typed or a ledger exported
 * (1e15 tkr is a thousand times Sweden's GDP); it comes from a broken source
 * (1E+308, an overflowed formula). Reading it as "not a number" keeps every
 * sum, difference and interval finite: the rules report the cell instead.
 */
export const MAX_FIGURE = 1e15;

const MARKER = /^(?:[-–—]|e\.?\s?j\.?|ej\s+(?:aktuellt|tillämpligt)|n\/a|\.\.|…|x)$/i;

/** True for the texts economists write for "not meaningful" (`–`, `e.j.`, `Ej aktuellt`), and dashes meaning nothing. */
export function isMarkerText(text: string): boolean {
  return MARKER.test(text.trim());
}

const MINUS = /[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/g;
const SPACES = /[\s\u00A0\u2007\u2009\u202F\u2002-\u2006\u2008\u200A']/g;

/**
 * Parses a number written as text the way Swedish (and English) reports write
 * it: `−3 495`, `-3 495`, `12,8 %`, `1 184,0`, `4.6`, with non-breaking or thin
 * spaces as thousands separators and a Unicode minus. Returns undefined when
 * the text is not a plain number.
 */
export function parseNumberText(text: string): { value: number; decimals: number; percent: boolean } | undefined {
  let t = text.replace(MINUS, '-').replace(SPACES, '');
  if (t === '' || t.length > 40) return undefined;
  // A footnote mark after the figure (`1 200*`, `1 200¹`) is not part of it.
  t = t.replace(/(?<=\d)(?:\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$/, '');
  let percent = false;
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1);
  }
  // Parenthesised negatives: (1 234)
  let negate = false;
  if (t.startsWith('(') && t.endsWith(')')) {
    negate = true;
    t = t.slice(1, -1);
  }
  if (!/^[-+]?\d+([.,]\d+)?$/.test(t)) return undefined;
  const sep = t.search(/[.,]/);
  const decimals = sep < 0 ? 0 : t.length - sep - 1;
  const value = Number(t.replace(',', '.'));
  if (!Number.isFinite(value) || Math.abs(value) > MAX_FIGURE) return undefined;
  return { value: negate ? -value : value, decimals, percent };
}

/**
 * Number of decimals a number format shows (first section), or undefined for
 * `General`/no format. `0.0` → 1, `#,##0` → 0, `0.0%` → 1 (of the percentage).
 * Both `.` (en-US codes) and `,` as a decimal mark are understood when unambiguous.
 */
export function formatDecimals(format: string | undefined): number | undefined {
  if (format === undefined) return undefined;
  // A workbook has a handful of formats and 100 000s of cells: remember each format's answer.
  const known = DECIMALS.get(format);
  if (known !== undefined || DECIMALS.has(format)) return known;
  const d = computeFormatDecimals(format);
  if (DECIMALS.size < 10_000) DECIMALS.set(format, d);
  return d;
}

const DECIMALS = new Map<string, number | undefined>();
const PERCENT = new Map<string, boolean>();

function computeFormatDecimals(format: string): number | undefined {
  const section = stripFormatLiterals(format.split(';')[0] ?? '');
  if (section === '' || /general|standard/i.test(section) || section === '@') return undefined;
  const m = /[0#?]\.([0#?]+)/.exec(section);
  if (m !== null) return (m[1] as string).length;
  if (/[0#?]/.test(section)) return 0;
  return undefined;
}

/** True when the number format displays the value as a percentage (`0.0%`). */
export function isPercentFormat(format: string | undefined): boolean {
  if (format === undefined) return false;
  let p = PERCENT.get(format);
  if (p === undefined) {
    p = stripFormatLiterals(format.split(';')[0] ?? '').includes('%');
    if (PERCENT.size < 10_000) PERCENT.set(format, p);
  }
  return p;
}

function stripFormatLiterals(section: string): string {
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

/** Exact powers of ten 10^0 … 10^12 (every one is a double exactly). */
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

/**
 * Decimals in the shortest representation of a stored number, at most 12:
 * the decimals of `toPrecision(15)` with trailing zeros taken off.
 *
 * Fast path, without strings: the smallest k ≤ 12 for which x is the double
 * nearest to the decimal r / 10^k (r = round(x × 10^k) < 10^15). Such a
 * decimal has at most 15 significant digits, so `toPrecision(15)` gives it
 * back exactly (15 digits survive a round trip through a double), and no
 * smaller k means r does not end in 0: the string method counts k too.
 * Anything else (no such k, |x| < 10^-6 where toPrecision goes exponential,
 * |x| ≥ 10^15) takes the string method itself.
 */
export function storedDecimals(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return 0;
  const a = Math.abs(x);
  if (a >= 1e-6 && a < 1e15) {
    for (let k = 1; k <= 12; k++) {
      const p = POW10[k] as number;
      const r = Math.round(a * p);
      if (r >= 1e15) break;
      if (r / p === a) return k;
    }
  }
  return storedDecimalsByString(x);
}

/** The reference method: decimals of `toPrecision(15)` (or of `String(x)` when that is exponential), at most 12. */
export function storedDecimalsByString(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return 0;
  const s = Math.abs(x).toPrecision(15);
  const trimmed = s.includes('e') ? String(Math.abs(x)) : s.replace(/0+$/, '');
  const dot = trimmed.indexOf('.');
  if (dot < 0) return 0;
  return Math.min(12, trimmed.length - dot - 1);
}

/** 0.5 × 10^-d for d = 0 … 11 (computed as readNumber always did), 0 from 12 decimals on. */
const HALF_UNITS = Array.from({ length: 13 }, (_, d) => (d >= 12 ? 0 : 0.5 * 10 ** -d));

/**
 * Half the last displayed unit of a typed (not formula) number: from its own
 * decimals or its format's, whichever shows more.
 */
export function constantHalfUnit(v: number, numberFormat: string | undefined): number {
  return halfUnitShown(v, shownStoredDecimals(numberFormat));
}

/**
 * The decimals of the stored value a number format shows (0 for General): a
 * value typed into a % format is stored as a fraction, so its shown decimals
 * count two more.
 */
export function shownStoredDecimals(numberFormat: string | undefined): number {
  const shown = formatDecimals(numberFormat);
  return shown === undefined ? 0 : shown + (isPercentFormat(numberFormat) ? 2 : 0);
}

/** `constantHalfUnit` given its format's `shownStoredDecimals` (for loops over cells of one format). */
export function halfUnitShown(v: number, shownStored: number): number {
  const own = Number.isInteger(v) ? 0 : storedDecimals(v);
  const decimals = own > shownStored ? own : shownStored;
  return decimals >= 12 ? 0 : (HALF_UNITS[decimals] as number);
}

/**
 * Half units of typed numbers read one after another (down a column), each
 * as `constantHalfUnit` gives it: what a number format shows is worked out
 * when the format changes, since a column's cells share one or two formats.
 */
export class TypedHalfUnits {
  private format: string | undefined = undefined;
  private shownStored = shownStoredDecimals(undefined);
  /** The half unit of a whole number in that format (a whole number shows no decimals of its own). */
  private whole = halfUnitShown(0, this.shownStored);

  /** `constantHalfUnit(value, numberFormat)`. */
  of(value: number, numberFormat: string | undefined): number {
    if (numberFormat !== this.format) {
      this.format = numberFormat;
      this.shownStored = shownStoredDecimals(numberFormat);
      this.whole = halfUnitShown(0, this.shownStored);
    }
    return Number.isInteger(value) ? this.whole : halfUnitShown(value, this.shownStored);
  }
}

/**
 * The number a cell holds as a number (not as text) when `readNumber` reads
 * it: finite and within `MAX_FIGURE`; undefined for anything else.
 */
export function storedNumber(cell: Cell): number | undefined {
  const v = cell.value;
  if (cell.error !== undefined || typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > MAX_FIGURE) return undefined;
  return v;
}

/** The half unit `readNumber` gives the number `value` a cell holds as a number: 0 for a formula's result, else `constantHalfUnit`. */
export function storedHalfUnit(cell: Cell, value: number): number {
  return cell.formula !== undefined ? 0 : constantHalfUnit(value, cell.numberFormat);
}

/**
 * Reads a cell as a number with its precision, or undefined when it holds no
 * number (empty, text, error, boolean). Numbers stored as text are accepted.
 */
export function readNumber(cell: Cell): ReadNumber | undefined {
  if (cell.error !== undefined) return undefined;
  const v = cell.value;
  if (typeof v === 'number') {
    const stored = storedNumber(cell);
    return stored === undefined ? undefined : { value: stored, halfUnit: storedHalfUnit(cell, stored), fromText: false, percentText: false };
  }
  if (typeof v === 'string') {
    const p = parseNumberText(v);
    if (p === undefined) return undefined;
    return { value: p.value, halfUnit: 0.5 * 10 ** -p.decimals, fromText: true, percentText: p.percent };
  }
  return undefined;
}
