/**
 * Tables generated along the catalog's dimensions — header words, years,
 * sign convention, unit, decimals, blank and section rows, a nämnd row over
 * its verksamheter, label position, % unit, one or two header rows, the
 * parts of the net (Intäkter and Kostnader beside Nettokostnad) — are
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
/** The parts of the net and the net itself, which then is this year's actual. */
const INCOME = ['Intäkter'];
const COST = ['Kostnader', 'Kost-\nnader'];
const NET = ['Nettokostnad', 'Netto'];
const UNITS = [
  { unit: 'tkr', title: 'Belopp i tkr' },
  { unit: 'mnkr', title: 'Belopp i mnkr' },
  { unit: 'kr', title: 'Belopp i kr' },
  { unit: 'tkr', title: null },
] as const;

interface Spec {
  convention: SignConvention;
  words: { actual: string; budget: string; variance: string; change: string; income: string; cost: string; net: string };
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
  /** Prognos helår and Avvikelse prognos after the %, as a delårsrapport has them. */
  forecast: boolean;
  /** Förändring tkr (Utfall − Bokslut) after the %. */
  changeAmount: boolean;
  /**
   * Intäkter and Kostnader before this year's actual, headed Nettokostnad or
   * Netto: Netto = Intäkter + Kostnader with costs negative, Kostnader −
   * Intäkter with costs positive.
   */
  netParts: boolean;
  rows: { previous: number; actual: number; budget: number; forecast: number; income: number }[];
}

const spec: fc.Arbitrary<Spec> = fc.record({
  convention: fc.constantFrom<SignConvention>('costs-negative', 'costs-positive'),
  words: fc.record({
    actual: fc.constantFrom(...ACTUAL),
    budget: fc.constantFrom(...BUDGET),
    variance: fc.constantFrom(...VARIANCE),
    change: fc.constantFrom(...CHANGE),
    income: fc.constantFrom(...INCOME),
    cost: fc.constantFrom(...COST),
    net: fc.constantFrom(...NET),
  }),
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
  forecast: fc.boolean(),
  changeAmount: fc.boolean(),
  netParts: fc.boolean(),
  rows: fc.array(
    fc.record({
      previous: fc.integer({ min: 2_000, max: 900_000 }),
      actual: fc.integer({ min: 2_000, max: 900_000 }),
      budget: fc.integer({ min: 2_000, max: 900_000 }),
      forecast: fc.integer({ min: 2_000, max: 900_000 }),
      income: fc.integer({ min: 0, max: 300_000 }),
    }),
    {
      minLength: 3,
      maxLength: 8,
    },
  ),
});

const NAMES = ['Kommunledning', 'Ekonomi', 'Personal', 'Kultur', 'Fritid', 'Teknik', 'Miljö', 'Bygg', 'Vård', 'Skola', 'Förskola'];

type FigureColumn = 'previous' | 'actual' | 'budget' | 'variance' | 'change' | 'forecast' | 'forecastVariance' | 'changeAmount' | 'income' | 'cost';
const FIGURE_COLUMNS: readonly FigureColumn[] = ['previous', 'actual', 'budget', 'variance', 'change', 'forecast', 'forecastVariance', 'changeAmount', 'income', 'cost'];
type Figures = { previous: number; actual: number; budget: number; forecast: number; income: number; cost: number };

interface Built {
  sheet: SheetGrid;
  /** The sheet column of each figure the table has. */
  cols: Partial<Record<FigureColumn, number>> & Record<'previous' | 'actual' | 'budget' | 'variance' | 'change', number>;
  dataRows: number[];
  /** The unlabelled total row, when the table has one. */
  totalRow: number | undefined;
  /** For each sheet row with figures: the rows it is the sum of, and the sum row it is a part of. */
  partsOf: Map<number, number[]>;
  sumOf: Map<number, number>;
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
  // With the parts of the net, Intäkter and Kostnader stand between Bokslut and the net.
  const parts = s.netParts ? 2 : 0;
  const cols: Built['cols'] = { previous: B, actual: B + 1 + parts, budget: B + 2 + parts, variance: B + 3 + parts, change: B + 4 + parts };
  if (s.netParts) {
    cols.income = B + 1;
    cols.cost = B + 2;
  }
  const words = ['Bokslut', ...(s.netParts ? [s.words.income, s.words.cost, s.words.net] : [s.words.actual]), s.words.budget, s.words.variance, s.words.change];
  const years: (number | null)[] = [s.year - 1, ...(s.netParts ? [s.year, s.year] : []), s.year, s.year, null, null];
  if (s.forecast) {
    cols.forecast = B + words.length;
    cols.forecastVariance = B + words.length + 1;
    words.push('Prognos helår', 'Avvikelse prognos');
    years.push(s.year, null);
  }
  if (s.changeAmount) {
    cols.changeAmount = B + words.length;
    words.push(`Förändring ${s.unit.unit}`);
    years.push(null);
  }
  let r = 0;
  if (s.unit.title !== null) {
    put(r, L, { value: s.unit.title });
    r += 2;
  }
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
  // Intäkter are positive; Kostnader negative (actual − Intäkter) or positive (actual + Intäkter).
  const units: Figures[] = s.rows.map((x) => ({
    previous: sign * x.previous,
    actual: sign * x.actual,
    budget: sign * x.budget,
    forecast: sign * x.forecast,
    income: x.income,
    cost: sign * x.actual + (s.convention === 'costs-negative' ? -x.income : x.income),
  }));
  const sum = (xs: Figures[]): Figures => ({
    previous: xs.reduce((a, x) => a + x.previous, 0),
    actual: xs.reduce((a, x) => a + x.actual, 0),
    budget: xs.reduce((a, x) => a + x.budget, 0),
    forecast: xs.reduce((a, x) => a + x.forecast, 0),
    income: xs.reduce((a, x) => a + x.income, 0),
    cost: xs.reduce((a, x) => a + x.cost, 0),
  });
  if (s.nämnd) units.unshift(sum(units.slice(0, 2)));
  const dataRows: number[] = [];
  const partsOf = new Map<number, number[]>();
  const sumOf = new Map<number, number>();
  const writeRow = (row: number, label: string | null, x: Figures): void => {
    if (label !== null) put(row, L, { value: label });
    put(row, cols.previous, amount(x.previous / scale));
    if (cols.income !== undefined && cols.cost !== undefined) {
      put(row, cols.income, amount(x.income / scale));
      put(row, cols.cost, amount(x.cost / scale));
    }
    put(row, cols.actual, amount(x.actual / scale));
    put(row, cols.budget, amount(x.budget / scale));
    const variance = (s.convention === 'costs-negative' ? x.actual - x.budget : x.budget - x.actual) / scale;
    put(row, cols.variance, amount(variance));
    const change = x.actual / x.previous - 1;
    put(row, cols.change, s.fraction ? { value: round(change, 3), numberFormat: '0.0%' } : { value: round(change * 100, 1), numberFormat: '0.0' });
    if (cols.forecast !== undefined && cols.forecastVariance !== undefined) {
      put(row, cols.forecast, amount(x.forecast / scale));
      put(row, cols.forecastVariance, amount((s.convention === 'costs-negative' ? x.forecast - x.budget : x.budget - x.forecast) / scale));
    }
    if (cols.changeAmount !== undefined) put(row, cols.changeAmount, amount((x.actual - x.previous) / scale));
  };
  units.forEach((x, i) => {
    const label = s.nämnd && i === 0 ? 'Nämnden' : s.nämnd && i <= 2 ? `  ${NAMES[i]}` : NAMES[i % NAMES.length]!;
    writeRow(r, label, x);
    dataRows.push(r++);
  });
  if (s.nämnd) {
    partsOf.set(dataRows[0]!, dataRows.slice(1, 3));
    for (const part of dataRows.slice(1, 3)) sumOf.set(part, dataRows[0]!);
  }
  let totalRow: number | undefined;
  if (s.total) {
    const top = s.nämnd ? [units[0]!, ...units.slice(3)] : units;
    r++;
    writeRow(r, null, sum(top));
    totalRow = r;
    const topRows = s.nämnd ? [dataRows[0]!, ...dataRows.slice(3)] : dataRows;
    partsOf.set(r, topRows);
    for (const part of topRows) sumOf.set(part, r);
  }
  return { sheet: { name: 'Blad1', cells }, cols, dataRows, totalRow, partsOf, sumOf };
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
        const extra = (kind: string): number | undefined => t!.extraColumns.find((e) => e.kind === kind)?.col;
        expect([extra('forecast'), extra('forecast-variance'), extra('change-amount')]).toEqual([built.cols.forecast, built.cols.forecastVariance, built.cols.changeAmount]);
        // The parts of the net: Intäkter and Kostnader named, the net being this year's actual, and the identity they keep.
        const { income, cost, net } = t!.columns;
        expect([income?.col, cost?.col]).toEqual([built.cols.income, built.cols.cost]);
        // An actual headed Nettokostnad is the net too.
        expect(net?.col).toBe(s.netParts || s.words.actual === 'Nettokostnad' ? built.cols.actual : undefined);
        expect([extra('income'), extra('cost')]).toEqual([built.cols.income, built.cols.cost]);
        const netRelation = t!.relations.find((r) => r.meaning === 'net');
        const expectedTerms =
          s.convention === 'costs-negative'
            ? [
                { col: built.cols.income, sign: 1 },
                { col: built.cols.cost, sign: 1 },
              ]
            : [
                { col: built.cols.cost, sign: 1 },
                { col: built.cols.income, sign: -1 },
              ];
        expect(netRelation).toEqual(s.netParts ? { meaning: 'net', result: built.cols.actual, terms: expectedTerms } : undefined);
        expect(t!.convention).toBe(s.convention);
        expect(t!.unit).toBe(s.unit.unit);
        expect(checkWorkbook(wb).findings.map((f) => `${f.rule}@${f.cell}`)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('a figure changed by more than rounding in any figure cell is reported by a finding that names that cell', () => {
    fc.assert(
      fc.property(spec, fc.nat(), fc.constantFrom(...FIGURE_COLUMNS), fc.integer({ min: 2, max: 500 }), fc.constantFrom(-1, 1), (s, pick, which, size, sign) => {
        const built = build(s);
        const rows = built.totalRow === undefined ? built.dataRows : [...built.dataRows, built.totalRow];
        const row = rows[pick % rows.length]!;
        const col = built.cols[which];
        fc.pre(col !== undefined);
        const planted = cellAddress(row, col!);
        // One unit of the cell's last shown decimal: the amounts' decimals, 0,1 for a % × 100, 0,001 for a fraction.
        const unit = which === 'change' ? (s.fraction ? 0.001 : 0.1) : 10 ** -s.decimals;
        const figure = (r: number, c: FigureColumn): number => built.sheet.cells[r]![built.cols[c]!]!.value as number;
        const changed = (r: number, c: FigureColumn): number => figure(r, c) + (r === row && c === which ? sign * size * unit : 0);
        fc.pre(isVisible(built, s, row, which, size, changed));
        const wb = withCell({ sheets: [built.sheet] }, 'Blad1', planted, (c) => ({ ...c, value: changed(row, which) }));
        const findings = checkWorkbook(wb).findings.filter((f) => f.severity === 'error');
        // Reported: a finding at the planted cell, or one whose calculation counts it among its operands (a changed
        // Budget makes its row's Avv wrong: variance-mismatch at the Avv cell, computed from the Budget cell).
        const names = (f: (typeof findings)[number]): boolean => f.cell === planted || (f.calculation?.operands.some((o) => o.cell === planted) ?? false);
        expect({ planted, reported: findings.filter(names).map((f) => `${f.rule}@${f.cell}`), all: findings.map((f) => `${f.rule}@${f.cell}`) }).toEqual(
          expect.objectContaining({ reported: expect.arrayContaining([expect.any(String)]) }),
        );
        // Intäkter, Kostnader and the net they make: the in-row identity reports the change at the net.
        if (s.netParts && (which === 'income' || which === 'cost' || which === 'actual')) {
          expect({ planted, netIdentity: findings.filter((f) => f.messageId === 'row-arithmetic.net' && names(f)).map((f) => f.cell) }).toEqual({
            planted,
            netIdentity: [cellAddress(row, built.cols.actual)],
          });
        }
      }),
      { numRuns: 400 },
    );
  });
});

/**
 * Whether some identity the table keeps lets a rule see the change, given
 * that every printed figure stands for itself ± half its last unit:
 * - Avv = Utfall − Budget (or Budget − Utfall), Avvikelse prognos =
 *   Prognos − Budget (or Budget − Prognos), Förändring tkr = Utfall −
 *   Bokslut, in the row: three roundings of ½ unit, so a change of 2 units
 *   or more always shows;
 * - a sum (the total over the rows above it, the nämnd row over its
 *   verksamheter): the change shows when it is larger than the roundings of
 *   the sum and all its parts;
 * - the change % (Utfall / Bokslut − 1): the change shows when the % the
 *   changed figures give lies clear of the printed % (a wide margin: a
 *   change of Bokslut by a few units may move the % by less than its rounding).
 */
function isVisible(built: Built, s: Spec, row: number, which: FigureColumn, size: number, changed: (r: number, c: FigureColumn) => number): boolean {
  // Each of these stands in an identity of its own row: Avv, Avvikelse prognos, Förändring tkr.
  if (which !== 'previous' && which !== 'change') return true;
  if (which === 'previous' && built.cols.changeAmount !== undefined) return true;
  const half = 0.5 * 10 ** -s.decimals;
  if (which === 'previous') {
    const sums = [built.partsOf.get(row), ...[built.sumOf.get(row)].filter((x) => x !== undefined).map((x) => built.partsOf.get(x))].filter((x): x is number[] => x !== undefined);
    if (sums.some((parts) => size * 10 ** -s.decimals > (parts.length + 1) * half + half)) return true;
  }
  // Utfall / Bokslut − 1 over the intervals of the (changed) figures, against the printed change and its rounding.
  const a = changed(row, 'actual');
  const p = changed(row, 'previous');
  const ratios = [(a - half) / (p - half), (a - half) / (p + half), (a + half) / (p - half), (a + half) / (p + half)];
  const scale = s.fraction ? 1 : 100;
  const lo = (Math.min(...ratios) - 1) * scale;
  const hi = (Math.max(...ratios) - 1) * scale;
  const c = changed(row, 'change');
  const cHalf = s.fraction ? 0.0005 : 0.05;
  const margin = 3 * cHalf;
  return c + cHalf + margin < lo || c - cHalf - margin > hi;
}
