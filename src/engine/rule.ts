import type { Finding, MessageParams, RuleId, Severity } from './finding';
import { cellAddress, type SheetGrid, type WorkbookGrid } from './grid';
import type { VarianceTable } from './table';

/** Settings that change what the checks report. */
export interface CheckOptions {
  /**
   * Extra tolerance in tkr (or in the % column's unit for change %) on top of
   * the rounding intervals. Default 0: only what rounding cannot explain.
   */
  tolerance: number;
  /** Only these sheets (by name); empty means every sheet. */
  sheets: readonly string[];
  /** Whether a sign flip between the years makes a change % meaningless (reported as `sign-flip`). */
  signFlipMeaningless: boolean;
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  tolerance: 0,
  sheets: [],
  signFlipMeaningless: true,
};

/** Everything a rule may look at. */
export interface RuleContext {
  workbook: WorkbookGrid;
  sheet(name: string): SheetGrid | undefined;
  tables: readonly VarianceTable[];
  options: CheckOptions;
}

/** A check. One rule per file under `src/engine/rules/`. */
export interface Rule {
  id: RuleId;
  /** Returns findings; never throws on bad data (bad data is a finding). */
  check(ctx: RuleContext): Finding[];
}

/** Builds a finding at a 0-based cell position. */
export function finding(
  rule: RuleId,
  severity: Severity,
  table: VarianceTable | null,
  sheet: string,
  row: number,
  col: number,
  expected: number | string | null,
  actual: number | string | null,
  messageId: string = rule,
  params: MessageParams = {},
): Finding {
  return {
    rule,
    severity,
    sheet,
    cell: cellAddress(row, col),
    row,
    col,
    tableId: table === null ? null : table.id,
    expected,
    actual,
    messageId,
    params,
  };
}
