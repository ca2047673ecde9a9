import { findTables } from './detect';
import { SEVERITY_ORDER, type Finding } from './finding';
import type { SheetGrid, WorkbookGrid } from './grid';
import { DEFAULT_CHECK_OPTIONS, type CheckOptions, type Rule, type RuleContext } from './rule';
import { RULES } from './rules';
import { figuresPerCheck } from './rules/figures';
import type { VarianceTable } from './table';

/** The result of checking a workbook: the tables found and what is wrong with them. */
export interface CheckResult {
  tables: VarianceTable[];
  findings: Finding[];
  /** Sheets looked at, and data rows in all tables. */
  sheetsChecked: number;
  rowsChecked: number;
}

/** Sort order of findings: sheet order, then severity, then position. */
export function compareFindings(sheetOrder: Map<string, number>): (a: Finding, b: Finding) => number {
  return (a, b) =>
    (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.row - b.row || a.col - b.col || a.rule.localeCompare(b.rule);
}

/**
 * Finds every table in the workbook and runs every rule on it. Never throws:
 * anything wrong in the data comes back as a finding.
 */
export function checkWorkbook(workbook: WorkbookGrid, options: Partial<CheckOptions> = {}, rules: readonly Rule[] = RULES): CheckResult {
  const opts: CheckOptions = { ...DEFAULT_CHECK_OPTIONS, ...options };
  const tables = findTables(workbook, opts.sheets);
  const byName = new Map<string, SheetGrid>();
  for (const s of workbook.sheets) byName.set(s.name, s);
  const ctx: RuleContext = { workbook, sheet: (name) => byName.get(name), tables, options: opts, figures: figuresPerCheck() };
  const findings: Finding[] = [];
  for (const rule of rules) findings.push(...rule.check(ctx));
  const order = new Map(workbook.sheets.map((s, i) => [s.name, i] as const));
  findings.sort(compareFindings(order));
  const sheetsChecked = opts.sheets.length === 0 ? workbook.sheets.length : workbook.sheets.filter((s) => opts.sheets.includes(s.name)).length;
  const rowsChecked = tables.reduce((n, t) => n + t.rows.length, 0);
  return { tables, findings, sheetsChecked, rowsChecked };
}
