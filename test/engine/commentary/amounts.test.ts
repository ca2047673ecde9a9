import { formatMnkr, formatPercent, roundHalfAway, tkrToMnkr } from '../../../src/engine/commentary/amounts';

describe('amounts in mnkr as commentary states them', () => {
  it('rounds tkr to mnkr with one decimal, half away from zero, as the issue says', () => {
    expect(tkrToMnkr(4626)).toBe(4.6);
    expect(tkrToMnkr(-1157)).toBe(-1.2);
    expect(tkrToMnkr(12791)).toBe(12.8);
    expect(tkrToMnkr(-113441)).toBe(-113.4);
  });

  it('rounds exact halves away from zero although 1 150 / 1 000 is 1.1499… in binary', () => {
    expect(tkrToMnkr(1150)).toBe(1.2);
    expect(tkrToMnkr(-1150)).toBe(-1.2);
    expect(tkrToMnkr(1149)).toBe(1.1);
    expect(tkrToMnkr(-48500, 0)).toBe(-49);
    expect(roundHalfAway(2.675, 2)).toBe(2.68);
  });

  it('never gives minus zero: −20 tkr is 0,0 mnkr', () => {
    expect(Object.is(tkrToMnkr(-20), 0)).toBe(true);
    expect(formatMnkr(tkrToMnkr(-20), 'sv')).toBe('0,0');
  });

  it('formats with Intl sv-SE: comma decimals, Unicode minus, spaces between thousands', () => {
    expect(formatMnkr(-1.2, 'sv')).toBe('\u22121,2');
    expect(formatMnkr(4.6, 'sv')).toBe('4,6');
    expect(formatMnkr(1234.5, 'sv')).toBe(new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(1234.5));
    expect(formatMnkr(12.4, 'sv', 1, true)).toBe('+12,4');
    expect(formatMnkr(-0.2, 'sv', 1, true)).toBe('\u22120,2');
    expect(formatMnkr(4.6, 'en')).toBe('4.6');
    expect(formatPercent(4.0871, 'sv')).toBe('4,1');
  });
});
