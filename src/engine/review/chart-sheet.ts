/**
 * "Infoga diagram" planned as data: the chart's figures in the table's unit
 * (Budget first, then each row's step from budget to actual, so a waterfall
 * climbs from Budget to Utfall), the range the chart reads, where the chart
 * goes, its title and axis label.
 *
 * The chart goes beside the table on the table's own sheet when there is room
 * (`findRoomBesideTable`): its figures are written in empty cells right of the
 * table, in plain view, and the chart is placed right of them. The figures
 * stay on the table's sheet rather than on a hidden helper sheet because
 * then Ångra only has to empty the cells it wrote and delete the chart: no
 * hidden sheet is left behind when the user deletes the chart, and the chart
 * moves with its sheet when the sheet is copied to another workbook. Without
 * room, the chart and its figures go on a new sheet (`Diagram <sheet>`),
 * which Ångra deletes, chart and all. A plan beside the table carries that
 * alternative (`onNewSheet`) for what only Excel shows: a protected sheet, a
 * chart already over the cells. Either way the adapter writes all the figures
 * in one batch and adds the chart right after (`src/excel/chart.ts`).
 */
import type { CellEdit } from '../finding';
import { cellAddress, cellAt, type CellValue, type WorkbookGrid } from '../grid';
import { translate, type Language } from '../i18n';
import type { VarianceTable } from '../table';
import { findRoomBesideTable } from './chart-placement';

/** Where a chart goes: beside its table on the table's sheet, or on a new sheet of its own. */
export type ChartPlacement = 'beside-table' | 'new-sheet';

export interface ChartPlan {
  placement: ChartPlacement;
  /** The sheet of the chart and its figures: the table's own, or the new one (`Diagram Kommunledning`, unique in the workbook, at most 31 characters). */
  sheet: string;
  /** The figures, each written in an empty cell. */
  edits: CellEdit[];
  /** The waterfall's source: categories and values with their header row, Budget first (`A1:B17`, beside a table `H3:I19`). */
  source: string;
  /** A bar chart's source: the rows' steps only (`A3:B17`). */
  varianceSource: string;
  /** Where the chart goes: its top-left and bottom-right cells (`D2`, `L24`). */
  from: string;
  to: string;
  title: string;
  /** The value axis' label: the table's unit (`tkr`). */
  axisTitle: string;
  /** How many categories (Budget and the rows). */
  points: number;
  /**
   * Beside a table: the same chart on a new sheet, for when Excel shows what
   * the grid cannot (the sheet is protected, a chart already covers the cells).
   */
  onNewSheet?: ChartPlan;
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

/**
 * Each row's step from budget to actual in the table's own signs (Utfall −
 * Budget): the Avv column where it has a figure (turned round when costs are
 * positive, where Avv = Budget − Utfall), else Utfall − Budget.
 */
function stepsToActual(table: VarianceTable, workbook: WorkbookGrid): { label: string; value: number }[] {
  const rows: { label: string; value: number }[] = [];
  for (const r of table.rows) {
    const variance = numberAt(workbook, table.sheet, r.row, table.columns.variance?.col);
    let step: number;
    if (variance !== undefined) step = table.convention === 'costs-positive' ? -variance : variance;
    else {
      const actual = numberAt(workbook, table.sheet, r.row, table.columns.actual?.col);
      const budget = numberAt(workbook, table.sheet, r.row, table.columns.budget?.col);
      if (actual === undefined || budget === undefined) continue;
      step = actual - budget;
    }
    rows.push({ label: `${r.code} ${r.name}`.trim(), value: step });
  }
  return rows;
}

export interface ChartPlanOptions {
  /** False: straight to a new sheet (the table's sheet is protected, say). Default true: beside the table when there is room. */
  besideTable?: boolean;
}

/**
 * The chart of one table: beside the table when there is room, else on a new
 * sheet; undefined when the table has no budget or no figures to draw.
 * `tables` are the workbook's detected tables: the room beside each keeps
 * free for its own chart.
 */
export function planVarianceChart(table: VarianceTable, workbook: WorkbookGrid, lang: Language, tables: readonly VarianceTable[] = [], options: ChartPlanOptions = {}): ChartPlan | undefined {
  const budgetCol = table.columns.budget?.col;
  const rows = stepsToActual(table, workbook);
  if (rows.length === 0 || budgetCol === undefined) return undefined;
  const budgetTotal =
    (table.total === null ? undefined : numberAt(workbook, table.sheet, table.total.row, budgetCol)) ??
    table.rows.reduce((sum, r) => sum + (numberAt(workbook, table.sheet, r.row, budgetCol) ?? 0), 0);
  const unit = table.unit;
  const figures: CellValue[][] = [
    [translate('review.chart.data.item', lang), translate('review.chart.data.value', lang, { unit })],
    [translate('review.chart.data.budget', lang), budgetTotal],
    ...rows.map((r) => [r.label, r.value]),
  ];
  const tableSheet = workbook.sheets.find((s) => s.name === table.sheet);
  const room = tableSheet === undefined || options.besideTable === false ? undefined : findRoomBesideTable(tableSheet, table, figures.length, tables);
  const placement: ChartPlacement = room === undefined ? 'new-sheet' : 'beside-table';
  const sheet = room === undefined ? freeSheetName(workbook, `Diagram ${table.sheet}`) : table.sheet;
  const top = room?.figures.top ?? 0;
  const left = room?.figures.left ?? 0;
  const edits: CellEdit[] = [];
  figures.forEach((values, i) =>
    values.forEach((value, j) => {
      const row = top + i;
      const col = left + j;
      edits.push({ sheet, cell: cellAddress(row, col), row, col, before: { value: null }, after: { value }, reason: 'variance-mismatch' });
    }),
  );
  const bottom = top + figures.length - 1;
  const name = table.level ?? translate('review.chart.kontogrupp', lang);
  const onNewSheet = room === undefined ? undefined : planVarianceChart(table, workbook, lang, tables, { besideTable: false });
  return {
    ...(onNewSheet === undefined ? {} : { onNewSheet }),
    placement,
    sheet,
    edits,
    source: `${cellAddress(top, left)}:${cellAddress(bottom, left + 1)}`,
    varianceSource: `${cellAddress(top + 2, left)}:${cellAddress(bottom, left + 1)}`,
    from: room === undefined ? 'D2' : cellAddress(room.chart.top, room.chart.left),
    to: room === undefined ? `L${Math.max(20, figures.length + 4)}` : cellAddress(room.chart.bottom, room.chart.right),
    title: translate('review.chart.data.title', lang, { sheet: table.sheet, table: name, unit }),
    axisTitle: unit,
    points: figures.length - 1,
  };
}
