import { checkWorkbook } from '../../src/engine/check';
import type { Finding } from '../../src/engine/finding';
import type { Cell, WorkbookGrid } from '../../src/engine/grid';
import { parseAddress } from '../../src/engine/grid';
import { DEFAULT_CHECK_OPTIONS, type CheckOptions, type Rule } from '../../src/engine/rule';
import { figuresPerCheck } from '../../src/engine/rules/figures';
import type { VarianceTable } from '../../src/engine/table';

/** The findings of one rule on a workbook. */
export function run(rule: Rule, workbook: WorkbookGrid, options: Partial<CheckOptions> = {}): Finding[] {
  return checkWorkbook(workbook, options, [rule]).findings;
}

/** Findings as `Sheet!A1` addresses, in the engine's order. */
export function places(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.sheet}!${f.cell}`);
}

/** A copy of the workbook with one cell replaced (or changed by `edit`). */
export function withCell(workbook: WorkbookGrid, sheet: string, address: string, edit: Cell | ((before: Cell) => Cell)): WorkbookGrid {
  const pos = parseAddress(address);
  if (pos === undefined) throw new Error(`bad address ${address}`);
  return {
    sheets: workbook.sheets.map((s) => {
      if (s.name !== sheet) return s;
      const cells = s.cells.map((r) => (r === undefined ? r : [...r]));
      const row = (cells[pos.row] ??= []);
      const before = row[pos.col] ?? { value: null };
      row[pos.col] = typeof edit === 'function' ? edit(before) : edit;
      return { ...s, cells };
    }),
  };
}

/** The findings of one rule on tables already detected (for many small edits of one workbook). */
export function runOnTables(rule: Rule, workbook: WorkbookGrid, tables: readonly VarianceTable[], options: Partial<CheckOptions> = {}): Finding[] {
  const byName = new Map(workbook.sheets.map((s) => [s.name, s] as const));
  return rule.check({ workbook, sheet: (n) => byName.get(n), tables, options: { ...DEFAULT_CHECK_OPTIONS, ...options }, figures: figuresPerCheck() });
}
