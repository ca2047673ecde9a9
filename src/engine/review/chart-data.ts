/**
 * The figures of a table's variance chart: each unit's or account group's
 * variance in mnkr (the Avv column, else Utfall − Budget by the table's sign
 * convention), ranked by size, with whether it is favourable (a positive
 * variance is favourable in both conventions).
 */
import { cellAddress, cellAt, type WorkbookGrid } from '../grid';
import { tkrFactor, type VarianceTable } from '../table';

export interface VarianceBar {
  /** `KAI Kommunikation`. */
  label: string;
  /** 0-based sheet row and the cell to go to (the variance cell, else the label). */
  row: number;
  cell: string;
  /** The variance in mnkr (unrounded). */
  mnkr: number;
  favourable: boolean;
}

export interface VarianceChartData {
  tableId: string;
  sheet: string;
  bars: VarianceBar[];
}

function amount(workbook: WorkbookGrid, sheet: string, row: number, col: number | undefined): number | undefined {
  if (col === undefined) return undefined;
  const s = workbook.sheets.find((x) => x.name === sheet);
  if (s === undefined) return undefined;
  const v = cellAt(s, row, col).value;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The chart's bars for one table, largest variance (either sign) first; rows without figures are left out. */
export function varianceChartData(table: VarianceTable, workbook: WorkbookGrid): VarianceChartData {
  const toMnkr = tkrFactor(table.unit) / 1000;
  const bars: VarianceBar[] = [];
  for (const r of table.rows) {
    let v = amount(workbook, table.sheet, r.row, table.columns.variance?.col);
    if (v === undefined) {
      const actual = amount(workbook, table.sheet, r.row, table.columns.actual?.col);
      const budget = amount(workbook, table.sheet, r.row, table.columns.budget?.col);
      if (actual === undefined || budget === undefined) continue;
      v = table.convention === 'costs-positive' ? budget - actual : actual - budget;
    }
    const col = table.columns.variance?.col ?? table.labelCol;
    bars.push({ label: `${r.code} ${r.name}`.trim(), row: r.row, cell: cellAddress(r.row, col), mnkr: v * toMnkr, favourable: v >= 0 });
  }
  bars.sort((a, b) => Math.abs(b.mnkr) - Math.abs(a.mnkr) || a.row - b.row);
  return { tableId: table.id, sheet: table.sheet, bars };
}
