import fc from 'fast-check';
import { roundHalfAway, tkrToMnkr } from '../../../src/engine/commentary';
import { formatNumber } from '../../../src/engine/i18n';

/** Rounding half away from zero as first written: through a 6-decimal string (removes binary noise). */
function referenceRoundHalfAway(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Number((Math.abs(value) * f).toFixed(6));
  const r = Math.floor(scaled + 0.5) / f;
  return value < 0 && r !== 0 ? -r : r;
}

const tkr = fc.integer({ min: -10_000_000, max: 10_000_000 });
const anyAmount = fc.oneof(
  tkr,
  tkr.map((n) => n / 1000),
  fc.tuple(tkr, fc.integer({ min: 0, max: 4 })).map(([n, k]) => n / 10 ** k + 0.05),
  fc.double({ min: -1e12, max: 1e12, noNaN: true }),
  fc.double({ noNaN: true }),
);

describe('amounts as the drafts write them', () => {
  it('rounds whole tkr to mnkr half away from zero, as on paper', () => {
    expect(tkrToMnkr(1150)).toBe(1.2);
    expect(tkrToMnkr(-1157)).toBe(-1.2);
    expect(tkrToMnkr(4626)).toBe(4.6);
    expect(tkrToMnkr(-49)).toBe(0);
  });

  it('rounds exactly as the 6-decimal string method for any amount and 0–3 decimals', () => {
    fc.assert(
      fc.property(anyAmount, fc.integer({ min: 0, max: 3 }), (v, d) => Object.is(roundHalfAway(v, d), referenceRoundHalfAway(v, d))),
      { numRuns: 200_000 },
    );
  });

  it('writes every number exactly as Intl.NumberFormat does (sv-SE and en-GB, 0–2 decimals)', () => {
    const intl = (lang: 'sv' | 'en', d: number): Intl.NumberFormat => new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
    const formats = { sv: [0, 1, 2].map((d) => intl('sv', d)), en: [0, 1, 2].map((d) => intl('en', d)) };
    expect(formatNumber(-1078, 'sv')).toBe('−1\u00a0078');
    expect(formatNumber(4.6, 'sv', 1)).toBe('4,6');
    fc.assert(
      fc.property(anyAmount, fc.constantFrom<'sv' | 'en'>('sv', 'en'), fc.integer({ min: 0, max: 2 }), (v, lang, d) => {
        const x = d === 0 ? v : roundHalfAway(v, d);
        return formatNumber(x, lang, d) === (formats[lang][d] as Intl.NumberFormat).format(x) && formatNumber(v, lang, d) === (formats[lang][d] as Intl.NumberFormat).format(v);
      }),
      { numRuns: 100_000 },
    );
  });
});
