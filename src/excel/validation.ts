/**
 * Drop-down lists on ranges (`ListValidation`, e.g. the comments sheet's
 * Status: Utkast, Klar, Godkänd) through `Range.dataValidation` (ExcelApi 1.8,
 * https://learn.microsoft.com/javascript/api/excel/excel.datavalidation):
 * each range's validation is cleared, then given a list rule whose source is
 * the comma-separated values (`ListDataValidation.source`: "a string that
 * contains a comma-separated number, boolean, or date", shown in a cell
 * drop-down, `inCellDropDown`), with a Warning alert so that a status the
 * add-in wrote (`Redigerad för hand, behålls`) or a person's own word is
 * still accepted. Queued into the write batch of the cells they go on (no
 * round trip of their own); nothing where ExcelApi 1.8 is missing.
 */
import type { ListValidation } from '../engine';
import type { XlContext, XlHost, XlLoadable, XlRange } from './xl';

/** ExcelApi 1.8: a list data validation's criteria. */
export interface XlListDataValidation {
  inCellDropDown: boolean;
  /** Comma-separated values, or a range holding them. */
  source: string | XlRange;
}

/** ExcelApi 1.8: the rule of a data validation (only the list criteria are used here). */
export interface XlDataValidationRule {
  list?: XlListDataValidation;
}

/** ExcelApi 1.8: the error alert shown when a user enters a value outside the rule. */
export interface XlDataValidationErrorAlert {
  message: string;
  showAlert: boolean;
  /** `Stop` (the default), `Warning` or `Information`. */
  style: string;
  title: string;
}

/** ExcelApi 1.8: `Range.dataValidation`. */
export interface XlDataValidation extends XlLoadable {
  rule: XlDataValidationRule;
  errorAlert: XlDataValidationErrorAlert;
  /** `None`, `List`, … or `Inconsistent` when the range's cells differ. */
  readonly type: string;
  clear(): void;
}

/** A range with its data validation (ExcelApi 1.8). */
export interface XlValidatableRange extends XlRange {
  readonly dataValidation: XlDataValidation;
}

/** Compile-time proof that Office.js's range has the members used here. */
export const excelRangeFitsValidation: (range: Excel.Range) => XlValidatableRange = (range) => range;

/** Queues each list on its range, replacing what validation the range had (ExcelApi 1.8: the caller checks). */
export function queueListValidations(context: XlContext, validations: readonly ListValidation[], alertTitle: string, alertMessage: string): void {
  for (const v of validations) {
    const range = context.workbook.worksheets.getItem(v.sheet).getRange(v.range) as XlValidatableRange;
    range.dataValidation.clear();
    range.dataValidation.rule = { list: { inCellDropDown: true, source: v.values.join(',') } };
    range.dataValidation.errorAlert = { showAlert: true, style: 'Warning', title: alertTitle, message: alertMessage };
  }
}

/**
 * Puts each list on its range in a batch of its own. Returns false (and
 * writes nothing) where ExcelApi 1.8 is not supported.
 */
export async function applyListValidations(host: XlHost, validations: readonly ListValidation[], alertTitle: string, alertMessage: string): Promise<boolean> {
  if (validations.length === 0) return true;
  if (!host.supports('1.8')) return false;
  await host.run(async (context) => {
    queueListValidations(context, validations, alertTitle, alertMessage);
    await context.sync();
  });
  return true;
}
