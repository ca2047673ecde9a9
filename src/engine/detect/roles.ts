/**
 * Naming a table's columns: header words and years give each column a
 * candidate role; the identities the figures keep confirm them, choose the
 * sign convention, and name columns the words leave open. A header guess the
 * figures contradict on most rows is a misreading, kept as one note.
 */
import { changeScale, type ChangeUnit } from '../interval';
import type { ColumnRelation, ColumnRole, ExtraColumn, SignConvention, TableColumn, UnreconciledColumn } from '../table';
import { agreement, differenceAgreement, isFigure, type Readings, type Term } from './figures';
import type { HeaderColumn } from './header';
import type { HeaderHint } from './words';

/** The outcome of naming: roles, the other value columns, the confirmed identities and the notes. */
export interface NamedColumns {
  columns: Partial<Record<ColumnRole, TableColumn>>;
  extraColumns: ExtraColumn[];
  relations: ColumnRelation[];
  unreconciled: UnreconciledColumn[];
  convention: SignConvention;
  /** How the change % is stored, when the figures tell (a number format without % says nothing). */
  changeUnit: ChangeUnit | undefined;
}

function last(xs: readonly number[]): number | undefined {
  return xs[xs.length - 1];
}

function asColumn(h: HeaderColumn): TableColumn {
  return { col: h.col, header: h.text, years: h.years, headerRow: h.yearRow };
}

/** The kind an extra column is listed with. */
const EXTRA_KIND: Partial<Record<ColumnRole, ExtraColumn['kind']>> = {
  forecast: 'forecast',
  forecastVariance: 'forecast-variance',
  changeAmount: 'change-amount',
  income: 'income',
  cost: 'cost',
  net: 'net',
};

/** Roles from the words and years alone. */
function rolesFromWords(cols: readonly HeaderColumn[]): Map<ColumnRole, HeaderColumn> {
  const roles = new Map<ColumnRole, HeaderColumn>();
  let reportYear = 0;
  for (const c of cols) for (const y of c.years) if (y > reportYear) reportYear = y;
  const yearOf = (c: HeaderColumn): number => last(c.years) ?? reportYear;
  const thisYear = (c: HeaderColumn): boolean => reportYear === 0 || c.years.length === 0 || yearOf(c) === reportYear;
  /** The column of the latest year (the leftmost of one year: the columns stand in sheet order) that `wanted` accepts. */
  const latest = (wanted: (c: HeaderColumn) => boolean): HeaderColumn | undefined => {
    let found: HeaderColumn | undefined;
    for (const c of cols) if (wanted(c) && (found === undefined || yearOf(c) > yearOf(found))) found = c;
    return found;
  };

  // This year's actual: Utfall of the report's year, else Bokslut of that year, else Netto, else a column of that year only.
  const actual =
    latest((c) => c.hint === 'actual') ??
    cols.find((c) => c.hint === 'previous' && c.years.length > 0 && yearOf(c) === reportYear) ??
    latest((c) => c.hint === 'net' && thisYear(c)) ??
    cols.find((c) => c.hint === 'year' && yearOf(c) === reportYear);
  if (actual !== undefined) roles.set('actual', actual);
  // Last year's actual: Bokslut of an earlier year, or an earlier Utfall, Netto or year column.
  const before = (c: HeaderColumn): boolean => c !== actual && (actual === undefined || c.years.length === 0 || actual.years.length === 0 || yearOf(c) < yearOf(actual));
  const previous =
    latest((c) => c.hint === 'previous' && before(c)) ??
    latest((c) => (c.hint === 'actual' || c.hint === 'year') && before(c) && (c.years.length > 0 || c.hint === 'actual')) ??
    latest((c) => c.hint === 'net' && before(c) && c.years.length > 0);
  if (previous !== undefined) roles.set('previous', previous);
  /** The role's column: the first with the hint that is of the report's year, else the first with the hint. */
  const first = (role: ColumnRole, hint: HeaderHint): void => {
    const pick = cols.find((c) => c.hint === hint && thisYear(c)) ?? cols.find((c) => c.hint === hint);
    if (pick !== undefined) roles.set(role, pick);
  };
  first('budget', 'budget');
  first('variance', 'variance');
  first('change', 'change');
  first('changeAmount', 'changeAmount');
  first('forecast', 'forecast');
  first('forecastVariance', 'forecast-variance');
  first('income', 'income');
  first('cost', 'cost');
  const net = latest((c) => c.hint === 'net' && thisYear(c));
  if (net !== undefined && (actual === net || roles.has('income') || roles.has('cost'))) roles.set('net', net);
  return roles;
}

/** The better of `a` and `b`; ties keep `a`. */
function better<T extends { agreeing: number }>(a: T | undefined, b: T | undefined): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.agreeing > a.agreeing ? b : a;
}

interface Candidate {
  terms: Term[];
  checked: number;
  agreeing: number;
}

/** `result = left − right` and `result = right − left`, each with its agreement (both read in one pass). */
function differences(readings: Readings, result: number, left: number, right: number): Candidate[] {
  const { checked, leftFirst, rightFirst } = differenceAgreement(readings, result, left, right);
  return [
    {
      terms: [
        { col: left, sign: 1 },
        { col: right, sign: -1 },
      ],
      checked,
      agreeing: leftFirst,
    },
    {
      terms: [
        { col: right, sign: 1 },
        { col: left, sign: -1 },
      ],
      checked,
      agreeing: rightFirst,
    },
  ];
}

/**
 * Whether an identity holds. `strict` (a column the words leave open): on
 * most rows and at least two. Otherwise (the words name it): unless the
 * figures contradict it on most of three rows or more; fewer rows cannot
 * tell a misreading from errors.
 */
function holds(c: { checked: number; agreeing: number } | undefined, strict: boolean): boolean {
  if (c === undefined) return !strict;
  if (strict) return c.agreeing * 2 > c.checked && c.agreeing >= 2;
  return c.checked < 3 || c.agreeing * 2 >= c.checked;
}

/** Which sign the actual figures mostly have: costs positive when most are above zero. */
function conventionBySign(readings: Readings, actual: number | undefined): SignConvention {
  const figures = actual === undefined ? undefined : readings.get(actual);
  if (figures === undefined) return 'costs-negative';
  const signs = figures.value.filter((_, i) => isFigure(figures, i)).map(Math.sign);
  return signs.filter((s) => s > 0).length * 2 > signs.length ? 'costs-positive' : 'costs-negative';
}

/** On how many rows the change % is (actual / previous − 1) × 100 (`percent`), and on how many it is the fraction (`fraction`). */
function changeAgreement(readings: Readings, change: number, actual: number, previous: number): { checked: number; percent: number; fraction: number } {
  const cs = readings.get(change);
  const as = readings.get(actual);
  const ps = readings.get(previous);
  let checked = 0;
  let percent = 0;
  let fraction = 0;
  if (cs === undefined || as === undefined || ps === undefined) return { checked, percent, fraction };
  const k = changeScale('percent');
  const f = changeScale('fraction');
  for (let i = 0; i < cs.value.length; i++) {
    if (!isFigure(cs, i) || !isFigure(as, i) || !isFigure(ps, i)) continue;
    const a = as.value[i] as number;
    const ah = as.half[i] as number;
    const p = ps.value[i] as number;
    const ph = ps.half[i] as number;
    const c = cs.value[i] as number;
    const ch = cs.half[i] as number;
    if (Math.abs(p) <= ph) continue;
    checked++;
    // The ratio's extremes lie at the corners of the two intervals.
    const r1 = (a - ah) / (p - ph);
    const r2 = (a - ah) / (p + ph);
    const r3 = (a + ah) / (p - ph);
    const r4 = (a + ah) / (p + ph);
    const min = Math.min(r1, r2, r3, r4) - 1;
    const max = Math.max(r1, r2, r3, r4) - 1;
    if (c + ch >= min * k - 1e-9 && c - ch <= max * k + 1e-9) percent++;
    if (c + ch >= min * f - 1e-9 && c - ch <= max * f + 1e-9) fraction++;
  }
  return { checked, percent, fraction };
}

/**
 * Names the value columns of a table from their header candidates and the
 * figures. `fractionFormat`: whether the change column's number format shows
 * % (then the change is a fraction whatever the figures say).
 */
export function nameColumns(cols: readonly HeaderColumn[], readings: Readings, fractionFormat: boolean): NamedColumns {
  const roles = rolesFromWords(cols);
  const relations: ColumnRelation[] = [];
  const unreconciled: UnreconciledColumn[] = [];
  const colOf = (role: ColumnRole): number | undefined => roles.get(role)?.col;
  const misread = (role: ColumnRole, c: { checked: number; agreeing: number } | undefined): void => {
    const h = roles.get(role) as HeaderColumn;
    unreconciled.push({ col: h.col, header: h.text, role, checked: c?.checked ?? 0, agreeing: c?.agreeing ?? 0 });
    roles.delete(role);
  };

  // A Förändring without a unit: tkr when it is Utfall − Bokslut, else %.
  for (const h of cols.filter((c) => c.hint === 'change-any')) {
    const a = colOf('actual');
    const p = colOf('previous');
    const amount =
      a !== undefined && p !== undefined
        ? agreement(readings, h.col, [
            { col: a, sign: 1 },
            { col: p, sign: -1 },
          ])
        : undefined;
    if (holds(amount, true) && !roles.has('changeAmount')) roles.set('changeAmount', h);
    else if (!roles.has('change')) roles.set('change', h);
  }

  // The budget variance: Utfall − Budget (costs negative) or Budget − Utfall (costs positive); an Avvikelse under Helår may be Prognos − Budget.
  let convention: SignConvention | undefined;
  const variance = colOf('variance');
  const [a, b, f] = [colOf('actual'), colOf('budget'), colOf('forecast')];
  if (variance !== undefined) {
    const [neg, pos] = a !== undefined && b !== undefined ? differences(readings, variance, a, b) : [undefined, undefined];
    const [fNeg, fPos] = f !== undefined && b !== undefined && !roles.has('forecastVariance') ? differences(readings, variance, f, b) : [undefined, undefined];
    const budgetBest = better(neg, pos);
    const forecastBest = better(fNeg, fPos);
    if (forecastBest !== undefined && holds(forecastBest, true) && (budgetBest === undefined || forecastBest.agreeing > budgetBest.agreeing)) {
      roles.set('forecastVariance', roles.get('variance') as HeaderColumn);
      roles.delete('variance');
    } else if (neg !== undefined && pos !== undefined && holds(budgetBest, false)) {
      const tie = neg.agreeing === pos.agreeing;
      convention = tie ? conventionBySign(readings, a) : neg.agreeing > pos.agreeing ? 'costs-negative' : 'costs-positive';
      relations.push({ meaning: 'variance', result: variance, terms: convention === 'costs-negative' ? neg.terms : pos.terms });
    } else if (neg !== undefined) {
      misread('variance', budgetBest);
    }
  }

  // The forecast variance: Prognos − Budget, or Budget − Prognos.
  const fv = colOf('forecastVariance');
  const f2 = colOf('forecast');
  if (fv !== undefined && f2 !== undefined) {
    const candidates = [...(b !== undefined ? differences(readings, fv, f2, b) : []), ...(a !== undefined ? differences(readings, fv, f2, a) : [])];
    const best = candidates.reduce<Candidate | undefined>((x, y) => better(x, y), undefined);
    const wanted = convention === 'costs-positive' ? 1 : 0;
    const preferred = candidates[wanted] !== undefined && candidates[wanted].agreeing === best?.agreeing ? candidates[wanted] : best;
    if (preferred !== undefined && holds(preferred, false)) {
      relations.push({ meaning: 'forecastVariance', result: fv, terms: preferred.terms });
      const budgetTerm = preferred.terms.find((t) => t.col === b);
      if (convention === undefined && budgetTerm !== undefined && preferred.agreeing > 0) convention = budgetTerm.sign === -1 ? 'costs-negative' : 'costs-positive';
    } else {
      misread('forecastVariance', preferred);
    }
  }

  // Förändring tkr: Utfall − Bokslut.
  const ca = colOf('changeAmount');
  const p = colOf('previous');
  if (ca !== undefined && a !== undefined && p !== undefined) {
    const [up, down] = differences(readings, ca, a, p);
    const best = (up?.agreeing ?? 0) >= (down?.agreeing ?? 0) ? up : down;
    if (holds(best, false)) relations.push({ meaning: 'changeAmount', result: ca, terms: (best as Candidate).terms });
    else misread('changeAmount', best);
  }

  // Netto = Intäkter + Kostnader (costs negative) or Kostnader − Intäkter (costs positive), for every year shown.
  const nets = cols.filter((c) => c.hint === 'net' || c === roles.get('net'));
  for (const net of nets) {
    const year = last(net.years);
    const sameYear = (c: HeaderColumn): boolean => last(c.years) === year;
    const income = cols.find((c) => c.hint === 'income' && sameYear(c));
    const cost = cols.find((c) => c.hint === 'cost' && sameYear(c));
    if (income === undefined || cost === undefined) continue;
    const sum = {
      terms: [
        { col: income.col, sign: 1 },
        { col: cost.col, sign: 1 },
      ] as Term[],
    };
    const candidates = [{ ...sum, ...agreement(readings, net.col, sum.terms) }, ...differences(readings, net.col, cost.col, income.col)];
    const best = candidates.reduce<Candidate | undefined>((x, y) => better(x, y), undefined);
    if (holds(best, false)) {
      relations.push({ meaning: 'net', result: net.col, terms: (best as Candidate).terms });
      if (convention === undefined && net === roles.get('net') && (best as Candidate).agreeing > 0) convention = best === candidates[0] ? 'costs-negative' : 'costs-positive';
    } else if (net === roles.get('net') && best !== undefined) {
      unreconciled.push({ col: net.col, header: net.text, role: 'net', checked: best.checked, agreeing: best.agreeing });
    }
  }

  // Columns the words leave open: a difference of two named columns names them.
  const named = new Set([...roles.values()].map((h) => h.col));
  for (const h of cols) {
    if (named.has(h.col) || relations.some((r) => r.result === h.col)) continue;
    const pairs: [ColumnRole, ColumnRole, ColumnRelation['meaning']][] = [
      ['actual', 'budget', 'variance'],
      ['forecast', 'budget', 'forecastVariance'],
      ['actual', 'previous', 'changeAmount'],
    ];
    for (const [left, right, meaning] of pairs) {
      const l = colOf(left);
      const r = colOf(right);
      const role: ColumnRole = meaning;
      if (l === undefined || r === undefined || roles.has(role)) continue;
      const best = differences(readings, h.col, l, r).reduce<Candidate | undefined>((x, y) => better(x, y), undefined);
      if (best === undefined || !holds(best, true)) continue;
      roles.set(role, h);
      named.add(h.col);
      relations.push({ meaning, result: h.col, terms: best.terms });
      if (meaning === 'variance' && convention === undefined) convention = best.terms[0]?.col === l ? 'costs-negative' : 'costs-positive';
      break;
    }
  }

  // The change %: (Utfall / Bokslut − 1) × 100, or a fraction.
  let changeUnit: ChangeUnit | undefined;
  const change = colOf('change');
  if (change !== undefined && a !== undefined && p !== undefined && !fractionFormat) {
    const { checked, percent, fraction } = changeAgreement(readings, change, a, p);
    if (fraction > percent && holds({ checked, agreeing: fraction }, true)) changeUnit = 'fraction';
  }

  const columns: Partial<Record<ColumnRole, TableColumn>> = {};
  // Each column's first role, in the order the roles were named (Nettokostnad may be both actual and net).
  const roleOf = new Map<HeaderColumn, ColumnRole>();
  for (const [role, h] of roles) {
    columns[role] = asColumn(h);
    if (!roleOf.has(h)) roleOf.set(h, role);
  }
  const five = new Set(['previous', 'actual', 'budget', 'variance', 'change'].map((m) => roles.get(m as ColumnRole)?.col));
  const extraColumns: ExtraColumn[] = [];
  for (const h of cols) {
    const role = roleOf.get(h);
    if (five.has(h.col) || h.hint === 'note' || (role === undefined && (h.hint === undefined || h.hint === 'change-any'))) continue;
    const kind =
      (role === undefined ? undefined : EXTRA_KIND[role]) ??
      (h.hint === 'forecast' ? 'forecast' : h.hint === 'forecast-variance' ? 'forecast-variance' : h.hint === 'income' ? 'income' : h.hint === 'cost' ? 'cost' : h.hint === 'net' ? 'net' : 'other');
    extraColumns.push({ ...asColumn(h), kind });
  }
  return { columns, extraColumns, relations, unreconciled, convention: convention ?? conventionBySign(readings, a ?? colOf('net')), changeUnit };
}
