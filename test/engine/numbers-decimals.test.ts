import fc from 'fast-check';
import { constantHalfUnit, readNumber, storedDecimals, storedDecimalsByString, TypedHalfUnits } from '../../src/engine/numbers';

/** Decimals typed or pasted: k decimals of an amount, a percentage, a fraction. */
const typed = fc.tuple(fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }), fc.integer({ min: 0, max: 14 })).map(([n, k]) => n / 10 ** k);

describe('decimals of a stored number (the rounding a typed figure carries)', () => {
  it('counts what was typed: 12,8 → 1, 4 626 → 0, 0,05 → 2, 1 184,25 → 2', () => {
    expect(storedDecimals(12.8)).toBe(1);
    expect(storedDecimals(4626)).toBe(0);
    expect(storedDecimals(0.05)).toBe(2);
    expect(storedDecimals(-1184.25)).toBe(2);
    // Binary noise from arithmetic is not a typed decimal: 0,1 + 0,2 shows as 0,3.
    expect(storedDecimals(0.1 + 0.2)).toBe(1);
    expect(readNumber({ value: 12.8, numberFormat: '0' })?.halfUnit).toBe(0.05);
  });

  it('gives exactly the answer of the toPrecision(15) method for typed decimals', () => {
    fc.assert(
      fc.property(typed, (x) => storedDecimals(x) === storedDecimalsByString(x)),
      { numRuns: 200_000 },
    );
  });

  it('gives exactly the answer of the toPrecision(15) method for any double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => storedDecimals(x) === storedDecimalsByString(x)),
      { numRuns: 200_000 },
    );
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => storedDecimals(x) === storedDecimalsByString(x)),
      { numRuns: 200_000 },
    );
  });

  it('gives exactly that answer around the edges: sums of decimals, tiny and huge magnitudes', () => {
    const edges = fc.oneof(
      fc.tuple(typed, typed).map(([a, b]) => a + b),
      fc.tuple(typed, fc.integer({ min: 1, max: 1000 })).map(([a, b]) => a / b),
      fc.double({ min: 1e-8, max: 1e-5, noNaN: true }),
      fc.double({ min: 1e14, max: 1e16, noNaN: true }),
      fc.integer({ min: 1, max: 999_999 }).map((n) => n / 1e6 + 1e9),
    );
    fc.assert(
      fc.property(edges, (x) => storedDecimals(x) === storedDecimalsByString(x)),
      { numRuns: 200_000 },
    );
  });
});

describe('half units read down a column (TypedHalfUnits)', () => {
  it('gives each typed number the half unit constantHalfUnit gives it, whatever formats follow each other', () => {
    const format = fc.constantFrom(undefined, '#,##0', '0.0', '0.0%', 'General', '#,##0.00', '0.000');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(typed, fc.integer({ min: -90_000, max: 90_000 })), format), { maxLength: 40 }), (cells) => {
        const halves = new TypedHalfUnits();
        for (const [value, numberFormat] of cells) expect(halves.of(value, numberFormat)).toBe(constantHalfUnit(value, numberFormat));
      }),
    );
  });
});
