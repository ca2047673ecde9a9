import type { Calculation, Finding, MessageParams, RuleId, Severity } from './finding';
import { cellAddress, type SheetGrid, type WorkbookGrid } from './grid';
import type { TableFigures } from './rules/figures';
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
  /** A table's figures, read once per check and shared by the rules (`eachTable` hands them over). */
  figures(table: VarianceTable, sheet: SheetGrid): TableFigures;
}

/**
 * A check. One rule per file under `src/engine/rules/`, listed in
 * `rules/index.ts`; `docs/rules/<id>.md` shows it on an example table.
 */
export interface Rule<Id extends string = RuleId> {
  id: Id;
  /** The severity of its findings (a rule may say less for a case it only notes). */
  severity: Severity;
  /** The language-pack keys of its messages. */
  messages: readonly string[];
  /** What it checks, in one sentence (for the rule list and the docs). */
  description: string;
  /** Returns findings; never throws on bad data (bad data is a finding). */
  check(ctx: RuleContext): Finding[];
}

/** A rule, its id kept as the literal it is (so that `RuleId` follows from the list of rules). */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}

/** What a finding says, by name. */
export interface FindingFields {
  rule: RuleId;
  severity: Severity;
  table: VarianceTable | null;
  sheet: string;
  /** 0-based position of the cell the finding is about. */
  row: number;
  col: number;
  expected: number | string | null;
  actual: number | string | null;
  /** Language-pack key of the message (the rule id when omitted) and its parameters. */
  messageId?: string;
  params?: MessageParams;
  calculation?: Calculation;
}

/** Builds a finding at a 0-based cell position. */
export function finding(f: FindingFields): Finding {
  const out: Finding = {
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: cellAddress(f.row, f.col),
    row: f.row,
    col: f.col,
    tableId: f.table === null ? null : f.table.id,
    expected: f.expected,
    actual: f.actual,
    messageId: f.messageId ?? f.rule,
    params: f.params ?? {},
  };
  if (f.calculation !== undefined) out.calculation = f.calculation;
  return out;
}
