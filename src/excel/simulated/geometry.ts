/**
 * Where cells and charts are in points, in the test host: what
 * `Range.left/top/width/height` (ExcelApi 1.10: "the distance in points, for
 * 100% zoom, from the left edge of the worksheet to the left edge of the
 * range", https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-left-member)
 * and `Chart.left/top/width/height` (ExcelApi 1.1, in points from the
 * worksheet's origin, https://learn.microsoft.com/javascript/api/excel/excel.chart#excel-excel-chart-left-member)
 * answer. Microsoft does not document the default sizes; the host gives
 * every column 48 points (a hidden one 0) and every row 15, and a chart set
 * with `setPosition` covers its cells exactly. The add-in only compares a
 * range's points with a chart's, both from the same Excel, so any sizes work.
 */
import type { Rect } from '../address';
import type { HostSheet } from './state';

const COLUMN_POINTS = 48;
const ROW_POINTS = 15;

export interface PointBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

function columnWidth(sheet: HostSheet, col: number): number {
  return sheet.hiddenColumns.has(col) ? 0 : COLUMN_POINTS;
}

/** The box a block of cells covers on its sheet. */
export function boxOf(sheet: HostSheet, rect: Rect): PointBox {
  let left = 0;
  for (let c = 0; c < rect.left; c++) left += columnWidth(sheet, c);
  let width = 0;
  for (let c = rect.left; c <= rect.right; c++) width += columnWidth(sheet, c);
  return { left, top: rect.top * ROW_POINTS, width, height: (rect.bottom - rect.top + 1) * ROW_POINTS };
}
