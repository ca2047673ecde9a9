import fc from 'fast-check';
import { add, around, changeInterval, containsZero, decimalsOfHalfUnit, div, exact, fromReading, mul, neg, overlaps, roundTo, scale, sub, sum, widen } from '../../src/engine/interval';
import { readNumber } from '../../src/engine/numbers';

const finite = fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100);
const half = fc.constantFrom(0, 0.5, 0.05, 0.005);
/** An interval and a point inside it. */
const boxed = fc.tuple(finite, half, fc.double({ min: -1, max: 1, noNaN: true })).map(([v, h, t]) => ({ i: around(v, h), x: v + h * t }));

describe('intervals of rounded figures', () => {
  it('reads a printed constant as ± half its last shown unit, a formula as exact', () => {
    expect(fromReading(readNumber({ value: -3495, numberFormat: '#,##0' })!)).toEqual({ lo: -3495.5, hi: -3494.5 });
    const pct = fromReading(readNumber({ value: 4.1, numberFormat: '0.0' })!);
    expect(pct.lo).toBeCloseTo(4.05, 12);
    expect(pct.hi).toBeCloseTo(4.15, 12);
    expect(fromReading(readNumber({ value: 4626, formula: '=C5-D5' })!)).toEqual({ lo: 4626, hi: 4626 });
  });

  it('Utfall − Budget of printed KLS figures spans 4 597 to 4 599, so the printed 4 599 is no error', () => {
    const u = around(-6842, 0.5);
    const b = around(-11440, 0.5);
    expect(sub(u, b)).toEqual({ lo: 4597, hi: 4599 });
    expect(overlaps(sub(u, b), around(4599, 0.5))).toBe(true);
    expect(overlaps(sub(u, b), around(4601, 0.5))).toBe(false);
  });

  it('the change % of −6 → −25 may be anything from 277 % to 364 %, so 331,6 % stands', () => {
    const c = changeInterval(around(-25, 0.5), around(-6, 0.5), 'percent')!;
    expect(c.lo).toBeCloseTo(276.9, 1);
    expect(c.hi).toBeCloseTo(363.6, 1);
    expect(overlaps(c, around(331.6, 0.05))).toBe(true);
  });

  it('gives no change where the base may be 0, and a fraction in the fraction unit', () => {
    expect(changeInterval(around(1184, 0.5), around(0, 0.5), 'percent')).toBeUndefined();
    expect(div(exact(1), around(0.2, 0.2))).toBeUndefined();
    const f = changeInterval(exact(110), exact(100), 'fraction')!;
    expect(f.lo).toBeCloseTo(0.1, 12);
    expect(f.hi).toBeCloseTo(0.1, 12);
  });

  it('adds many rows: n printed rows may be off by n halves together', () => {
    expect(sum([around(1, 0.5), around(2, 0.5), around(3, 0.5)])).toEqual({ lo: 4.5, hi: 7.5 });
    expect(sum([])).toEqual({ lo: 0, hi: 0 });
  });

  it('absorbs floating-point noise but nothing more, and adds the tolerance', () => {
    expect(overlaps(exact(0.1 + 0.2), exact(0.3))).toBe(true);
    expect(overlaps(exact(1), exact(1.001))).toBe(false);
    expect(overlaps(exact(1), exact(3), 2)).toBe(true);
    expect(overlaps(widen(exact(1), 1), exact(2.5))).toBe(false);
  });

  it('rounds halves away from zero as Excel does, and knows the decimals of a half unit', () => {
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-0.04, 1)).toBe(0);
    expect(decimalsOfHalfUnit(0.5)).toBe(0);
    expect(decimalsOfHalfUnit(0.05)).toBe(1);
    expect(decimalsOfHalfUnit(0.0005)).toBe(3);
    expect(decimalsOfHalfUnit(0)).toBe(0);
  });

  it('contains every result of points inside the operands (property)', () => {
    fc.assert(
      fc.property(boxed, boxed, fc.double({ min: -100, max: 100, noNaN: true }), (a, b, k) => {
        const inside = (i: { lo: number; hi: number }, x: number): boolean => overlaps(i, exact(x));
        expect(inside(add(a.i, b.i), a.x + b.x)).toBe(true);
        expect(inside(sub(a.i, b.i), a.x - b.x)).toBe(true);
        expect(inside(mul(a.i, b.i), a.x * b.x)).toBe(true);
        expect(inside(neg(a.i), -a.x)).toBe(true);
        expect(inside(scale(a.i, k), a.x * k)).toBe(true);
        const q = div(a.i, b.i);
        if (containsZero(b.i)) expect(q).toBeUndefined();
        else expect(inside(q!, a.x / b.x)).toBe(true);
        const c = changeInterval(a.i, b.i, 'percent');
        if (c !== undefined) expect(inside(c, (a.x / b.x - 1) * 100)).toBe(true);
      }),
    );
  });
});
