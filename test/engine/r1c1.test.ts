import { formulaCore, formulaShape, fromR1C1, splitArguments, toR1C1 } from '../../src/engine/r1c1';

// (row, col) are 0-based: row 4 is Excel row 5, col 4 is column E.
describe('R1C1 normaliser', () => {
  it('gives the same shape to the same formula copied down', () => {
    expect(toR1C1('=C5-D5', 4, 4)).toBe('=R[0]C[-2]-R[0]C[-1]');
    expect(toR1C1('=C6-D6', 5, 4)).toBe(toR1C1('=C5-D5', 4, 4));
    expect(toR1C1('=C7-D8', 6, 4)).not.toBe(toR1C1('=C5-D5', 4, 4));
  });

  it('keeps absolute parts absolute, ignores spaces and case', () => {
    expect(toR1C1('=$C$5 - d5', 4, 4)).toBe('=R5C3-R[0]C[-1]');
    expect(toR1C1('=sum(B4:B18)', 19, 1)).toBe('=SUM(R[-16]C[0]:R[-2]C[0])');
  });

  it('leaves string literals, quoted sheet names, functions and names alone', () => {
    expect(toR1C1('=IF(B5=0,"A1 b",(C5/B5-1)*100)', 4, 5)).toBe('=IF(R[0]C[-4]=0,"A1 b",(R[0]C[-3]/R[0]C[-4]-1)*100)');
    expect(toR1C1("='Blad 2'!B5+LOG10(B5)+Tax_2021", 4, 2)).toBe("='Blad 2'!R[0]C[-1]+LOG10(R[0]C[-1])+TAX_2021");
  });

  it('goes back to A1', () => {
    expect(fromR1C1('=R[0]C[-2]-R[0]C[-1]', 6, 4)).toBe('=C7-D7');
    expect(fromR1C1('=R5C3-R[0]C[-1]', 6, 4)).toBe('=$C$5-D7');
    expect(fromR1C1('=SUM(R[-16]C[0]:R[-2]C[0])', 19, 1)).toBe('=SUM(B4:B18)');
  });

  it('takes "not meaningful" guards off, so a fixed #DIV/0! row has its neighbours\' shape', () => {
    expect(formulaShape('=IF(B5=0,"",(C5/B5-1)*100)', 4, 5)).toBe(formulaShape('=(C6/B6-1)*100', 5, 5));
    expect(formulaShape('=IF(OR(B5=0,B5*C5<0),"e.j.",(C5/B5-1)*100)', 4, 5)).toBe(formulaShape('=(C6/B6-1)*100', 5, 5));
    expect(formulaShape('=IFERROR((C5/B5-1)*100,"–")', 4, 5)).toBe(formulaShape('=(C6/B6-1)*100', 5, 5));
    expect(formulaCore('=IF(A1>0,B1,C1)')).toBe('=IF(A1>0,B1,C1)');
  });

  it('splits arguments at top-level commas only', () => {
    expect(splitArguments('A,(B,C),"d,e"')).toEqual(['A', '(B,C)', '"d,e"']);
  });
});
