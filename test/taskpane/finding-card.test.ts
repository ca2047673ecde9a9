/**
 * A finding's card: figures with their unit and the message's precision,
 * and "Varför?" built from the finding's calculation (cells, values, result,
 * what the cell shows), in Swedish and English number format.
 */
import type { Finding } from '../../src/engine/finding';
import type { VarianceTable } from '../../src/engine/table';
import { checkWorkbook } from '../../src/engine/check';
import { seedAsPastedValues } from '../../src/example/seed';
import { figureWithUnit, findingUnit, whyText } from '../../src/taskpane/finding-card';
import { loadSeed } from '../helpers/seed';

const result = checkWorkbook(seedAsPastedValues(loadSeed()));
const table = result.tables.find((t) => t.columns.change !== undefined && t.columns.variance !== undefined) as VarianceTable;

/** A variance finding on a real table's row, as the variance rule reports it with its calculation. */
function varianceFinding(): Finding {
  const row = table.rows[3]?.row ?? table.headerBottom + 4;
  const col = table.columns.variance?.col as number;
  const letter = (c: number) => String.fromCharCode(65 + c);
  const [u, b, e] = [letter(table.columns.actual?.col as number), letter(table.columns.budget?.col as number), letter(col)];
  return {
    rule: 'variance-mismatch',
    severity: 'error',
    sheet: table.sheet,
    cell: `${e}${row + 1}`,
    row,
    col,
    tableId: table.id,
    expected: -1078,
    actual: -1000,
    messageId: 'variance-mismatch',
    params: { label: 'KAI', actual: -1000, utfall: -57199, budget: -56121, expected: -1078 },
    calculation: {
      expression: `${u}${row + 1} − ${b}${row + 1}`,
      operands: [
        { cell: `${u}${row + 1}`, value: -57199 },
        { cell: `${b}${row + 1}`, value: -56121 },
      ],
      result: -1078,
    },
  };
}

describe('a finding card', () => {
  it('gives amounts the table’s unit and change % a per cent sign, joined by a non-breaking space', () => {
    const f = varianceFinding();
    expect(findingUnit(f, table)).toBe(table.unit);
    expect(figureWithUnit(8550, 'tkr', 'sv')).toBe('8\u00a0550\u00a0tkr');
    expect(figureWithUnit(-12.345, '%', 'sv')).toBe('\u221212,3\u00a0%');
    expect(figureWithUnit(-12.345, '%', 'en')).toBe('-12.3\u00a0%');
    expect(findingUnit({ ...f, col: table.columns.change?.col as number }, table)).toBe('%');
    expect(findingUnit(f, undefined)).toBeNull();
    // A comment's amount outside the tables: the unit the comment states.
    expect(findingUnit({ ...f, tableId: null, params: { enhet_belopp: 'mnkr' } }, undefined)).toBe('mnkr');
    expect(figureWithUnit(null, 'tkr', 'sv')).toBe('(tom)');
  });

  it('"Varför?" shows the calculation with the cells’ values and what the cell shows', () => {
    const f = varianceFinding();
    const [u, b] = (f.calculation?.operands ?? []).map((o) => o.cell);
    expect(whyText(f, 'sv')).toBe(`${f.cell} = ${u} − ${b}: −57\u00a0199 − (−56\u00a0121) = −1\u00a0078, cellen visar −1\u00a0000`);
    expect(whyText(f, 'en')).toBe(`${f.cell} = ${u} − ${b}: -57,199 − (-56,121) = -1,078, the cell shows -1,000`);
    expect(whyText({ ...f, calculation: undefined }, 'sv')).toBeNull();
  });

  it('"Varför?" of a change % and of a sum names the functions the Swedish way', () => {
    const f = varianceFinding();
    const change: Finding = {
      ...f,
      cell: 'F8',
      actual: 12.5,
      calculation: {
        expression: '(C8 / B8 − 1) × 100',
        operands: [
          { cell: 'C8', value: -1100 },
          { cell: 'B8', value: -1000 },
        ],
        result: 10,
      },
    };
    expect(whyText(change, 'sv')).toBe('F8 = (C8 / B8 − 1) × 100: (−1\u00a0100 / (−1\u00a0000) − 1) × 100 = 10, cellen visar 12,5');
    const sum: Finding = { ...f, cell: 'C15', actual: 400, calculation: { expression: 'SUM(C5:C14)', operands: [], result: 410 } };
    expect(whyText(sum, 'sv')).toBe('C15 = SUMMA(C5:C14): SUMMA(C5:C14) = 410, cellen visar 400');
  });
});
