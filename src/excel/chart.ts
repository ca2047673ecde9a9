/**
 * "Infoga diagram": a native Excel chart of a table's variances, on a sheet
 * of its own next to its figures (`planChartSheet`). Office.js:
 * - `Worksheet.charts.add(type, sourceData, seriesBy)` (ExcelApi 1.1,
 *   https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1));
 * - chart type `Waterfall` where ExcelApi 1.9 is supported (the 1.9
 *   requirement set added the waterfall, box and whisker, funnel … chart
 *   types, https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-9-requirement-set),
 *   else `BarClustered`;
 * - `Chart.title.text`, `Chart.setPosition(startCell, endCell)`,
 *   `Chart.legend.visible` (ExcelApi 1.1); the value axis' title
 *   (`ChartAxis.title.text`, ExcelApi 1.1) on a bar chart only, since a
 *   waterfall's axes are not documented as settable;
 * - `Chart.id` (ExcelApi 1.7) read back.
 * One batch, one sync.
 */
import type { ChartPlan } from '../engine';
import type { XlHost, XlLoadable, XlRange, XlWorksheet } from './xl';

export interface XlChartTitle {
  text: string;
}

export interface XlChartAxisTitle {
  text: string;
}

export interface XlChartAxis {
  readonly title: XlChartAxisTitle;
}

export interface XlChartAxes {
  readonly valueAxis: XlChartAxis;
}

export interface XlChartLegend {
  visible: boolean;
}

/** ExcelApi 1.1 (id: 1.7). */
export interface XlChart extends XlLoadable {
  readonly id: string;
  readonly chartType: string;
  readonly title: XlChartTitle;
  readonly axes: XlChartAxes;
  readonly legend: XlChartLegend;
  setPosition(startCell: string, endCell?: string): void;
  delete(): void;
}

export interface XlChartCollection extends XlLoadable {
  readonly items: XlChart[];
  add(type: string, sourceData: XlRange, seriesBy?: string): XlChart;
}

export interface XlChartsWorksheet extends XlWorksheet {
  readonly charts: XlChartCollection;
}

/** Compile-time proof that Office.js's worksheet has the chart members used here. */
export const excelWorksheetFitsCharts: (sheet: Excel.Worksheet) => XlChartsWorksheet = (sheet) => sheet;

export interface InsertedChart {
  id: string;
  type: 'Waterfall' | 'BarClustered';
}

/** Adds the planned chart over its figures (the sheet and cells must be written already). */
export async function addVarianceChart(host: XlHost, plan: ChartPlan): Promise<InsertedChart> {
  const type = host.supports('1.9') ? 'Waterfall' : 'BarClustered';
  return host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(plan.sheet) as XlChartsWorksheet;
    const chart = ws.charts.add(type, ws.getRange(type === 'Waterfall' ? plan.source : plan.varianceSource), 'Columns');
    chart.title.text = plan.title;
    chart.legend.visible = false;
    if (type === 'BarClustered') chart.axes.valueAxis.title.text = plan.axisTitle;
    chart.setPosition(plan.from, plan.to);
    chart.load('id');
    await context.sync();
    return { id: chart.id, type };
  });
}
