/**
 * Tables generated along the catalog's dimensions — header words, years,
 * sign convention, unit, decimals, blank and section rows, a nämnd row over
 * its verksamheter, label position, % unit, one or two header rows — are
 * found with the right roles and nothing to report when consistent, and a
 * figure changed by more than rounding is reported at that cell.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../../src/engine/check';
import { findTables } from '../../../src/engine/detect';
import { cellAddress, type Cell, type SheetGrid } from '../../../src/engine/grid';
import type { SignConvention } from '../../../src/engine/table';
import { withCell } from '../../helpers/rules';

const ACTUAL = ['Utfall', 'Utfall ack.', 'Redovisat', 'Verkligt utfall', 'Nettokostnad'];
const BUDGET = ['Budget', 'Årsbudget', 'Budget helår', 'Kommunbidrag', 'Ram', 'Budgetram', 'Nettobudget', 'Nettoram'];
const VARIANCE = ['Avv', 'Avvikelse', 'Budgetavvikelse', 'Budget-\navvikelse', 'Avvikelse mot budget', 'Differens', 'Diff', 'Avv Budg o Utf'];
const CHANGE = ['Förändr%', 'Förändring %', 'Utveckling %'];
const UNITS = [
  { unit: 'tkr', title: 'Belopp i tkr' },
  { unit: 'mnkr', title: 'Belopp i mnkr' },
  { unit: 'kr', title: 'Belopp i kr' },
  { unit: 'tkr', title: null },
] as const;

interface Spec {
  convention: SignConvention;
  words: { actual: string; budget: string; variance: string; change: string };
  year: number;
  unit: (typeof UNITS)[number];
  decimals: number;
  fraction: boolean;
  twoHeaderRows: boolean;
  labelGap: number;
  blankUnderHeader: boolean;
  section: boolean;
  nämnd: boolean;
  total: boolean;
  rows: { previous: number; actual: number; budget: number }[];
}

const spec: fc.Arbitrary<Spec> = fc.record({
  convention: fc.constantFrom<SignConvention>('costs-negative', 'costs-positive'),
  words: fc.record({ actual: fc.constantFrom(...ACTUAL), budget: fc.constantFrom(...BUDGET), variance: fc.constantFrom(...VARIANCE), change: fc.constantFrom(...CHANGE) }),
  year: fc.integer({ min: 2015, max: 2030 }),
  unit: fc.constantFrom(...UNITS),
  decimals: fc.integer({ min: 0, max: 3 }),
  fraction: fc.boolean(),
  twoHeaderRows: fc.boolean(),
  labelGap: fc.integer({ min: 0, max: 2 }),
  blankUnderHeader: fc.boolean(),
  section: fc.boolean(),
  nämnd: fc.boolean(),
  total: fc.boolean(),
  rows: fc.array(fc.record({ previous: fc.integer({ min: 2_000, max: 900_000 }), actual: fc.integer({ min: 2_000, max: 900_000 }), budget: fc.integer({ min: 2_000, max: 900_000 }) }), {
    minLength: 3,
    maxLength: 8,
  }),
});

const NAMES = ['Kommunledning', 'Ekonomi', 'Personal', 'Kultur', 'Fritid', 'Teknik', 'Miljö', 'Bygg', 'Vård', 'Skola', 'Förskola'];

interface Built {
  sheet: SheetGrid;
  cols: { previous: number; actual: number; budget: number; variance: number; change: number };
  dataRows: number[];
}

/** A consistent table as a report prints it: amounts typed with `decimals` decimals, Avv and % rounded from them. */
function build(s: Spec): Built {
  const cells: (Cell | undefined)[][] = [];
  const put = (r: number, c: number, cell: Cell | undefined): void => {
    (cells[r] ??= [])[c] = cell;
  };
  const scale = 10 ** s.decimals;
  const sign = s.convention === 'costs-negative' ? -1 : 1;
  const fmt = s.decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(s.decimals)}`;
  const amount = (x: number): Cell => ({ value: Math.round(x * scale) / scale, numberFormat: fmt });
  const round = (x: number, d: number): number => Math.sign(x) * (Math.round(Math.abs(x) * 10 ** d) / 10 ** d);
  const L = 0;
  const B = 1 + s.labelGap;
  const cols = { previous: B, actual: B + 1, budget: B + 2, variance: B + 3, change: B + 4 };
  let r = 0;
  if (s.unit.title !== null) {
    put(r, L, { value: s.unit.title });
    r += 2;
  }
  const words = ['Bokslut', s.words.actual, s.words.budget, s.words.variance, s.words.change];
  const years = [s.year - 1, s.year, s.year, null, null];
  if (s.twoHeaderRows) {
    years.forEach((y, i) => y !== null && put(r, B + i, { value: y }));
    r++;
    put(r, L, { value: 'Verksamhet' });
    words.forEach((w, i) => put(r, B + i, { value: w }));
  } else {
    put(r, L, { value: 'Verksamhet' });
    words.forEach((w, i) => put(r, B + i, { value: years[i] === null ? w : `${w} ${years[i]}` }));
  }
  r++;
  if (s.blankUnderHeader) r++;
  if (s.section) put(r++, L, { value: 'Gemensamma verksamheter' });
  // Figures in units of the last decimal, so that sums are exact.
  const units = s.rows.map((x) => ({ previous: sign * x.previous, actual: sign * x.actual, budget: sign * x.budget }));
  if (s.nämnd) {
    const parts = units.slice(0, 2);
    units.unshift({ previous: parts[0]!.previous + parts[1]!.previous, actual: parts[0]!.actual + parts[1]!.actual, budget: parts[0]!.budget + parts[1]!.budget });
  }
  const dataRows: number[] = [];
  const writeRow = (row: number, label: string | null, x: { previous: number; actual: number; budget: number }): void => {
    if (label !== null) put(row, L, { value: label });
    put(row, cols.previous, amount(x.previous / scale));
    put(row, cols.actual, amount(x.actual / scale));
    put(row, cols.budget, amount(x.budget / scale));
    const variance = (s.convention === 'costs-negative' ? x.actual - x.budget : x.budget - x.actual) / scale;
    put(row, cols.variance, amount(variance));
    const change = x.actual / x.previous - 1;
    put(row, cols.change, s.fraction ? { value: round(change, 3), numberFormat: '0.0%' } : { value: round(change * 100, 1), numberFormat: '0.0' });
  };
  units.forEach((x, i) => {
    const label = s.nämnd && i === 0 ? 'Nämnden' : s.nämnd && i <= 2 ? `  ${NAMES[i]}` : NAMES[i % NAMES.length]!;
    writeRow(r, label, x);
    dataRows.push(r++);
  });
  if (s.total) {
    const top = s.nämnd ? [units[0]!, ...units.slice(3)] : units;
    r++;
    writeRow(r, null, { previous: top.reduce((a, x) => a + x.previous, 0), actual: top.reduce((a, x) => a + x.actual, 0), budget: top.reduce((a, x) => a + x.budget, 0) });
  }
  return { sheet: { name: 'Blad1', cells }, cols, dataRows };
}

describe('generated tables of any kommun', () => {
  it('consistent: found with the right roles, convention and unit, and nothing to report', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const built = build(s);
        const wb = { sheets: [built.sheet] };
        const [t, ...more] = findTables(wb);
        expect(more).toEqual([]);
        expect(t).toBeDefined();
        const { previous, actual, budget, variance, change } = t!.columns;
        expect([previous?.col, actual?.col, budget?.col, variance?.col, change?.col]).toEqual([built.cols.previous, built.cols.actual, built.cols.budget, built.cols.variance, built.cols.change]);
        expect(t!.convention).toBe(s.convention);
        expect(t!.unit).toBe(s.unit.unit);
        expect(checkWorkbook(wb).findings.map((f) => `${f.rule}@${f.cell}`)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('one figure changed by more than rounding is reported at that cell', () => {
    fc.assert(
      fc.property(spec, fc.nat(), fc.integer({ min: 2, max: 500 }), fc.constantFrom(-1, 1), fc.constantFrom('variance', 'budget'), (s, pick, size, sign, which) => {
        const built = build(s);
        const row = built.dataRows[pick % built.dataRows.length]!;
        const col = built.cols[which as 'variance' | 'budget'];
        const cell = cellAddress(row, col);
        const wb = withCell({ sheets: [built.sheet] }, 'Blad1', cell, (c) => ({ ...c, value: (c.value as number) + (sign * size) / 10 ** s.decimals }));
        const findings = checkWorkbook(wb).findings.filter((f) => f.severity === 'error');
        // A changed Avv is reported where it stands; a changed Budget makes the row's Avv wrong.
        const at = which === 'variance' ? cell : cellAddress(row, built.cols.variance);
        expect(findings.some((f) => f.cell === at && f.rule === 'variance-mismatch')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
