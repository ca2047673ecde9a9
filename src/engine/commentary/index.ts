/**
 * Commentary: drafts from the numbers, templates, the comments
 * sheet, and reading comments back for the narrative check.
 *
 * Typical use (task pane, CLI):
 *   const result = checkWorkbook(workbook);
 *   const drafts = draftCommentary(result, workbook, { lang: 'sv' });
 *   const sentences = draftSentences(draft);            // a draft's sentences, each with the cells its numbers came from
 *   const edits = planCommentsSheet(workbook, drafts);   // → adapter.applyEdits
 */
export { decimalsShowing, decimalsTellingApart, formatMnkr, formatPercent, roundHalfAway, tkrToMnkr } from './amounts';
export { netCost, rowFigures, tableUnit, totalFigures, type CellRef, type Figure, type RowFigures } from './figures';
export {
  allDrafts,
  DEFAULT_COMMENTARY_OPTIONS,
  draftCommentary,
  draftSentences,
  draftVarianceCells,
  isMaterial,
  kontogruppTableFor,
  type CommentaryDrafts,
  type CommentaryOptions,
  type Direction,
  type Draft,
  type DraftSentence,
  type UnitDraft,
} from './draft';
export { COMMENTS_COLUMNS, COMMENTS_SHEET, FINGERPRINT_HEADER, findCommentsLayout, type CommentsColumn, type CommentsLayout } from './layout';
export { compareStated, sentences, statedVariance, type NarrativeVerdict, type StatedVariance } from './narrative';
export {
  draftHash,
  fingerprint,
  parseFingerprint,
  planCommentsSheet,
  planCommentsSheetWithReport,
  type CommentRowPlan,
  type CommentRowState,
  type CommentsSheetOptions,
  type CommentsSheetPlan,
  type ListValidation,
} from './sheet';
export {
  defaultTemplate,
  fillTemplate,
  isTemplateId,
  placeholdersIn,
  planTemplateSheet,
  readTemplateOverrides,
  resolveTemplates,
  TEMPLATE_IDS,
  TEMPLATE_PLACEHOLDERS,
  TEMPLATE_SHEET,
  validateTemplate,
  type TemplateId,
  type TemplateIssue,
  type TemplateOverride,
  type TemplateSet,
} from './templates';
