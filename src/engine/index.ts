/**
 * The engine's front door: everything the adapters (Excel, .xlsx files, the
 * task pane, the command line) and the example data use. Code outside
 * `src/engine/` imports from here only; what is not exported here is the
 * engine's own business and may change freely.
 *
 * Typical use:
 *   const result = checkWorkbook(grid);                           // tables and findings
 *   const fixes = planFixes(grid, result, { marker: 'e.j.' });     // CellEdit[] → adapter
 *   const drafts = draftCommentary(result, grid, { lang: 'sv' });  // one draft per unit and table
 *   const sheet = planCommentsSheetWithReport(grid, drafts);       // the sheet Kommentarer → adapter
 *   translate(finding.messageId, 'sv', finding.params);           // a finding in words
 */

/** The workbook as plain data: sheets of cells (value, formula, number format), filled by every adapter. */
export type { Cell, CellValue, ErrorCode, SheetGrid, WorkbookGrid } from './grid';
/** A1 addresses: `cellAddress(0, 0)` is `A1`, `columnLetter(27)` is `AB`, `parseAddress('F5')` is row 4, column 5. */
export { cellAddress, cellAt, columnLetter, parseAddress } from './grid';
/** Excel's error values in any of its languages (`#DIVISION/0!`, `#DIV/0!`) as codes, and back as Excel's en-US text. */
export { errorCodeFromText, errorTextEnUs } from './errors';
/** A number typed as text the way Swedish reports print it (`−1 078`, `4,6 %`), or undefined. */
export { parseNumberText } from './numbers';

/** The tables found: where they are, which column holds which measure, their unit and sign convention. */
export { EXTRA_ROLES, MEASURES, type AmountUnit, type ColumnRole, type Measure, type SignConvention, type TableKind, type VarianceTable } from './table';

/** The check: every table on every sheet, every rule; findings in sheet and cell order. */
export { checkWorkbook, type CheckResult } from './check';
/** Settings of the check (tolerance, sheets, sign flips) and their defaults. */
export { DEFAULT_CHECK_OPTIONS, type CheckOptions } from './rule';
/** A finding, what a rule reports, and a planned change of one cell, which adapters apply. */
export { SEVERITY_ORDER, type Calculation, type CellContent, type CellEdit, type Finding, type MessageParams, type RuleId, type Severity } from './finding';

/** The #DIVISION/0! repairs, planned as cell edits; the markers a "not meaningful" % may show. */
export { DEFAULT_FIX_OPTIONS, MARKERS, planFixes, type FixOptions } from './fixes';

/** Commentary: drafts from the figures, their sentences with the cells behind each number, and the sheet Kommentarer. */
export {
  COMMENTS_SHEET,
  FINGERPRINT_HEADER,
  TEMPLATE_SHEET,
  draftCommentary,
  draftSentences,
  findCommentsLayout,
  planCommentsSheet,
  planCommentsSheetWithReport,
  type CellRef,
  type CommentaryDrafts,
  type CommentaryOptions,
  type CommentRowPlan,
  type CommentsSheetPlan,
  type Draft,
  type ListValidation,
  type UnitDraft,
} from './commentary';

/** The review: approvals of findings kept on a hidden sheet of the workbook, their export, the CSV records, the variance chart's data. */
export {
  APPROVALS_SHEET,
  CSV_COLUMNS,
  csvRecord,
  planApproval,
  planVarianceChart,
  planReopen,
  planReviewExport,
  reviewFindings,
  varianceChartData,
  type Approval,
  type ApprovalRequest,
  type ChartPlacement,
  type ChartPlan,
  type Review,
  type ReviewedFinding,
  type VarianceBar,
  type VarianceChartData,
} from './review';
/** Sign-off of the comments (Utkast, Klar, Godkänd): how far each table has come. */
export { signOffProgress, type SignOffProgress } from './review/signoff';

/** Texts: every message by id in Swedish (default) or English, and numbers written the language's way. */
export { formatNumber, languageFromLocale, PACKS, translate, type Language, type LanguagePack } from './i18n';
/** Every rule the check runs, in order: id, severity, message keys, description. */
export { RULES } from './rules';
