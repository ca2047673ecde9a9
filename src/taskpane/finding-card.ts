/**
 * What a finding's card shows besides its message: Förväntat and Faktiskt
 * with their unit and the message's precision, and "Varför?": the
 * calculation with its cells and their values. Pure functions.
 */
import { type AmountUnit, type Finding, formatNumber, type Language, type VarianceTable } from '../engine';
import { paneText } from './i18n';

/** Between a figure and its unit: a non-breaking space (`8 550 tkr`, `12,5 %`). */
export const NBSP = '\u00a0';

const AMOUNT_UNITS: readonly string[] = ['kr', 'tkr', 'mnkr'];

/**
 * The unit of the finding's figures: % in the change column, the table's
 * amount unit elsewhere in it; outside a table the amount unit the finding
 * states (a comment's amount: `enhet_belopp`), else none.
 */
export function findingUnit(finding: Finding, table: VarianceTable | undefined): '%' | AmountUnit | null {
  if (table === undefined) {
    const stated = finding.params.enhet_belopp;
    return typeof stated === 'string' && AMOUNT_UNITS.includes(stated) ? (stated as AmountUnit) : null;
  }
  if (table.columns.change?.col === finding.col) return '%';
  if (finding.col === table.labelCol || finding.col === table.nameCol || finding.row <= table.headerBottom) return null;
  return table.unit;
}

/** A number with the messages' precision (whole numbers whole, others one decimal). */
export function figure(value: number, lang: Language): string {
  return formatNumber(value, lang, Number.isInteger(value) ? 0 : 1);
}

/** Förväntat or Faktiskt: a number with its unit, text as it is, nothing as "(tom)". */
export function figureWithUnit(value: number | string | null, unit: string | null, lang: Language): string {
  if (value === null || value === '') return paneText('taskpane.value.empty', lang);
  if (typeof value === 'string') return value;
  return unit === null ? figure(value, lang) : `${figure(value, lang)}${NBSP}${unit}`;
}

/** Swedish names of the functions an expression may use. */
const SV_NAMES: Record<string, string> = { SUM: 'SUMMA', ABS: 'ABS', ROUND: 'AVRUNDA' };

/** A cell address on its own (not part of a longer word or a range's other end is fine: `C5:C14` keeps both). */
const CELL = /\b\$?[A-Z]{1,3}\$?[0-9]{1,7}\b/g;

/**
 * "Varför?" for a finding with a calculation, e.g.
 * `E12 = C12 − D12: −57 199 − (−56 121) = −1 078, cellen visar −1 000`:
 * the expression, then the same with each operand's value (negative values
 * after an operator in parentheses), the result, and what the cell shows. Null without a
 * calculation.
 */
export function whyText(finding: Finding, lang: Language): string | null {
  const c = finding.calculation;
  if (c === undefined) return null;
  const values = new Map(c.operands.map((o) => [o.cell.replace(/\$/g, ''), o.value] as const));
  const named = lang === 'sv' ? c.expression.replace(/\b([A-Z]+)\(/g, (w, name: string) => `${SV_NAMES[name] ?? name}(`) : c.expression;
  const substituted = named.replace(CELL, (ref: string, offset: number) => {
    const v = values.get(ref.replace(/\$/g, ''));
    if (v === undefined) return ref;
    // A negative value after an operator in parentheses: `− (−56 121)`; at the start, or after `(`, as it is.
    const before = named.slice(0, offset).trimEnd();
    return v < 0 && before !== '' && !before.endsWith('(') ? `(${figure(v, lang)})` : figure(v, lang);
  });
  const actual = finding.actual === null || finding.actual === '' ? paneText('taskpane.value.empty', lang) : typeof finding.actual === 'number' ? figure(finding.actual, lang) : finding.actual;
  return paneText('taskpane.why.text', lang, { cell: finding.cell, expression: named, values: substituted, result: figure(c.result, lang), actual });
}
