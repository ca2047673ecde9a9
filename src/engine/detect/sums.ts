/**
 * Which rows add up which: a labelled sum (`Summa gemensamt`, `Totalt`) over
 * the rows of its group or over everything above it, a nämnd row over the
 * verksamheter right under it (no label says so: its figures do), a `Netto`
 * or `Resultat` row over the rows above it, and the unlabelled total.
 */
import { isFigure, meets, type ColumnFigures, type Readings } from './figures';
import type { BodyRow } from './body';

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
 * A column's running sums over the body rows: `value[k]`, `half[k]` and
 * `unreadable[k]` over rows 0 … k − 1 (an unreadable figure adds 0 and
 * counts as unreadable), so rows a … b add up to `value[b + 1] − value[a]`.
 */
interface RunningSums {
  figures: ColumnFigures;
  value: number[];
  half: number[];
  unreadable: number[];
}

function runningSums(figures: ColumnFigures): RunningSums {
  const sums: RunningSums = { figures, value: [0], half: [0], unreadable: [0] };
  for (let k = 0; k < figures.value.length; k++) {
    const v = figures.value[k] as number;
    const readable = !Number.isNaN(v);
    sums.value.push((sums.value[k] as number) + (readable ? v : 0));
    sums.half.push((sums.half[k] as number) + (readable ? (figures.half[k] as number) : 0));
    sums.unreadable.push((sums.unreadable[k] as number) + (readable ? 0 : 1));
  }
  return sums;
}

/**
 * The last rows k (i + 2 ≤ k ≤ i + MAX_PARTS) for which rows i + 1 … k may
 * add up to row i in this column: their running sum is within the rounding
 * of the most rows that may add up.
 */
function candidateEnds(c: RunningSums, i: number): number[] {
  const ends: number[] = [];
  if (!isFigure(c.figures, i) || c.figures.value[i] === 0) return ends;
  const last = Math.min(c.value.length - 2, i + MAX_PARTS);
  const target = (c.value[i + 1] as number) + (c.figures.value[i] as number);
  const tolerance = (c.figures.half[i] as number) + (c.half[last + 1] as number) - (c.half[i + 1] as number) + Math.max(1, Math.abs(target)) * 1e-9;
  for (let k = i + 2; k <= last; k++) if (Math.abs((c.value[k + 1] as number) - target) <= tolerance) ends.push(k);
  return ends;
}

/**
 * The fewest (two or more) rows right under row i whose figures it adds up
 * in most amount columns, or undefined. A majority of columns includes one
 * of the first half of them (`probes`), so only their candidates are tried.
 */
function partsUnder(rows: readonly BodyRow[], columns: readonly RunningSums[], probes: readonly RunningSums[], i: number): number[] | undefined {
  const found = probes.flatMap((c) => candidateEnds(c, i));
  if (found.length === 0) return undefined;
  const ends = [...new Set(found)].sort((a, b) => a - b);
  for (const k of ends) {
    if (rows.slice(i + 1, k + 1).some((r) => r.kind !== 'figures')) return undefined;
    let checked = 0;
    let agreeing = 0;
    let nonZero = false;
    for (const c of columns) {
      if (!isFigure(c.figures, i) || c.unreadable[k + 1] !== c.unreadable[i + 1]) continue;
      checked++;
      const total = c.figures.value[i] as number;
      const sum = (c.value[k + 1] as number) - (c.value[i + 1] as number);
      const half = (c.half[k + 1] as number) - (c.half[i + 1] as number);
      if (meets(total, c.figures.half[i] as number, sum, half)) {
        agreeing++;
        if (total !== 0) nonZero = true;
      }
    }
    if (isConfirmed({ checked, agreeing, nonZero })) return Array.from({ length: k - i }, (_, n) => i + 1 + n);
  }
  return undefined;
}

function isConfirmed(a: { checked: number; agreeing: number; nonZero: boolean }): boolean {
  return a.nonZero && a.agreeing * 2 > a.checked && (a.agreeing >= 2 || a.checked === 1);
}

/**
 * The parts of every summing row, as indexes into `rows`: labelled sums and
 * the total always; nämnd rows and Netto rows when the figures confirm them.
 * Returns a map from a summing row's index to its parts.
 */
export function findSums(rows: readonly BodyRow[], readings: Readings, amountCols: readonly number[]): Map<number, number[]> {
  const sums = new Map<number, number[]>();
  const inGroup = new Set<number>();
  // Nämnd rows over their verksamheter: the fewest rows right under it whose sum it is.
  const running = amountCols.map((col) => runningSums(readings.get(col) as ColumnFigures));
  const probes = running.slice(0, Math.ceil(running.length / 2));
  for (let i = 0; i < rows.length; i++) {
    if ((rows[i] as BodyRow).kind !== 'figures') continue;
    const parts = partsUnder(rows, running, probes, i);
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
    const added = new Set(parts);
    topLevel = [...topLevel.filter((x) => !added.has(x)), i];
  };
  rows.forEach((row, i) => {
    if (row.kind === 'section') {
      group = [];
      return;
    }
    if (inGroup.has(i)) return;
    // A Netto row's label says what it is: half its columns adding up confirm it (an error may break the other half).
    const result = row.kind === 'figures' && row.resultLabel && group.length >= 2 ? sumAgreement(readings, amountCols, i, group) : undefined;
    if (result !== undefined && result.nonZero && result.agreeing * 2 >= result.checked) {
      addsUp(i, group);
      group = [i];
      return;
    }
    if (row.kind === 'sum' || row.kind === 'total') {
      const isLast = i === rows.length - 1;
      const everything = [...topLevel];
      const own = group.length > 0 ? group : everything;
      const pick = isLast && everything.length !== own.length && sumAgreement(readings, amountCols, i, everything).agreeing >= sumAgreement(readings, amountCols, i, own).agreeing ? everything : own;
      addsUp(i, pick);
      group = [];
      return;
    }
    topLevel.push(i);
    group.push(i);
  });
  return sums;
}
