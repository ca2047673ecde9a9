/**
 * The task pane's commentary, without React: the drafts for the
 * last validation with the pane's settings and language, and the plan that
 * writes them to the sheet Kommentarer. Loaded on demand (the Kommentarer view
 * and "Skriv till bladet Kommentarer" import it), so the commentary engine is
 * not in the first-paint bundle.
 */
import {
  type CellEdit,
  type CommentaryDrafts,
  type CommentRowPlan,
  COMMENTS_SHEET,
  draftCommentary,
  findCommentsLayout,
  FINGERPRINT_HEADER,
  type Language,
  planCommentsSheetWithReport,
  TEMPLATE_SHEET,
  type UnitDraft,
} from '../engine';
import type { ApplyEditsOptions, ValidationReport } from '../excel/actions';
import type { Settings } from './settings';

/** The drafts of every table of the report, in the pane's language, with the materiality settings. */
export function draftsFor(report: ValidationReport, settings: Pick<Settings, 'materialityMnkr' | 'materialityPercent'>, lang: Language): CommentaryDrafts {
  return draftCommentary(report.result, report.workbook, {
    lang,
    materialityTkr: settings.materialityMnkr * 1000,
    materialityShare: settings.materialityPercent / 100,
  });
}

/** The drafts of the RN tables (one per nämnd/förvaltning), the ones the view lets the user pick. */
export function rnUnits(drafts: CommentaryDrafts): UnitDraft[] {
  return drafts.units.filter((u) => u.kind === 'rn');
}

/** The RN table to show first: the first in the workbook (Excel's selection is not read, to keep the view free of round trips). */
export function defaultTable(units: readonly UnitDraft[]): string | undefined {
  return units[0]?.tableId;
}

export interface CommentsWritePlan {
  edits: CellEdit[];
  /** Hide the fingerprint column and the template sheet, in the same batch. */
  options: ApplyEditsOptions;
  rows: CommentRowPlan[];
}

/** The edits that create or update the sheet Kommentarer (hand-written text kept), and what to hide. */
export function planCommentsWrite(report: ValidationReport, drafts: CommentaryDrafts, lang: Language): CommentsWritePlan {
  const plan = planCommentsSheetWithReport(report.workbook, drafts, { lang });
  const existing = report.workbook.sheets.find((s) => s.name === COMMENTS_SHEET);
  const layout = existing === undefined ? undefined : findCommentsLayout(existing);
  const fingerprintCol = layout?.columns.fingerprint ?? plan.edits.find((e) => e.sheet === COMMENTS_SHEET && e.after.value === FINGERPRINT_HEADER)?.col;
  const options: ApplyEditsOptions = { hideSheets: [TEMPLATE_SHEET] };
  if (fingerprintCol !== undefined) options.hideColumns = [{ sheet: COMMENTS_SHEET, col: fingerprintCol }];
  if (plan.listValidations !== undefined) options.listValidations = plan.listValidations;
  return { edits: plan.edits, options, rows: plan.rows };
}
