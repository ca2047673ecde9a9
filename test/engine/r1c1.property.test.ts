import fc from 'fast-check';
import { formulaShape, fromR1C1, sameR1C1, toR1C1 } from '../../src/engine/r1c1';

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

  it('sameR1C1 says "same" only when the R1C1 texts are the same', () => {
    const cell = fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 60 }));
    fc.assert(
      fc.property(formula, cell, formula, cell, (a, [ra, ca], b, [rb, cb]) => !sameR1C1(a, ra, ca, b, rb, cb) || toR1C1(a, ra, ca) === toR1C1(b, rb, cb)),
      { numRuns: 30_000 },
    );
  });

  it('sameR1C1 finds a formula in capitals and ASCII alike to itself filled to another cell', () => {
    const cell = fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 60 }));
    let compared = 0;
    fc.assert(
      fc.property(formula, cell, cell, (a, [ra, ca], [rb, cb]) => {
        const shape = toR1C1(a, ra, ca);
        const b = fromR1C1(shape, rb, cb);
        if (/\s|[^\x20-\x7e]|[a-z]/.test(a) || fromR1C1(shape, ra, ca) !== a || /R\[|C\[/.test(b) || toR1C1(b, rb, cb) !== shape) return;
        compared++;
        expect(sameR1C1(a, ra, ca, b, rb, cb)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    expect(compared).toBeGreaterThan(2_000);
    const at = (r: number): string => `=IF(B${r}=0,"e.j.",(C${r}/B${r}-1)*100)+SUM($D$2:D${r})+'Blad 2'!E${r}`;
    for (let r = 5; r < 200; r++) expect(sameR1C1(at(r), r - 1, 5, at(r + 1), r, 5)).toBe(true);
  });
});
