/**
 * The subset of the Excel JavaScript API (Office.js) the adapter uses, as
 * structural types. `Excel.RequestContext` satisfies them (checked in
 * `office.ts`), and so does the test host (`simulated/`), so the adapter code
 * runs unchanged against both. Everything here exists in ExcelApi 1.7 unless
 * marked otherwise; the marked members are used only after `supports(...)`.
 *
 * Proxy semantics (both implementations): properties must be `load`ed and a
 * `sync()` must have run before they are read; setters and methods are queued
 * and take effect, in order, at the next `sync()`.
 */

export interface XlLoadable {
  load(propertyNames: string): unknown;
}

export interface XlRangeFill extends XlLoadable {
  /** `#RRGGBB`. Without ExcelApi 1.9 a cell with no fill reads as `#FFFFFF`. */
  color: string;
  /** ExcelApi 1.9: `None` for no fill, `Solid`, or a pattern. */
  pattern: string;
  /** ExcelApi 1.9. */
  patternColor: string;
  clear(): void;
}

export interface XlRangeFormat {
  fill: XlRangeFill;
}

/** ExcelApi 1.6: the fill a conditional format shows while its rule is met. */
export interface XlConditionalRangeFill extends XlLoadable {
  /** `#RRGGBB`; null where the format sets no fill. */
  color: string;
}

/** ExcelApi 1.6. */
export interface XlConditionalRangeFormat {
  readonly fill: XlConditionalRangeFill;
}

/** ExcelApi 1.6: a custom format's rule. */
export interface XlConditionalFormatRule extends XlLoadable {
  /** The rule's formula (en-US, like `Range.formulas`); the format shows where it is true. */
  formula: string;
}

/** ExcelApi 1.6: the rule and format of a `Custom` conditional format. */
export interface XlCustomConditionalFormat extends XlLoadable {
  readonly isNullObject: boolean;
  readonly rule: XlConditionalFormatRule;
  readonly format: XlConditionalRangeFormat;
}

/** ExcelApi 1.6: one conditional format (rule and format) over one or more ranges. */
export interface XlConditionalFormat extends XlLoadable {
  /** ExcelApi 1.6: the format's id (what `ConditionalFormatCollection.getItem` takes). */
  readonly id: string;
  /** `Custom`, `CellValue`, `DataBar` … */
  readonly type: string;
  /** Its rule and format; only for a `Custom` format. */
  readonly custom: XlCustomConditionalFormat;
  /** The same, or a null object for a format of another type (loadable on every item of a collection). */
  readonly customOrNullObject: XlCustomConditionalFormat;
  delete(): void;
}

/**
 * ExcelApi 1.6: the conditional formats that intersect a range (or a
 * `RangeAreas`, ExcelApi 1.9), in priority order.
 */
export interface XlConditionalFormatCollection extends XlLoadable {
  readonly items: XlConditionalFormat[];
  /** Adds a format over the collection's range(s), at the top priority. */
  add(type: 'Custom'): XlConditionalFormat;
  /** The format with this id (the request fails with ItemNotFound when there is none). */
  getItem(id: string): XlConditionalFormat;
}

/** ExcelApi 1.9: several ranges of one sheet (`Worksheet.getRanges("F5, F9:F11")`). */
export interface XlRangeAreas extends XlLoadable {
  readonly conditionalFormats: XlConditionalFormatCollection;
}

export interface XlRange extends XlLoadable {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly valueTypes: string[][];
  /** ExcelApi 1.16. */
  readonly valuesAsJson: unknown[][];
  readonly format: XlRangeFormat;
  /** ExcelApi 1.6: the conditional formats that intersect the range. */
  readonly conditionalFormats: XlConditionalFormatCollection;
  /** Whether every column of the range is hidden; setting it hides or shows the range's whole columns. */
  columnHidden: boolean;
  /** `Contents` removes values and formulas, keeping formats. */
  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void;
  select(): void;
  getIntersectionOrNullObject(anotherRange: XlRange | string): XlRange;
}

export interface XlWorksheetProtection extends XlLoadable {
  readonly protected: boolean;
}

/** ExcelApi 1.18. */
export interface XlNote extends XlLoadable {
  readonly isNullObject: boolean;
  content: string;
  delete(): void;
}

/** ExcelApi 1.18. */
export interface XlNoteCollection {
  add(cellAddress: string, content: string): unknown;
  getItemOrNullObject(key: string): XlNote;
}

export interface XlWorksheet extends XlLoadable {
  readonly isNullObject: boolean;
  readonly name: string;
  /** `Visible`, `Hidden` or `VeryHidden`; settable. Excel refuses to hide the last visible sheet. */
  visibility: string;
  readonly protection: XlWorksheetProtection;
  /** ExcelApi 1.18. */
  readonly notes: XlNoteCollection;
  /** Without an address: the whole sheet. */
  getRange(address?: string): XlRange;
  /** ExcelApi 1.9: the ranges of a comma-separated address list; without one, the whole sheet. */
  getRanges(address?: string): XlRangeAreas;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  /**
   * ExcelApi 1.5: the sheet after this one, or a null object after the last.
   * Called on a null object it gives a null object, so a chain of them can be
   * queued in one request, longer than the workbook.
   */
  getNextOrNullObject(visibleOnly?: boolean): XlWorksheet;
  activate(): void;
  /** Deletes the sheet (Excel refuses the last visible one). */
  delete(): void;
}

export interface XlWorksheetCollection extends XlLoadable {
  readonly items: XlWorksheet[];
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  /** ExcelApi 1.5: the first sheet (the request fails in a workbook without one, which Excel does not allow). */
  getFirst(visibleOnly?: boolean): XlWorksheet;
  /** Adds a sheet at the end; the returned proxy can be used in the same batch. */
  add(name?: string): XlWorksheet;
}

export interface XlWorkbook extends XlLoadable {
  readonly worksheets: XlWorksheetCollection;
  /** ExcelApi 1.8. */
  readonly readOnly: boolean;
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<unknown>;
}

/** Options of one `Excel.run`. */
export interface XlRunOptions {
  /** Merge every sync of this run into one Excel undo step (ExcelApi 1.20; ignored where unsupported). */
  mergeUndoGroup?: boolean;
}

/**
 * Where the adapter's batches run: Excel (through `Excel.run`) or the test
 * host. The only door to the workbook.
 */
export interface XlHost {
  /** Runs a batch with a fresh request context. */
  run<T>(batch: (context: XlContext) => Promise<T>, options?: XlRunOptions): Promise<T>;
  /** `Office.context.requirements.isSetSupported('ExcelApi', version)`. */
  supports(version: ExcelApiVersion): boolean;
  /** The document's URL, to key the change log; '' for a workbook never saved. */
  documentUrl(): string;
  /** Excel's display language (`sv-SE`). */
  displayLanguage(): string;
  /** Which Excel this is, for the self-test's report (`Office.context.diagnostics`). */
  diagnostics(): HostDiagnostics;
}

/** Which Excel the add-in runs in, and the requirement sets it supports. */
export interface HostDiagnostics {
  /** Excel's version (`16.0.18129.20000`), or what the simulated Excel says it is. */
  version: string;
  /** `PC`, `Mac`, `OfficeOnline` … (`Office.context.diagnostics.platform`). */
  platform: string;
  /** Requirement sets by name (`ExcelApi 1.9`, `SharedRuntime 1.1`): supported or not. */
  sets: Record<string, boolean>;
}

/** The requirement sets the add-in asks about (the self-test lists them). */
export const EXCEL_API_VERSIONS: readonly ExcelApiVersion[] = ['1.6', '1.7', '1.8', '1.9', '1.10', '1.16', '1.18', '1.20'];

/** The ExcelApi versions the adapter asks about. */
export type ExcelApiVersion = '1.6' | '1.7' | '1.8' | '1.9' | '1.10' | '1.16' | '1.18' | '1.20';

/** Excel on the web's limit for a request's and a response's payload. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * Excel's limit for the cells of one range read (5 million; per range, not
 * per workbook: learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 */
export const MAX_CELLS_PER_READ = 5_000_000;
