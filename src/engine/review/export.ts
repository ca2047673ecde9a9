/**
 * The review as rows: the sheet **Granskning** ("Exportera granskning": one
 * row per finding with where it is, what is wrong, the figures, its status
 * and the reason of an approval) and the records of `check --csv` (the JSON's
 * columns with the file first and the status last).
 */
import type { CheckResult } from '../check';
import type { CellContent, CellEdit } from '../finding';
import { cellAddress, cellAt, type CellValue, type WorkbookGrid } from '../grid';
import { translate, type Language } from '../i18n';
import type { VarianceTable } from '../table';
import type { Review, ReviewedFinding } from './approvals';

/** The sheet the review is exported to. */
export const REVIEW_SHEET = 'Granskning';

/** The export's columns, in order; their headers are `review.export.<column>` in the language packs. */
export const EXPORT_COLUMNS = ['sheet', 'cell', 'unit', 'rule', 'severity', 'message', 'expected', 'actual', 'status', 'reason'] as const;

/** The unit or account group a finding's row is (`KAI Kommunikation`), `Summa` for the total row, else empty. */
export function unitOf(rf: ReviewedFinding, table: VarianceTable | undefined, lang: Language): string {
  if (table === undefined) return '';
  const f = rf.finding;
  if (table.total !== null && table.total.row === f.row) return translate('review.row.total', lang);
  const row = table.rows.find((r) => r.row === f.row);
  return row === undefined ? '' : `${row.code} ${row.name}`.trim();
}

/** One finding as the export's cells, in `EXPORT_COLUMNS` order. */
export function exportRow(rf: ReviewedFinding, table: VarianceTable | undefined, lang: Language): CellValue[] {
  const f = rf.finding;
  return [
    f.sheet,
    f.cell,
    unitOf(rf, table, lang),
    translate(`rule.${f.rule}.name`, lang),
    translate(`severity.${f.severity}`, lang),
    translate(f.messageId, lang, f.params),
    f.expected,
    f.actual,
    translate(`review.status.${rf.status}`, lang),
    rf.approval?.reason ?? '',
  ];
}

function contentAt(workbook: WorkbookGrid, sheet: string, row: number, col: number): CellContent {
  const s = workbook.sheets.find((x) => x.name === sheet);
  if (s === undefined) return { value: null };
  const cell = cellAt(s, row, col);
  const c: CellContent = { value: cell.value };
  if (cell.formula !== undefined) c.formula = cell.formula;
  return c;
}

function sameContent(a: CellContent, b: CellContent): boolean {
  if (a.formula !== undefined || b.formula !== undefined) return a.formula === b.formula;
  const blank = (v: CellValue): boolean => v === null || v === '';
  return blank(a.value) ? blank(b.value) : a.value === b.value;
}

/**
 * The cell edits that write the sheet Granskning: a header row and one row per
 * finding of the review (open and approved), replacing what an earlier export
 * wrote there (cells left over from a longer earlier export are emptied).
 */
export function planReviewExport(review: Review, result: Pick<CheckResult, 'tables'>, workbook: WorkbookGrid, lang: Language): CellEdit[] {
  const tables = new Map(result.tables.map((t) => [t.id, t] as const));
  const grid: CellValue[][] = [EXPORT_COLUMNS.map((c) => translate(`review.export.${c}`, lang))];
  for (const rf of review.findings) grid.push(exportRow(rf, rf.finding.tableId === null ? undefined : tables.get(rf.finding.tableId), lang));
  const edits: CellEdit[] = [];
  const written = new Set<string>();
  grid.forEach((values, row) =>
    values.forEach((value, col) => {
      written.add(`${row}:${col}`);
      const before = contentAt(workbook, REVIEW_SHEET, row, col);
      const after: CellContent = { value: value === '' ? null : value };
      if (sameContent(before, after)) return;
      edits.push({ sheet: REVIEW_SHEET, cell: cellAddress(row, col), row, col, before, after, reason: review.findings[row - 1]?.finding.rule ?? 'error-value' });
    }),
  );
  const existing = workbook.sheets.find((s) => s.name === REVIEW_SHEET);
  existing?.cells.forEach((cells, row) =>
    cells?.forEach((cell, col) => {
      if (cell === undefined || written.has(`${row}:${col}`)) return;
      const before = contentAt(workbook, REVIEW_SHEET, row, col);
      if (sameContent(before, { value: null })) return;
      edits.push({ sheet: REVIEW_SHEET, cell: cellAddress(row, col), row, col, before, after: { value: null }, reason: 'error-value' });
    }),
  );
  return edits;
}

/** The columns of `check --csv`: the file, the JSON finding's keys, the status and the reason of an approval. */
export const CSV_COLUMNS = ['file', 'rule', 'severity', 'sheet', 'cell', 'message', 'expected', 'actual', 'status', 'reason'] as const;

/** A figure as Excel in the language reads it from a CSV file: no thousands separator, the language's decimal mark, an ASCII minus. */
export function csvFigure(v: number | string | null, lang: Language): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  const s = String(Number(v.toPrecision(15)));
  return lang === 'sv' ? s.replace('.', ',') : s;
}

/** One finding as a `check --csv` record, in `CSV_COLUMNS` order. */
export function csvRecord(file: string, rf: ReviewedFinding, lang: Language): string[] {
  const f = rf.finding;
  return [file, f.rule, f.severity, f.sheet, f.cell, translate(f.messageId, lang, f.params), csvFigure(f.expected, lang), csvFigure(f.actual, lang), rf.status, rf.approval?.reason ?? ''];
}
