/**
 * Rule `narrative-mismatch`: a comment that no longer says what the table
 * says. For every sheet with a header row holding `Kod` and `Kommentar`
 * columns, the amount each comment states for its unit's variance (see
 * `statedVariance`) is compared with the variance of the row with that code
 * in the workbook's RN tables, rounded as the text is. A row without a code
 * whose Enhet names a table's unit (`Kommunstyrelseförvaltning, totalt`) is
 * compared with that table's total. A different amount, or a direction that
 * contradicts the sign, is a warning at the comment's cell.
 */
import { findCommentsLayout } from '../commentary/layout';
import { rowFigures, tableUnit, totalFigures, type Figure } from '../commentary/figures';
import { compareStated, statedVariance } from '../commentary/narrative';
import { splitLabel } from '../detect';
import { cellAt, type SheetGrid } from '../grid';
import type { Finding } from '../finding';
import { defineRule, finding, type RuleContext } from '../rule';
import type { VarianceTable } from '../table';

interface Target {
  table: VarianceTable;
  variance: Figure;
}

function norm(s: string): string {
  return s.toLocaleLowerCase('sv-SE').replace(/\s+/g, ' ').trim();
}

function text(sheet: SheetGrid, row: number, col: number | undefined): string {
  if (col === undefined) return '';
  const v = cellAt(sheet, row, col).value;
  return typeof v === 'string' ? v.trim() : v === null ? '' : String(v);
}

function targets(ctx: RuleContext): { byCode: Map<string, Target>; byUnit: Map<string, Target> } {
  const byCode = new Map<string, Target>();
  const byUnit = new Map<string, Target>();
  // RN tables first, so a unit with both kinds is compared with its RN total.
  const ordered = [...ctx.tables.filter((t) => t.kind === 'rn'), ...ctx.tables.filter((t) => t.kind !== 'rn')];
  for (const table of ordered) {
    const sheet = ctx.sheet(table.sheet);
    if (sheet === undefined) continue;
    if (table.kind === 'rn') {
      for (const row of table.rows) {
        if (row.code === '' || byCode.has(row.code.toUpperCase())) continue;
        const variance = rowFigures(sheet, table, row.row).variance;
        if (variance !== undefined) byCode.set(row.code.toUpperCase(), { table, variance });
      }
    }
    const unit = norm(tableUnit(table));
    if (!byUnit.has(unit)) {
      const variance = totalFigures(sheet, table).variance;
      if (variance !== undefined) byUnit.set(unit, { table, variance });
    }
  }
  return { byCode, byUnit };
}

function codeOf(kod: string): string {
  const t = kod.trim();
  if (t === '') return '';
  const split = splitLabel(t);
  return (split.code === '' ? t : split.code).toUpperCase();
}

export const narrativeMismatch = defineRule({
  id: 'narrative-mismatch',
  severity: 'warning',
  messages: ['narrative-mismatch', 'narrative-mismatch.amount', 'narrative-mismatch.direction'],
  description: 'Commentary whose amount or direction no longer matches the table.',
  check(ctx: RuleContext): Finding[] {
    const out: Finding[] = [];
    let lookup: ReturnType<typeof targets> | undefined;
    for (const sheet of ctx.workbook.sheets) {
      if (ctx.options.sheets.length > 0 && !ctx.options.sheets.includes(sheet.name)) continue;
      const layout = findCommentsLayout(sheet);
      if (layout === undefined) continue;
      lookup ??= targets(ctx);
      const kodCol = layout.columns.kod as number;
      const commentCol = layout.columns.kommentar as number;
      for (let r = layout.headerRow + 1; r < sheet.cells.length; r++) {
        const comment = cellAt(sheet, r, commentCol).value;
        if (typeof comment !== 'string' || comment.trim() === '') continue;
        const code = codeOf(text(sheet, r, kodCol));
        let target: Target | undefined;
        if (code !== '') {
          target = lookup.byCode.get(code);
        } else {
          const unit = text(sheet, r, layout.columns.enhet).replace(/,\s*(totalt|total)\s*$/i, '');
          if (unit !== '') target = lookup.byUnit.get(norm(unit));
        }
        if (target === undefined) continue;
        const stated = statedVariance(comment);
        if (stated === undefined) continue;
        const verdict = compareStated(stated, target.variance.tkr, target.variance.halfUnit);
        if (verdict.kind === 'ok') continue;
        const source = target.variance.cells.length === 1 ? `${target.variance.cells[0]?.sheet}!${target.variance.cells[0]?.cell}` : target.table.id;
        out.push(
          finding({
            rule: 'narrative-mismatch',
            severity: 'warning',
            table: null,
            sheet: sheet.name,
            row: r,
            col: commentCol,
            expected: verdict.expected,
            actual: verdict.actual,
            messageId: `narrative-mismatch.${verdict.kind}`,
            params: {
              kod: code === '' ? text(sheet, r, layout.columns.enhet) : code,
              angivet: stated.text,
              angiven_riktning: stated.wordText ?? stated.text,
              förväntat: verdict.expected,
              enhet_belopp: stated.unit,
              tkr: target.variance.tkr,
              tabell: source,
            },
          }),
        );
      }
    }
    return out;
  },
});
