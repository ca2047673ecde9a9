/**
 * `header-year`: years in a table's header that contradict each other or the
 * columns: `Förändr% 2020 o 2022` above a Bokslut 2020 / Utfall 2021
 * comparison, a Budget 2020 beside Utfall 2021, a Bokslut that is not the
 * year before.
 *
 * The table's year is what most headers say (Utfall, Budget, Avv, the year
 * after Bokslut, the change's second year; Utfall wins a tie). Each column is
 * held against it: Bokslut must be the year before, Budget, Avv and Prognos
 * the year itself, and a change % `YYYY o YYYY` must name Bokslut's year and
 * the table's year. The finding sits at the header cell that names the year.
 * Severity warning: the figures may well be right; the header misleads.
 */
import { defineRule, finding } from '../rule';
import type { Finding } from '../finding';
import type { TableColumn, VarianceTable } from '../table';
import { eachTable } from './common';

/** The table's year by majority of what its headers say. */
export function tableYear(table: VarianceTable): number | undefined {
  const votes = new Map<number, number>();
  const vote = (y: number | undefined, weight = 1): void => {
    if (y !== undefined) votes.set(y, (votes.get(y) ?? 0) + weight);
  };
  const { previous, actual, budget, variance, change } = table.columns;
  // Utfall gets a little extra weight so it decides a tie.
  vote(actual?.years[actual.years.length - 1], 1.1);
  vote(budget?.years[0]);
  vote(variance?.years[0]);
  const p = previous?.years[0];
  vote(p === undefined ? undefined : p + 1);
  if (change !== undefined && change.years.length === 2) vote(change.years[1]);
  for (const e of table.extraColumns) vote(e.years[0], 0.5);
  let best: number | undefined;
  let bestVotes = 0;
  for (const [y, n] of votes) {
    if (n > bestVotes) {
      best = y;
      bestVotes = n;
    }
  }
  return best;
}

/** The text from a column header's first year to its last: `2020 o 2022`. */
function yearSpan(column: TableColumn): string {
  const first = String(column.years[0]);
  const last = String(column.years[column.years.length - 1]);
  const start = column.header.indexOf(first);
  const end = column.header.lastIndexOf(last) + last.length;
  return start >= 0 && end > start ? column.header.slice(start, end).replace(/\s*\n\s*/g, ' ') : `${first} o ${last}`;
}

export const headerYear = defineRule({
  id: 'header-year',
  severity: 'warning',
  messages: ['header-year.change', 'header-year.previous', 'header-year.year'],
  description: "Header years that disagree with the table's columns (`2020 o 2022` over a 2020/2021 comparison).",
  check(ctx) {
    const out: Finding[] = [];
    eachTable(ctx, (table, sheet) => {
      const year = tableYear(table);
      if (year === undefined) return;
      const report = (column: TableColumn, expected: number | string, actual: number | string, messageId: string): void => {
        out.push(
          finding({
            rule: 'header-year',
            severity: 'warning',
            table,
            sheet: sheet.name,
            row: column.headerRow,
            col: column.col,
            expected,
            actual,
            messageId,
            params: {
              header: column.header.replace(/\s*\n\s*/g, ' '),
              expected: String(expected),
              actual: String(actual),
              year: String(year),
            },
          }),
        );
      };
      const single = (column: TableColumn | undefined, wanted: number, messageId: string): void => {
        if (column === undefined || column.years.length === 0) return;
        const wrong = column.years.find((y) => y !== wanted);
        if (wrong !== undefined) report(column, wanted, wrong, messageId);
      };
      const { previous, actual, budget, variance, change } = table.columns;
      single(previous, year - 1, 'header-year.previous');
      single(actual, year, 'header-year.year');
      single(budget, year, 'header-year.year');
      single(variance, year, 'header-year.year');
      for (const e of table.extraColumns) {
        // Last year's Intäkter, Kostnader and Netto may stand beside this year's.
        const lastYears = (e.kind === 'income' || e.kind === 'cost' || e.kind === 'net') && e.years.every((y) => y === year - 1);
        if (e.kind !== 'other' && !lastYears) single(e, year, 'header-year.year');
      }
      if (change !== undefined && change.years.length === 2) {
        const [from, to] = change.years as [number, number];
        const base = previous?.years[0] ?? year - 1;
        if (from !== base || to !== year) {
          const written = yearSpan(change);
          const expected = written.replace(String(from), String(base)).replace(new RegExp(`${to}$`), String(year));
          report(change, expected, written, 'header-year.change');
        }
      } else if (change !== undefined && change.years.length === 1) {
        const y = change.years[0] as number;
        if (y !== year && y !== year - 1) report(change, year, y, 'header-year.year');
      }
    });
    return out;
  },
});
