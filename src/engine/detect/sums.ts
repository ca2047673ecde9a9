/**
 * Which rows add up which: a labelled sum (`Summa gemensamt`, `Totalt`) over
 * the rows of its group or over everything above it, a nämnd row over the
 * verksamheter right under it (no label says so: its figures do), a `Netto`
 * or `Resultat` row over the rows above it, and the unlabelled total.
 */
import { meets, type Reading, type Readings } from './figures';
import type { BodyRow } from './body';

/** Most nämnder have fewer verksamheter than this. */
const MAX_PARTS = 60;

/** On how many of the amount columns row `i` is the sum of `parts` (indexes), of those where all can be read. */
function sumAgreement(readings: Readings, amountCols: readonly number[], i: number, parts: readonly number[]): { checked: number; agreeing: number; nonZero: boolean } {
  let checked = 0;
  let agreeing = 0;
  let nonZero = false;
  for (const col of amountCols) {
    const xs = readings.get(col) as readonly Reading[];
    const total = xs[i];
    if (total === undefined || total === 0) continue;
    const figures = parts.map((k) => xs[k]);
    if (figures.some((f) => f === undefined)) continue;
    checked++;
    if (meets(total, figures.map((f) => ({ figure: f as Exclude<Reading, undefined>, sign: 1 as const })))) {
      agreeing++;
      if (total.value !== 0) nonZero = true;
    }
  }
  return { checked, agreeing, nonZero };
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
  for (let i = 0; i < rows.length; i++) {
    if ((rows[i] as BodyRow).kind !== 'figures') continue;
    const run: number[] = [];
    for (let k = i + 1; k < rows.length && run.length < MAX_PARTS; k++) {
      if ((rows[k] as BodyRow).kind !== 'figures') break;
      run.push(k);
      if (run.length < 2) continue;
      if (isConfirmed(sumAgreement(readings, amountCols, i, run))) {
        sums.set(i, [...run]);
        for (const x of run) inGroup.add(x);
        i = k;
        break;
      }
    }
  }
  // Labelled sums, Netto rows and the total, top to bottom.
  let topLevel: number[] = [];
  let group: number[] = [];
  /** Row i adds up `parts`: they leave the top level, it takes their place. */
  const addsUp = (i: number, parts: number[]): void => {
    sums.set(i, parts);
    topLevel = [...topLevel.filter((x) => !parts.includes(x)), i];
  };
  rows.forEach((row, i) => {
    if (row.kind === 'section') {
      group = [];
      return;
    }
    if (inGroup.has(i)) return;
    if (row.kind === 'figures' && row.resultLabel && group.length >= 2 && isConfirmed(sumAgreement(readings, amountCols, i, group))) {
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
