/**
 * Moving a formula's relative references, as Excel does when it fills a
 * formula down or across, and as it derives each cell's formula from the
 * master of a shared formula (ECMA-376 Part 1, 18.3.1.40 `f`, shared
 * formulas): `=B2*C2` shared from D2 reads `=B5*C5` in D5.
 *
 * Pure: no Node, no DOM. Text in double quotes and sheet names in single
 * quotes are left alone; a reference is a column of one to three letters and
 * a row, each optionally fixed with `$`, not part of a longer name and not a
 * function's name (`LOG10(`).
 */

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** Quoted text ("…", '…') or a cell reference. */
const PIECE = /"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_.(])/g;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * The formula with every relative reference moved `rows` down and `cols`
 * right; a reference moved off the sheet becomes `#REF!`, as in Excel.
 * Works with or without the leading `=`.
 */
export function moveFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return formula.replace(PIECE, (whole: string, colFixed?: string, letters?: string, rowFixed?: string, digits?: string) => {
    if (letters === undefined || digits === undefined) return whole;
    let col = columnNumber(letters);
    let row = Number(digits);
    if (col > MAX_COL || row < 1 || row > MAX_ROW) return whole;
    if (colFixed !== '$') col += cols;
    if (rowFixed !== '$') row += rows;
    if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return '#REF!';
    return `${colFixed ?? ''}${columnLetters(col)}${rowFixed ?? ''}${row}`;
  });
}
