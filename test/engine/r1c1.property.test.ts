import fc from 'fast-check';
import { filledFormula, formulaShape, fromR1C1, isFilledTo, toR1C1 } from '../../src/engine/r1c1';

/**
 * A second, independent reading of a formula into R1C1 (character by
 * character, as a person would describe it): `toR1C1`'s one regular
 * expression must give the same text for every formula-like text.
 */
function referenceToR1C1(formula: string, row: number, col: number): string {
  const REF = /^(\$?)([A-Z]{1,3})(\$?)([1-9]\d{0,6})/;
  const WORD_CHAR = /[A-Z0-9_.]/;
  const quotedEnd = (text: string, i: number): number => {
    const q = text[i];
    let j = i + 1;
    while (j < text.length) {
      if (text[j] === q) {
        if (text[j + 1] === q) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return text.length;
  };
  const columnNumber = (letters: string): number => {
    let c = 0;
    for (const ch of letters) c = c * 26 + (ch.charCodeAt(0) - 64);
    return c - 1;
  };
  const src = formula.toUpperCase();
  const literals = src.length === formula.length ? formula : src;
  let out = '';
  let i = 0;
  while (i < src.length) {
    const ch = src[i] as string;
    if (ch === '"' || ch === "'") {
      const end = quotedEnd(src, i);
      out += literals.slice(i, end);
      i = end;
      continue;
    }
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') {
      i++;
      continue;
    }
    const prev = i > 0 ? (src[i - 1] as string) : '';
    if ((ch === '$' || (ch >= 'A' && ch <= 'Z')) && !WORD_CHAR.test(prev)) {
      const m = REF.exec(src.slice(i, i + 14));
      if (m !== null) {
        const after = src[i + m[0].length] ?? '';
        if (!WORD_CHAR.test(after) && after !== '(') {
          const c = columnNumber(m[2] as string);
          const r = Number(m[4]) - 1;
          out += (m[3] === '$' ? `R${r + 1}` : `R[${r - row}]`) + (m[1] === '$' ? `C${c + 1}` : `C[${c - col}]`);
          i += m[0].length;
          continue;
        }
      }
      let j = i + 1;
      while (j < src.length && WORD_CHAR.test(src[j] as string)) j++;
      out += src.slice(i, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

const piece = fc.oneof(
  fc.constantFrom('=', '+', '-', '*', '/', '(', ')', ',', ':', '!', ' ', '\n', '$', '"', "'", '""', '.', '_', 'ß', 'é', 'ı', '%', '1', '0'),
  fc.tuple(fc.constantFrom('', '$'), fc.stringMatching(/^[A-Za-z]{1,4}$/), fc.constantFrom('', '$'), fc.integer({ min: 0, max: 123_456_789 })).map(([a, l, b, n]) => `${a}${l}${b}${n}`),
  fc.constantFrom('SUM', 'IF', 'IFERROR', 'LOG10', 'Blad1', "'Kommun ledning'", '"e.j."', 'R1C1', 'A1B2'),
);
const formula = fc.array(piece, { maxLength: 16 }).map((parts) => `=${parts.join('')}`);

describe('formula shapes (R1C1)', () => {
  it('the same R1C1 text as the character-by-character reading for any formula-like text', () => {
    fc.assert(
      fc.property(formula, fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 60 }), (f, row, col) => toR1C1(f, row, col) === referenceToR1C1(f, row, col)),
      { numRuns: 50_000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 10 }), (f, row, col) => toR1C1(f, row, col) === referenceToR1C1(f, row, col)),
      { numRuns: 20_000 },
    );
  });

  it('rows of one column share a shape; a shifted reference does not', () => {
    expect(formulaShape('=C5-D5', 4, 4)).toBe(formulaShape('=C6-D6', 5, 4));
    expect(formulaShape('=IF(B6=0,"",(C6/B6-1)*100)', 5, 5)).toBe(formulaShape('=(C5/B5-1)*100', 4, 5));
    expect(formulaShape('=C7-D8', 6, 4)).not.toBe(formulaShape('=C5-D5', 4, 4));
  });

  it('a filled-down column has one shape', () => {
    const at = (r: number): string => `=IF(B${r}=0,"e.j.",(C${r}/B${r}-1)*100)+SUM($D$2:D${r})+'Blad 2'!E${r}`;
    const first = toR1C1(at(5), 4, 5);
    for (let r = 5; r < 200; r++) expect(toR1C1(at(r + 1), r, 5)).toBe(first);
    expect(toR1C1('=C5-D5', 4, 4)).not.toBe(toR1C1('=C7-D8', 6, 4));
    expect(toR1C1('=C5-D5', 4, 4)).not.toBe(toR1C1('=$C$6-D6', 5, 4));
    expect(toR1C1('=c5-d5', 4, 4)).toBe(toR1C1('=C6 - D6', 5, 4));
  });

  it('any formula filled to another cell keeps its R1C1 text, and fromR1C1 writes it back', () => {
    const cell = fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 60 }));
    let compared = 0;
    fc.assert(
      fc.property(formula, cell, cell, (a, [ra, ca], [rb, cb]) => {
        const shape = toR1C1(a, ra, ca);
        // Only texts without white space or lower case (which the R1C1 text drops or raises), that their R1C1
        // text gives back (not a word `R1C1`, which reads as the reference $A$1 there), and fills that stay on
        // the sheet (a reference above row 1 or left of A is no fill).
        if (/\s|[a-z]/.test(a) || a.toUpperCase() !== a || fromR1C1(shape, ra, ca) !== a) return;
        const b = fromR1C1(shape, rb, cb);
        if (/R\[|C\[/.test(b)) return;
        compared++;
        expect(toR1C1(b, rb, cb)).toBe(shape);
      }),
      { numRuns: 20_000 },
    );
    expect(compared).toBeGreaterThan(2_000);
  });

  it('isFilledTo says "filled" only when the R1C1 texts are the same', () => {
    const cell = fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 60 }));
    let filled = 0;
    fc.assert(
      fc.property(formula, cell, formula, cell, (a, [ra, ca], b, [rb, cb]) => {
        const f = filledFormula(a, ra, ca);
        return f === undefined || !isFilledTo(f, b, rb, cb) || toR1C1(a, ra, ca) === toR1C1(b, rb, cb);
      }),
      { numRuns: 15_000 },
    );
    // Every number of a formula moved (rows, absolute rows, numbers in names and literals alike), in the same column or not.
    fc.assert(
      fc.property(formula, cell, fc.integer({ min: -3, max: 3 }), fc.integer({ min: -1, max: 1 }), (a, [ra, ca], shift, colShift) => {
        const b = a.replace(/\d+/g, (d) => String(Number(d) + shift));
        const f = filledFormula(a, ra, ca);
        if (f === undefined || !isFilledTo(f, b, ra + shift, ca + colShift)) return;
        filled++;
        expect(toR1C1(b, ra + shift, ca + colShift)).toBe(toR1C1(a, ra, ca));
      }),
      { numRuns: 15_000 },
    );
    expect(filled).toBeGreaterThan(500);
  });

  it('isFilledTo finds a formula filled down or up its column', () => {
    const cell = fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 60 }));
    let compared = 0;
    fc.assert(
      fc.property(formula, cell, fc.integer({ min: 0, max: 2000 }), (a, [ra, ca], rb) => {
        const shape = toR1C1(a, ra, ca);
        const b = fromR1C1(shape, rb, ca);
        const f = filledFormula(a, ra, ca);
        if (f === undefined || fromR1C1(shape, ra, ca) !== a || /R\[|C\[/.test(b)) return;
        compared++;
        expect(isFilledTo(f, b, rb, ca)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    expect(compared).toBeGreaterThan(2_000);
    const at = (r: number): string => `=IF(B${r}=0,"e.j.",(C${r}/B${r}-1)*100)+SUM($D$2:D${r})+'Blad 2'!E${r}`;
    const first = filledFormula(at(5), 4, 5);
    for (let r = 5; r < 200; r++) expect(first !== undefined && isFilledTo(first, at(r + 1), r, 5)).toBe(true);
    // Another column, a moved reference, spaces: not shown to be filled (their R1C1 texts are compared instead).
    expect(first !== undefined && isFilledTo(first, at(9), 8, 6)).toBe(false);
    const avv = filledFormula('=C5-D5', 4, 4);
    expect(avv !== undefined && isFilledTo(avv, '=C9-D10', 8, 4)).toBe(false);
    expect(avv !== undefined && isFilledTo(avv, '=C9 - D9', 8, 4)).toBe(false);
    expect(avv !== undefined && isFilledTo(avv, '=C10-D10', 9, 4)).toBe(true);
    // Past row 9 999 999 a row number is no reference (Excel has 1 048 576 rows): C10000000 is a name.
    const last = filledFormula('=C9999999-D1', 9_999_998, 4);
    expect(last !== undefined && isFilledTo(last, '=C10000000-D2', 9_999_999, 4)).toBe(false);
  });
});
