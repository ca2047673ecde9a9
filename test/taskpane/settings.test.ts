/** Numbers typed in Inställningar: the decimal comma and the decimal point both work, anything else is refused. */
import fc from 'fast-check';
import { numberSettingProblem, parseDecimal } from '../../src/taskpane/settings';

describe('a number typed in the settings', () => {
  it('reads 1,5 and 1.5 alike, 0,5 and ,5 alike, and grouped thousands', () => {
    expect(parseDecimal('1,5')).toBe(1.5);
    expect(parseDecimal('1.5')).toBe(1.5);
    expect(parseDecimal(',5')).toBe(0.5);
    expect(parseDecimal(' 7,5 ')).toBe(7.5);
    expect(parseDecimal('1\u00a0250')).toBe(1250);
    expect(parseDecimal('−2')).toBe(-2);
  });

  it('refuses what is not a number, and says why a setting cannot be saved', () => {
    for (const text of ['abc', '2x', '1,5,5', '1.2.3', '-', ',', '1 ,5']) expect([text, parseDecimal(text)]).toEqual([text, null]);
    expect(numberSettingProblem('', 0, 100)).toBe('empty');
    expect(numberSettingProblem('abc', 0, 100)).toBe('invalid');
    expect(numberSettingProblem('150', 0, 100)).toBe('range');
    expect(numberSettingProblem('-1', 0, 100)).toBe('range');
    expect(numberSettingProblem('7,5', 0, 100)).toBeNull();
  });

  it('reads back any number written with a comma or a point and up to three decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(',', '.'), (whole, decimals, mark) => {
        const value = whole / 10 ** decimals;
        const text = decimals === 0 ? String(value) : value.toFixed(decimals).replace('.', mark);
        expect(parseDecimal(text)).toBeCloseTo(value, 9);
      }),
    );
  });
});
