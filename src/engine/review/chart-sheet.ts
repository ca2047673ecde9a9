/**
 * "Infoga diagram" planned as data: a new sheet per table holding the chart's
 * figures in the table's unit (Budget first, then each row's variance, so a
 * waterfall climbs from Budget to Utfall), the range the chart reads, its
 * title and axis label. The adapter writes the cells (one undoable step that
 * adds the sheet; Ångra deletes it, chart and all) and adds the chart beside
 * the figures.
 */
import type { CellEdit } from '../finding';
import { cellAddress, cellAt, type CellValue, type WorkbookGrid } from '../grid';
import { translate, type Language } from '../i18n';
import type { VarianceTable } from '../table';

export interface ChartPlan {
  /** The new sheet (`Diagram Kommunledning`, unique in the workbook, at most 31 characters). */
  sheet: string;
  edits: CellEdit[];
  /** The waterfall's source: categories and values with their header row, Budget first (`A1:B17`). */
  source: string;
  /** A bar chart's source: the rows' variances only (`A3:B17`). */
  varianceSource: string;
  /** Where the chart goes: its top-left and bottom-right cells (`D2`, `L24`). */
  from: string;
  to: string;
  title: string;
  /** The value axis' label: the table's unit (`tkr`). */
  axisTitle: string;
  /** How many categories (Budget and the rows). */
  points: number;
}

const MAX_SHEET_NAME = 31;

function numberAt(workbook: WorkbookGrid, sheet: string, row: number, col: number | undefined): number | undefined {
  if (col === undefined) return undefined;
  const s = workbook.sheets.find((x) => x.name === sheet);
  const v = s === undefined ? null : cellAt(s, row, col).value;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** A sheet name not yet in the workbook: `Diagram Kommunledning`, `Diagram Kommunledning (2)` … */
function freeSheetName(workbook: WorkbookGrid, base: string): string {
  const taken = new Set(workbook.sheets.map((s) => s.name.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name =
      base
        .replace(/[\\/?*[\]:]/g, ' ')
        .slice(0, MAX_SHEET_NAME - suffix.length)
        .trimEnd() + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** The chart sheet for one table, or undefined when the table has no budget or variances to draw. */
export function planChartSheet(table: VarianceTable, workbook: WorkbookGrid, lang: Language): ChartPlan | undefined {
  const budgetCol = table.columns.budget?.col;
  const rows: { label: string; value: number }[] = [];
  for (const r of table.rows) {
    let v = numberAt(workbook, table.sheet, r.row, table.columns.variance?.col);
    if (v === undefined) {
      const actual = numberAt(workbook, table.sheet, r.row, table.columns.actual?.col);
      const budget = numberAt(workbook, table.sheet, r.row, budgetCol);
      if (actual === undefined || budget === undefined) continue;
      v = table.convention === 'costs-positive' ? budget - actual : actual - budget;
    }
    rows.push({ label: `${r.code} ${r.name}`.trim(), value: v });
  }
  const budgetTotal =
    (table.total === null ? undefined : numberAt(workbook, table.sheet, table.total.row, budgetCol)) ??
    table.rows.reduce((sum, r) => sum + (numberAt(workbook, table.sheet, r.row, budgetCol) ?? 0), 0);
  if (rows.length === 0 || budgetCol === undefined) return undefined;
  const sheet = freeSheetName(workbook, `Diagram ${table.sheet}`);
  const unit = table.unit;
  const grid: CellValue[][] = [
    [translate('review.chart.data.item', lang), translate('review.chart.data.value', lang, { unit })],
    [translate('review.chart.data.budget', lang), budgetTotal],
    ...rows.map((r) => [r.label, r.value]),
  ];
  const edits: CellEdit[] = [];
  grid.forEach((values, row) =>
    values.forEach((value, col) => {
      edits.push({ sheet, cell: cellAddress(row, col), row, col, before: { value: null }, after: { value }, reason: 'variance-mismatch' });
    }),
  );
  const name = table.level ?? translate('review.chart.kontogrupp', lang);
  return {
    sheet,
    edits,
    source: `A1:B${grid.length}`,
    varianceSource: `A3:B${grid.length}`,
    from: 'D2',
    to: `L${Math.max(20, grid.length + 4)}`,
    title: translate('review.chart.data.title', lang, { sheet: table.sheet, table: name, unit }),
    axisTitle: unit,
    points: grid.length - 1,
  };
}
