/**
 * "Infoga diagram": a native Excel chart of a table's variances, over the
 * figures `planVarianceChart` planned (beside the table on its own sheet, or
 * on a new sheet). Office.js:
 * - `Worksheet.charts.add(type, sourceData, seriesBy)` (ExcelApi 1.1,
 *   https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1));
 * - chart type `Waterfall` where ExcelApi 1.9 is supported (the 1.9
 *   requirement set added the waterfall, box and whisker, funnel … chart
 *   types, https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-9-requirement-set),
 *   else `BarClustered`;
 * - `Chart.title.text`, `Chart.setPosition(startCell, endCell)` (the chart
 *   covers the cells from the start cell to the end cell),
 *   `Chart.legend.visible` (ExcelApi 1.1); the value axis' title
 *   (`ChartAxis.title.text`, ExcelApi 1.1) on a bar chart only, since a
 *   waterfall's axes are not documented as settable;
 * - `Chart.name` (ExcelApi 1.1, settable,
 *   https://learn.microsoft.com/javascript/api/excel/excel.chart#excel-excel-chart-name-member):
 *   the add-in names each chart it adds (`Avvikelsekollen <id>`) and finds it
 *   again by that name for Ångra: `ChartCollection.load('items/name')`, then
 *   `ChartCollection.getItem(name).delete()` (ExcelApi 1.1; "If there are
 *   multiple charts with the same name, the first one will be returned",
 *   https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-getitem-member(1)).
 *   The name is known before the write, so the change log can hold it ahead
 *   of the write; `Chart.id` (ExcelApi 1.7) would be known only after it.
 * The figures are written in one batch (`applyEdits`, inside Excel's merged
 * undo group where ExcelApi 1.20 allows) and the chart is added in a batch of
 * its own right after: Microsoft's list of APIs that cannot be part of an
 * undo group (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities)
 * names some chart members and is not a list of those that can, so the chart
 * stays outside the group and works either way. The add-in's Ångra removes
 * both: the cells from the change log, the chart by its name (`removeCharts`).
 */
import type { ChartPlan } from '../engine';
import type { XlContext, XlHost, XlLoadable, XlRange, XlWorksheet } from './xl';

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
  name: string;
  /** Where it is, in points from the worksheet's origin. */
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly title: XlChartTitle;
  readonly axes: XlChartAxes;
  readonly legend: XlChartLegend;
  setPosition(startCell: string, endCell?: string): void;
  delete(): void;
}

export interface XlChartCollection extends XlLoadable {
  readonly items: XlChart[];
  add(type: string, sourceData: XlRange, seriesBy?: string): XlChart;
  getItem(name: string): XlChart;
}

export interface XlChartsWorksheet extends XlWorksheet {
  readonly charts: XlChartCollection;
}

/** `Range.left`, `top`, `width`, `height`: points at 100% zoom (ExcelApi 1.10). */
export interface XlRangeBox extends XlLoadable {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Compile-time proof that Office.js's worksheet has the chart members used here. */
export const excelWorksheetFitsCharts: (sheet: Excel.Worksheet) => XlChartsWorksheet = (sheet) => sheet;
/** Compile-time proof that Office.js's range has the members of `XlRangeBox`. */
export const excelRangeFitsBox: (range: Excel.Range) => XlRangeBox = (range) => range;

/** The prefix of the names of the charts the add-in adds. */
export const CHART_NAME_PREFIX = 'Avvikelsekollen';

export type VarianceChartType = 'Waterfall' | 'BarClustered';

export interface InsertedChart {
  /** The name it was given (`Chart.name`). */
  name: string;
  type: VarianceChartType;
}

/** A chart the add-in added, as the change log keeps it: its sheet and the name it was given. */
export interface ChartRecord {
  sheet: string;
  name: string;
}

/** The chart type this Excel can draw: a waterfall with ExcelApi 1.9, else a clustered bar. */
export function varianceChartType(host: XlHost): VarianceChartType {
  return host.supports('1.9') ? 'Waterfall' : 'BarClustered';
}

/** Queues the planned chart over its figures. */
function queueVarianceChart(context: XlContext, plan: ChartPlan, type: VarianceChartType, name: string): XlChart {
  const ws = context.workbook.worksheets.getItem(plan.sheet) as XlChartsWorksheet;
  const chart = ws.charts.add(type, ws.getRange(type === 'Waterfall' ? plan.source : plan.varianceSource), 'Columns');
  chart.name = name;
  chart.title.text = plan.title;
  chart.legend.visible = false;
  if (type === 'BarClustered') chart.axes.valueAxis.title.text = plan.axisTitle;
  chart.setPosition(plan.from, plan.to);
  return chart;
}

/** Adds the planned chart over its figures in a batch of its own (the figures must be written already). */
export async function addVarianceChart(host: XlHost, plan: ChartPlan, name = CHART_NAME_PREFIX): Promise<InsertedChart> {
  const type = varianceChartType(host);
  return host.run(async (context) => {
    queueVarianceChart(context, plan, type, name);
    await context.sync();
    return { name, type };
  });
}

/** Why a chart planned beside its table goes on a new sheet after all: the sheet is protected, or a chart is in the way. */
export type BesideTableObstacle = 'protected' | 'chart';

function overlaps(a: { left: number; top: number; width: number; height: number }, b: { left: number; top: number; width: number; height: number }): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/**
 * What Excel shows and the grid does not, in one sync: whether the table's
 * sheet is protected (`WorksheetProtection.protected`, ExcelApi 1.2), and
 * whether a chart already on it covers the planned figures and chart. With
 * ExcelApi 1.10 the planned cells' box in points (`Range.left/top/width/height`,
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-left-member)
 * is compared with each chart's (`Chart.left/top/width/height`, ExcelApi 1.1,
 * https://learn.microsoft.com/javascript/api/excel/excel.chart#excel-excel-chart-left-member);
 * without it a chart's cells cannot be known, so any chart the add-in did not
 * add counts as in the way (the add-in's own are kept apart by the plan).
 */
export async function obstacleBesideTable(host: XlHost, plan: ChartPlan): Promise<BesideTableObstacle | undefined> {
  const points = host.supports('1.10');
  return host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(plan.sheet) as XlChartsWorksheet;
    ws.protection.load('protected');
    const charts = ws.charts.load(points ? 'items/name,items/left,items/top,items/width,items/height' : 'items/name') as XlChartCollection;
    const area = points ? (ws.getRange(`${plan.source.split(':')[0] ?? plan.from}:${plan.to}`).load('left,top,width,height') as unknown as XlRangeBox) : undefined;
    await context.sync();
    if (ws.protection.protected) return 'protected';
    const inTheWay = charts.items.some((c) => (area === undefined ? !c.name.startsWith(CHART_NAME_PREFIX) : overlaps(c, area)));
    return inTheWay ? 'chart' : undefined;
  });
}

/**
 * Deletes those of the charts that are still there (one batch, 3 syncs: their
 * sheets, the sheets' charts' names, the deletions); a chart whose sheet or
 * name is gone is left alone. Returns how many it deleted.
 */
export async function removeCharts(host: XlHost, records: readonly ChartRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  return host.run(async (context) => {
    const names = [...new Set(records.map((r) => r.sheet))];
    const sheets = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n).load('name') as XlChartsWorksheet);
    await context.sync();
    const charts = new Map<string, XlChartCollection>();
    names.forEach((n, i) => {
      const ws = sheets[i] as XlChartsWorksheet;
      if (!ws.isNullObject) charts.set(n, ws.charts.load('items/name') as XlChartCollection);
    });
    if (charts.size === 0) return 0;
    await context.sync();
    const present = records.filter((r) => charts.get(r.sheet)?.items.some((c) => c.name === r.name) === true);
    for (const r of present) (charts.get(r.sheet) as XlChartCollection).getItem(r.name).delete();
    if (present.length > 0) await context.sync();
    return present.length;
  });
}
