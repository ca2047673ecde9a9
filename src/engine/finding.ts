/**
 * Findings and planned edits: the engine's output, as data. Adapters render
 * or apply them; message texts live only in the language packs.
 */
import type { CellValue } from './grid';
import type { RULES } from './rules';

/** The public rule ids (the JSON output's contract): those of the rules in `rules/index.ts`. */
export type RuleId = (typeof RULES)[number]['id'];

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Values shown in a message: numbers are formatted by the language pack at the output edge. */
export type MessageParams = Record<string, string | number>;

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell the finding is about. */
  cell: string;
  /** 0-based position of that cell. */
  row: number;
  col: number;
  /** The table the finding belongs to (its id), or null for workbook-level findings. */
  tableId: string | null;
  /** What the cell should hold, and what it holds (number, text or null). */
  expected: number | string | null;
  actual: number | string | null;
  /** Key of the message in the language packs, and its parameters. */
  messageId: string;
  params: MessageParams;
  /** How `expected` was computed, for the pane's "Varför?" (absent when there is no calculation). */
  calculation?: Calculation;
}

/**
 * A finding's calculation, language-neutral: `cell = expression`, where the
 * expression names cells by A1 address (`C12 − D12`, `(C12 / B12 − 1) × 100`,
 * `SUMMA(C5:C14)` written as `SUM(C5:C14)`). `operands` give each named cell's
 * value so that an adapter can show `−57 199 − (−56 121) = −1 078`, and
 * `result` is the computed value (the finding's `expected` before rounding).
 */
export interface Calculation {
  expression: string;
  operands: { cell: string; value: number }[];
  result: number;
}

/** What a cell holds, enough to write it back exactly. */
export interface CellContent {
  value: CellValue;
  formula?: string;
}

/** One planned change to one cell; adapters apply `after` and can restore `before`. */
export interface CellEdit {
  sheet: string;
  cell: string;
  row: number;
  col: number;
  before: CellContent;
  after: CellContent;
  /** The finding rule that made this edit necessary. */
  reason: RuleId;
}
