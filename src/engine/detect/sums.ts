/**
 * Which rows add up which: a labelled sum (`Summa gemensamt`, `Totalt`) over
 * the rows of its group or over everything above it, a nämnd row over the
 * verksamheter right under it (no label says so: its figures do), a `Netto`
 * or `Resultat` row over the rows above it, and the unlabelled total.
 */
import { isFigure, meets, type ColumnFigures, type Readings } from './figures';
import type { Body } from './body';

/** Most nämnder have fewer verksamheter than this. */
const MAX_PARTS = 60;

/** On how many of the amount columns row `i` is the sum of `parts` (indexes), of those where all can be read. */
function sumAgreement(readings: Readings, amountCols: readonly number[], i: number, parts: readonly number[]): { checked: number; agreeing: number; nonZero: boolean } {
  let checked = 0;
  let agreeing = 0;
  let nonZero = false;
  for (const col of amountCols) {
    const c = readings.get(col) as ColumnFigures;
    if (!isFigure(c, i) || parts.some((k) => Number.isNaN(c.value[k]))) continue;
    checked++;
    const total = c.value[i] as number;
    const sum = parts.reduce((s, k) => s + (c.value[k] as number), 0);
    const half = parts.reduce((s, k) => s + (c.half[k] as number), 0);
    if (meets(total, c.half[i] as number, sum, half)) {
      agreeing++;
      if (total !== 0) nonZero = true;
    }
  }
  return { checked, agreeing, nonZero };
}

/**
 * A column's running sums over the body rows: `value[k]` and `half[k]` add
 * up rows 0 … k − 1 (an unreadable figure as 0), so rows a … b add up to
 * `value[b + 1] − value[a]`.
 */
interface RunningSums {
  figures: ColumnFigures;
  value: Float64Array;
  half: Float64Array;
}

function runningSums(figures: ColumnFigures): RunningSums {
  const n = figures.value.length;
  const value = new Float64Array(n + 1);
  const half = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) {
    const v = figures.value[k] as number;
    const readable = !Number.isNaN(v);
    value[k + 1] = (value[k] as number) + (readable ? v : 0);
    half[k + 1] = (half[k] as number) + (readable ? (figures.half[k] as number) : 0);
  }
  return { figures, value, half };
}

/**
 * The fewest (two or more, at most MAX_PARTS) rows right under row i whose
 * figures it adds up in most amount columns, or undefined. A majority of
 * the columns includes one of their first half (`probes`): the runs of rows
 * whose running sum there meets row i's figure, within the rounding of the
 * most rows that may add up, are the candidates counted over every column.
 */
function partsUnder(body: Body, readings: Readings, amountCols: readonly number[], probes: readonly RunningSums[], i: number): number[] | undefined {
  let ends: number[] | undefined;
  for (let p = 0; p < probes.length; p++) {
    const c = probes[p] as RunningSums;
    const total = c.figures.value[i] as number;
    if (!isFigure(c.figures, i) || total === 0) continue;
    const last = Math.min(body.rows.length - 1, i + MAX_PARTS);
    const target = (c.value[i + 1] as number) + total;
    const tolerance = (c.figures.half[i] as number) + (c.half[last + 1] as number) - (c.half[i + 1] as number) + Math.max(1, Math.abs(target)) * 1e-9;
    const running = c.value;
    for (let k = i + 2; k <= last; k++) if (Math.abs((running[k + 1] as number) - target) <= tolerance) (ends ??= []).push(k);
  }
  if (ends === undefined) return undefined;
  for (const k of [...new Set(ends)].sort((a, b) => a - b)) {
    if (!allFigures(body, i + 1, k)) return undefined;
    const parts = indexesFromTo(i + 1, k);
    if (isConfirmed(sumAgreement(readings, amountCols, i, parts))) return parts;
  }
  return undefined;
}

/** The indexes `from` … `to`, in order. */
function indexesFromTo(from: number, to: number): number[] {
  const indexes: number[] = [];
  for (let x = from; x <= to; x++) indexes.push(x);
  return indexes;
}

/** True when rows `from` … `to` of the body are all rows of figures (no sum, no total among them). */
function allFigures(body: Body, from: number, to: number): boolean {
  for (let x = from; x <= to; x++) if (body.kinds[x] !== 'figures') return false;
  return true;
}

function isConfirmed(a: { checked: number; agreeing: number; nonZero: boolean }): boolean {
  return a.nonZero && a.agreeing * 2 > a.checked && (a.agreeing >= 2 || a.checked === 1);
}

/**
 * The parts of every summing row, as indexes into `body.rows`: labelled sums
 * and the total always; nämnd rows and Netto rows when the figures confirm
 * them. Returns a map from a summing row's index to its parts.
 */
export function findSums(body: Body, readings: Readings, amountCols: readonly number[]): Map<number, number[]> {
  const { kinds, resultRows } = body;
  const n = kinds.length;
  const sums = new Map<number, number[]>();
  const inGroup = new Set<number>();
  // Nämnd rows over their verksamheter: the fewest rows right under it whose sum it is.
  const probes = amountCols.slice(0, Math.ceil(amountCols.length / 2)).map((col) => runningSums(readings.get(col) as ColumnFigures));
  for (let i = 0; i < n; i++) {
    if (kinds[i] !== 'figures') continue;
    const parts = partsUnder(body, readings, amountCols, probes, i);
    if (parts === undefined) continue;
    sums.set(i, parts);
    for (const x of parts) inGroup.add(x);
    i = parts[parts.length - 1] as number;
  }
  // Labelled sums, Netto rows and the total, top to bottom.
  let topLevel: number[] = [];
  let group: number[] = [];
  /** Row i adds up `parts`: they leave the top level, it takes their place. */
  const addsUp = (i: number, parts: number[]): void => {
    sums.set(i, parts);
    // The parts are top-level rows: all of them (a total over everything) leave only row i.
    if (parts.length === topLevel.length) {
      topLevel = [i];
      return;
    }
    const added = new Set(parts);
    topLevel = [...topLevel.filter((x) => !added.has(x)), i];
  };
  for (let i = 0; i < n; i++) {
    if (inGroup.has(i)) continue;
    const kind = kinds[i];
    // A Netto row's label says what it is: half its columns adding up confirm it (an error may break the other half).
    const result = kind === 'figures' && group.length >= 2 && resultRows.includes(i) ? sumAgreement(readings, amountCols, i, group) : undefined;
    if (result !== undefined && result.nonZero && result.agreeing * 2 >= result.checked) {
      addsUp(i, group);
      group = [i];
      continue;
    }
    if (kind === 'sum' || kind === 'total') {
      const isLast = i === n - 1;
      // The top-level list itself may become the part list: addsUp puts a new list in its place.
      const everything = topLevel;
      const own = group.length > 0 ? group : everything;
      const pick = isLast && everything.length !== own.length && sumAgreement(readings, amountCols, i, everything).agreeing >= sumAgreement(readings, amountCols, i, own).agreeing ? everything : own;
      addsUp(i, pick);
      group = [];
      continue;
    }
    topLevel.push(i);
    group.push(i);
  }
  return sums;
}
