/**
 * Interval arithmetic for rounded figures.
 *
 * A constant in a report is what someone typed or pasted, rounded at its
 * displayed precision: `1 184` stands for anything in [1 183,5; 1 184,5]. A
 * formula result is exact. Recomputing a variance, a change % or a sum from
 * such figures gives a range of possible results, and a printed result is
 * only wrong when its own range and the recomputed range do not meet: when no
 * unrounded inputs consistent with what is displayed could give what is
 * displayed.
 */
import type { ReadNumber } from './numbers';

/** A closed interval [lo, hi] with lo ≤ hi. */
export interface Interval {
  lo: number;
  hi: number;
}

/** An exact value. */
export function exact(x: number): Interval {
  return { lo: x, hi: x };
}

/** value ± half. */
export function around(value: number, half: number): Interval {
  const h = Math.abs(half);
  return { lo: value - h, hi: value + h };
}

/** The interval a read cell stands for: its value ± half its last displayed unit (exact for formulas). */
export function fromReading(r: ReadNumber): Interval {
  return around(r.value, r.halfUnit);
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

export function sub(a: Interval, b: Interval): Interval {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo };
}

export function neg(a: Interval): Interval {
  return { lo: -a.hi, hi: -a.lo };
}

/** a × k for a constant k. */
export function scale(a: Interval, k: number): Interval {
  return k >= 0 ? { lo: a.lo * k, hi: a.hi * k } : { lo: a.hi * k, hi: a.lo * k };
}

export function mul(a: Interval, b: Interval): Interval {
  const p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
  return { lo: Math.min(...p), hi: Math.max(...p) };
}

/** True when 0 lies in the interval (ends included). */
export function containsZero(a: Interval): boolean {
  return a.lo <= 0 && a.hi >= 0;
}

/**
 * a / b, or undefined when b may be 0 or is so near it that the quotient
 * overflows (1 / 6E-301): the quotient is then unbounded.
 */
export function div(a: Interval, b: Interval): Interval | undefined {
  if (containsZero(b)) return undefined;
  const q = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi];
  if (!q.every(Number.isFinite)) return undefined;
  return { lo: Math.min(...q), hi: Math.max(...q) };
}

/** The interval widened by t on both sides. */
export function widen(a: Interval, t: number): Interval {
  const w = Math.abs(t);
  return { lo: a.lo - w, hi: a.hi + w };
}

/** The sum of many intervals (the empty sum is exactly 0). */
export function sum(items: Iterable<Interval>): Interval {
  let lo = 0;
  let hi = 0;
  for (const i of items) {
    lo += i.lo;
    hi += i.hi;
  }
  return { lo, hi };
}

export function midpoint(a: Interval): number {
  return (a.lo + a.hi) / 2;
}

/**
 * True when the two intervals meet once widened by `tolerance`. A tiny
 * relative slack absorbs binary floating-point noise (0,1 + 0,2 ≠ 0,3), so
 * figures that agree to the last displayed digit never count as a mismatch.
 */
export function overlaps(a: Interval, b: Interval, tolerance = 0): boolean {
  return rangesOverlap(a.lo, a.hi, b.lo, b.hi, tolerance);
}

/** `overlaps` on the ends of two intervals, for the rules' per-row loops (no objects). */
export function rangesOverlap(aLo: number, aHi: number, bLo: number, bHi: number, tolerance = 0): boolean {
  const magnitude = Math.max(1, Math.abs(aLo), Math.abs(aHi), Math.abs(bLo), Math.abs(bHi));
  const slack = Math.abs(tolerance) + magnitude * 1e-9;
  return aLo <= bHi + slack && bLo <= aHi + slack;
}

/** How the change % is stored: already × 100, or as a fraction. */
export type ChangeUnit = 'percent' | 'fraction';

/** 100 for a change stored × 100, 1 for a fraction. */
export function changeScale(unit: ChangeUnit): number {
  return unit === 'percent' ? 100 : 1;
}

/**
 * The range of the change (actual / base − 1) in the given unit over every
 * actual and base in their intervals, or undefined when the base may be 0
 * (then the change is unbounded and means nothing).
 */
export function changeInterval(actual: Interval, base: Interval, unit: ChangeUnit): Interval | undefined {
  return changeRange(actual.lo, actual.hi, base.lo, base.hi, unit);
}

/** `changeInterval` on the ends of the intervals: undefined when the change is unbounded. */
export function changeRange(aLo: number, aHi: number, bLo: number, bHi: number, unit: ChangeUnit): Interval | undefined {
  const lo = changeEnd(aLo, aHi, bLo, bHi, unit, 'lo');
  return Number.isNaN(lo) ? undefined : { lo, hi: changeEnd(aLo, aHi, bLo, bHi, unit, 'hi') };
}

/**
 * One end of `changeRange`, NaN when the change is unbounded: for the rules'
 * per-row loops, which compare the ends without making an interval. The
 * same arithmetic in the same order as `div` and `scale`.
 */
export function changeEnd(aLo: number, aHi: number, bLo: number, bHi: number, unit: ChangeUnit, end: 'lo' | 'hi'): number {
  if (bLo <= 0 && bHi >= 0) return Number.NaN;
  const q1 = aLo / bLo;
  const q2 = aLo / bHi;
  const q3 = aHi / bLo;
  const q4 = aHi / bHi;
  if (!(Number.isFinite(q1) && Number.isFinite(q2) && Number.isFinite(q3) && Number.isFinite(q4))) return Number.NaN;
  const k = changeScale(unit);
  const lo = (Math.min(q1, q2, q3, q4) - 1) * k;
  const hi = (Math.max(q1, q2, q3, q4) - 1) * k;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return Number.NaN;
  return end === 'lo' ? lo : hi;
}

/** Rounds to a number of decimals, halves away from zero as Excel does. */
export function roundTo(x: number, decimals: number): number {
  // From 1e15 on a double has no decimals left to round (and scaling it up could overflow).
  if (!Number.isFinite(x) || Math.abs(x) >= 1e15) return x;
  const d = Math.max(0, Math.min(12, Math.round(decimals)));
  const f = 10 ** d;
  const r = (Math.sign(x) * Math.round(Math.abs(x) * f * (1 + Number.EPSILON))) / f;
  return r === 0 ? 0 : r; // no −0
}

/** The decimals a half unit stands for: 0,5 → 0, 0,05 → 1, 0,0005 → 3. */
export function decimalsOfHalfUnit(half: number): number {
  if (!(half > 0)) return 0;
  return Math.max(0, Math.round(-Math.log10(2 * half)));
}
