/**
 * Charts in the test host (`Worksheet.charts`), as much as "Infoga diagram"
 * uses, as Microsoft documents them
 * (https://learn.microsoft.com/javascript/api/excel/excel.chartcollection,
 * https://learn.microsoft.com/javascript/api/excel/excel.chart):
 * - `charts.add(type, sourceData, seriesBy)` (ExcelApi 1.1) adds a chart over
 *   a range of the same workbook; the types added in ExcelApi 1.9 (Waterfall,
 *   Boxwhisker, Funnel, Pareto, Sunburst, Treemap, RegionMap, Histogram) need
 *   ExcelApi 1.9 (the reference marks them `[Api set: ExcelApi 1.9]`; what an
 *   older client does with them is not documented, so the host refuses them
 *   with InvalidArgument and the adapter asks `supports('1.9')` first);
 * - `chart.title.text`, `chart.legend.visible`, `chart.axes.valueAxis.title.text`,
 *   `chart.name` (set and read, ExcelApi 1.1), `left`, `top`, `width`,
 *   `height` (read, in points: see `geometry.ts`),
 *   `chart.setPosition(startCell, endCell)`, `chart.delete()`; loads of
 *   `id` (ExcelApi 1.7), `chartType`, and `charts.items`;
 * - `charts.getItem(name)` (ExcelApi 1.1): "If there are multiple charts with
 *   the same name, the first one will be returned"; none: ItemNotFound
 *   (https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-getitem-member(1)).
 * A chart lives on its sheet: deleting the sheet deletes it. Writing needs a
 * writable sheet (AccessDenied).
 * Not modelled: series, data labels, formats, events, images.
 */
import { parseRect, rectAddress, type Rect } from '../address';
import { boxOf } from './geometry';
import type { XlChart, XlChartAxes, XlChartCollection, XlChartLegend, XlChartTitle } from '../chart';
import type { XlRange } from '../xl';
import { extensions, HostError, ProxyBase, requireVersion, type RangeProxy, type Server, type TestContext } from './proxies';
import type { HostChart, HostSheet } from './state';

const TYPES_1_9 = new Set(['Waterfall', 'Boxwhisker', 'Funnel', 'Pareto', 'Sunburst', 'Treemap', 'RegionMap', 'Histogram']);
const TYPES_1_1 = new Set(['ColumnClustered', 'ColumnStacked', 'BarClustered', 'BarStacked', 'Line', 'LineMarkers', 'Pie', 'Area', 'XYScatter', 'Doughnut']);

interface Bound {
  sheet: HostSheet;
  chart: HostChart;
}

function chartsOf(sheet: HostSheet): HostChart[] {
  sheet.charts ??= [];
  return sheet.charts;
}

/** The chart's title, legend or value-axis title: sets go to the chart. */
class ChartPartProxy extends ProxyBase {
  constructor(
    ctx: TestContext,
    path: string,
    private readonly chart: ChartProxy,
    private readonly part: 'title' | 'legend' | 'axisTitle',
  ) {
    super(ctx, path);
  }
  get text(): string {
    return this.prop('text');
  }
  set text(v: string) {
    this.queueSet('text', v);
  }
  get visible(): boolean {
    return this.prop('visible');
  }
  set visible(v: boolean) {
    this.queueSet('visible', v);
  }
  exists(server: Server): boolean {
    return this.chart.exists(server);
  }
  read(server: Server, prop: string): unknown {
    const { chart } = this.chart.target(server);
    if (this.part === 'legend' && prop === 'visible') return chart.legendVisible;
    if (this.part === 'title' && prop === 'text') return chart.title;
    if (this.part === 'axisTitle' && prop === 'text') return chart.valueAxisTitle;
    throw new HostError('InvalidArgument', `${this.part}.${prop}`);
  }
  override write(server: Server, prop: string, value: unknown): void {
    const { sheet, chart } = this.chart.target(server);
    server.checkWritable(sheet);
    if (this.part === 'legend' && prop === 'visible') chart.legendVisible = value === true;
    else if (this.part === 'title' && prop === 'text') chart.title = String(value);
    else if (this.part === 'axisTitle' && prop === 'text') chart.valueAxisTitle = String(value);
    else super.write(server, prop, value);
  }
}

class ChartProxy extends ProxyBase implements XlChart {
  private bound: Bound | null | undefined;
  readonly title: XlChartTitle;
  readonly legend: XlChartLegend;
  readonly axes: XlChartAxes;
  constructor(
    ctx: TestContext,
    path: string,
    private readonly resolver: (server: Server) => Bound | null,
  ) {
    super(ctx, path);
    this.title = new ChartPartProxy(ctx, `${path}.title`, this, 'title');
    this.legend = new ChartPartProxy(ctx, `${path}.legend`, this, 'legend');
    this.axes = { valueAxis: { title: new ChartPartProxy(ctx, `${path}.axes.valueAxis.title`, this, 'axisTitle') } };
  }
  get id(): string {
    return this.prop('id');
  }
  get chartType(): string {
    return this.prop('chartType');
  }
  get name(): string {
    return this.prop('name');
  }
  get left(): number {
    return this.prop('left');
  }
  get top(): number {
    return this.prop('top');
  }
  get width(): number {
    return this.prop('width');
  }
  get height(): number {
    return this.prop('height');
  }
  set name(v: string) {
    this.queueSet('name', v);
  }
  override write(server: Server, prop: string, value: unknown): void {
    const { sheet, chart } = this.target(server);
    server.checkWritable(sheet);
    if (prop === 'name') chart.name = String(value);
    else super.write(server, prop, value);
  }
  exists(server: Server): boolean {
    if (this.bound === undefined) this.bound = this.resolver(server);
    return this.bound !== null && server.sheets.includes(this.bound.sheet) && chartsOf(this.bound.sheet).includes(this.bound.chart);
  }
  target(server: Server): Bound {
    if (!this.exists(server)) throw new HostError('ItemNotFound', 'The chart does not exist.');
    return this.bound as Bound;
  }
  read(server: Server, prop: string): unknown {
    const { sheet, chart } = this.target(server);
    if (prop === 'id') {
      requireVersion(server, '1.7', 'Chart.id');
      return chart.id;
    }
    if (prop === 'chartType') return chart.type;
    if (prop === 'name') return chart.name;
    if (prop === 'left' || prop === 'top' || prop === 'width' || prop === 'height') return boxOf(sheet, parseRect(chart.position) as Rect)[prop];
    throw new HostError('InvalidArgument', `Chart.${prop}`);
  }
  setPosition(startCell: string, endCell?: string): void {
    this.queueCall('setPosition', startCell, endCell);
  }
  delete(): void {
    this.queueCall('delete');
  }
  override invoke(server: Server, method: string, args: unknown[]): void {
    const { sheet, chart } = this.target(server);
    server.checkWritable(sheet);
    if (method === 'delete') {
      sheet.charts = chartsOf(sheet).filter((c) => c !== chart);
      return;
    }
    if (method !== 'setPosition') return super.invoke(server, method, args);
    const from = parseRect(String(args[0]));
    const to = args[1] === undefined ? from : parseRect(String(args[1]));
    if (from === undefined || to === undefined) throw new HostError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    chart.position = rectAddress({ top: Math.min(from.top, to.top), left: Math.min(from.left, to.left), bottom: Math.max(from.bottom, to.bottom), right: Math.max(from.right, to.right) });
  }
}

class ChartCollectionProxy extends ProxyBase implements XlChartCollection {
  private added = 0;
  private readonly created = new Map<number, Bound>();
  /** Each queued add's source range (kept here: a request carries plain data, as Office.js's does). */
  private readonly sources = new Map<number, RangeProxy>();
  constructor(
    ctx: TestContext,
    path: string,
    private readonly sheet: (server: Server) => HostSheet,
  ) {
    super(ctx, path);
  }
  get items(): XlChart[] {
    return this.prop('items');
  }
  exists(server: Server): boolean {
    this.sheet(server);
    return true;
  }
  private pendingCharts: Bound[] = [];
  /** A load of `items` (with `id`, `chartType`, `name` or the position in points) answers with plain data, as a response from Excel does. */
  read(server: Server, prop: string): unknown {
    if (!prop.startsWith('items')) throw new HostError('InvalidArgument', `ChartCollection.${prop}`);
    const sheet = this.sheet(server);
    this.pendingCharts = chartsOf(sheet).map((chart) => ({ sheet, chart }));
    return this.pendingCharts.map(({ chart }) => ({ id: chart.id, chartType: chart.type, name: chart.name, ...boxOf(sheet, parseRect(chart.position) as Rect) }));
  }
  /** The loaded data become item proxies bound to their charts. */
  override deliver(values: Map<string, unknown>, isNull: boolean): void {
    const items = this.pendingCharts.map((bound, i) => {
      const p = new ChartProxy(this.ctx, `${this.path}.items[${i}]`, () => bound);
      p.deliver(
        new Map<string, unknown>([['id', bound.chart.id], ['chartType', bound.chart.type], ['name', bound.chart.name], ...Object.entries(boxOf(bound.sheet, parseRect(bound.chart.position) as Rect))]),
        false,
      );
      return p;
    });
    super.deliver(values.size === 0 ? values : new Map([['items', items]]), isNull);
  }
  getItem(name: string): XlChart {
    return new ChartProxy(this.ctx, `${this.path}.getItem(${JSON.stringify(name)})`, (server) => {
      const sheet = this.sheet(server);
      const chart = chartsOf(sheet).find((c) => c.name === name);
      return chart === undefined ? null : { sheet, chart };
    });
  }
  add(type: string, sourceData: XlRange, seriesBy = 'Auto'): XlChart {
    const n = ++this.added;
    this.sources.set(n, sourceData as RangeProxy);
    this.queueCall('add', type, seriesBy, n);
    return new ChartProxy(this.ctx, `${this.path}.add#${n}`, () => this.created.get(n) ?? null);
  }
  override invoke(server: Server, method: string, args: unknown[]): void {
    if (method !== 'add') return super.invoke(server, method, args);
    const sheet = this.sheet(server);
    server.checkWritable(sheet);
    const type = String(args[0]);
    if (TYPES_1_9.has(type) && !server.supports('1.9')) throw new HostError('InvalidArgument', `Chart type ${type} needs ExcelApi 1.9`);
    if (!TYPES_1_9.has(type) && !TYPES_1_1.has(type)) throw new HostError('InvalidArgument', `Chart type ${type}`);
    const n = args[2] as number;
    const range = this.sources.get(n);
    if (range === undefined) throw new HostError('InvalidArgument', 'sourceData');
    const source = range.target(server);
    const seriesBy = String(args[1]);
    if (!['Auto', 'Columns', 'Rows'].includes(seriesBy)) throw new HostError('InvalidArgument', `ChartSeriesBy ${seriesBy}`);
    const id = `{AK-CHART-${server.sheets.reduce((n, s) => n + (s.charts?.length ?? 0), 0) + 1}-${chartsOf(sheet).length}}`;
    const chart: HostChart = {
      id,
      name: `Diagram ${chartsOf(sheet).length + 1}`,
      type,
      sourceSheet: source.sheet.name,
      source: rectAddress(source.rect),
      seriesBy,
      title: '',
      valueAxisTitle: '',
      legendVisible: true,
      position: 'A1:H15',
    };
    chartsOf(sheet).push(chart);
    this.created.set(n, { sheet, chart });
  }
}

extensions.charts = (ctx, path, sheet) => new ChartCollectionProxy(ctx, path, sheet);
