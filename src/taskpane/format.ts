/**
 * Turning findings and edits into what the task pane shows: grouping, order,
 * filters and display texts. Pure functions, no React, no Office.js.
 */
import { type CellValue, type Finding, formatNumber, type Language, type RuleId, type Severity, SEVERITY_ORDER, type VarianceTable } from '../engine';
import { PANE_PACKS, paneText } from './i18n';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Which findings the list shows: one severity or all, one rule or all. */
export interface FindingFilter {
  severity: Severity | 'all';
  rule: RuleId | 'all';
}

export const NO_FILTER: FindingFilter = { severity: 'all', rule: 'all' };

export function applyFilter(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  return findings.filter((f) => (filter.severity === 'all' || f.severity === filter.severity) && (filter.rule === 'all' || f.rule === filter.rule));
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The rules that occur, in order of their first (most severe) finding. */
export function rulesPresent(findings: readonly Finding[]): RuleId[] {
  return [...new Set([...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]).map((f) => f.rule))];
}

export interface TableGroup {
  /** Table id, or null for findings outside any table. */
  tableId: string | null;
  table: VarianceTable | undefined;
  findings: Finding[];
}

export interface SheetGroup {
  sheet: string;
  tables: TableGroup[];
  worst: Severity;
}

function worst(findings: readonly Finding[]): Severity {
  return findings.reduce<Severity>((w, f) => (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[w] ? f.severity : w), 'info');
}

function bySeverityThenPosition(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.row - b.row || a.col - b.col;
}

/**
 * Groups findings by sheet (in workbook order) and table; the table with the
 * most severe finding first, and within a table the most severe finding first.
 */
export function groupFindings(findings: readonly Finding[], tables: readonly VarianceTable[], sheetOrder: readonly string[]): SheetGroup[] {
  const tableById = new Map(tables.map((t) => [t.id, t] as const));
  const sheets = new Map<string, Map<string | null, Finding[]>>();
  for (const f of findings) {
    let byTable = sheets.get(f.sheet);
    if (byTable === undefined) sheets.set(f.sheet, (byTable = new Map()));
    const list = byTable.get(f.tableId);
    if (list === undefined) byTable.set(f.tableId, [f]);
    else list.push(f);
  }
  const order = new Map(sheetOrder.map((s, i) => [s, i] as const));
  return [...sheets.entries()]
    .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b))
    .map(([sheet, byTable]) => {
      const groups: TableGroup[] = [...byTable.entries()].map(([tableId, list]) => ({
        tableId,
        table: tableId === null ? undefined : tableById.get(tableId),
        findings: [...list].sort(bySeverityThenPosition),
      }));
      groups.sort((a, b) => SEVERITY_ORDER[worst(a.findings)] - SEVERITY_ORDER[worst(b.findings)] || (a.table?.top ?? -1) - (b.table?.top ?? -1) || (a.table?.left ?? -1) - (b.table?.left ?? -1));
      return { sheet, tables: groups, worst: worst(groups.flatMap((g) => g.findings)) };
    })
    .sort((a, b) => SEVERITY_ORDER[a.worst] - SEVERITY_ORDER[b.worst] || (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0));
}

/**
 * Findings the pane draws at once; a longer list draws the rest right after
 * these are on screen. A finding is about 100 px high at 320 px wide, so 20
 * fill a tall pane twice (4 show at 900 px, 7 at 1 400 px); drawing all of the
 * 40-sheet workbook's 240 took 150–300 ms before anything showed.
 */
export const FIRST_FINDINGS = 20;

/** How many findings the groups hold. */
export function countFindings(groups: readonly SheetGroup[]): number {
  return groups.reduce((n, g) => n + g.tables.reduce((m, t) => m + t.findings.length, 0), 0);
}

/**
 * The first `limit` findings of the list, in the list's order and grouping
 * (the pane draws these first; a sheet or table past the limit is left out).
 * The groups themselves when they hold no more than that.
 */
export function firstFindings(groups: readonly SheetGroup[], limit: number): readonly SheetGroup[] {
  if (countFindings(groups) <= limit) return groups;
  const out: SheetGroup[] = [];
  let left = limit;
  for (const g of groups) {
    if (left <= 0) break;
    const tables: TableGroup[] = [];
    for (const t of g.tables) {
      if (left <= 0) break;
      tables.push(t.findings.length <= left ? t : { ...t, findings: t.findings.slice(0, left) });
      left -= Math.min(left, t.findings.length);
    }
    out.push({ ...g, tables });
  }
  return out;
}

/** A value as the pane shows it: numbers in the language's format, text as is, empty as a word. */
export function displayValue(value: CellValue | undefined, lang: Language): string {
  if (value === null || value === undefined || value === '') return paneText('taskpane.value.empty', lang);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    const decimals = Number.isInteger(value) ? 0 : Math.abs(value) < 10 ? 2 : 1;
    return formatNumber(value, lang, decimals);
  }
  if (typeof value === 'boolean') return paneText(value ? 'taskpane.value.true' : 'taskpane.value.false', lang);
  return value;
}

/** How a table is named in the list: its level or kind, and where it is. */
export function tableLabel(group: TableGroup, lang: Language): string {
  const t = group.table;
  if (t === undefined) return paneText('taskpane.table.none', lang);
  const name = t.kind === 'rn' ? (t.level ?? 'RN') : paneText('taskpane.table.kontogrupp', lang);
  const range = t.id.includes('!') ? t.id.slice(t.id.indexOf('!') + 1) : t.id;
  return paneText('taskpane.table.label', lang, { name, range });
}

/** The rule's name in plain words (`rule.<id>.name`), falling back to its id. */
export function ruleName(rule: RuleId, lang: Language): string {
  return paneText(`rule.${rule}.name`, lang);
}

/** The marker as a message names it: `”–”`, `”e.j.”` or "en tom cell". */
export function markerPhrase(marker: string, lang: Language): string {
  return marker === '' ? paneText('taskpane.marker.empty', lang) : paneText('taskpane.marker.text', lang, { marker });
}

/**
 * A finding's message as the pane shows it. Where the pane's fix writes the
 * marker (#DIVISION/0!, a sign change, a base of 0) the pane's own text gives
 * the advice with the marker chosen in Inställningar, so the message and the
 * fix never disagree; otherwise the engine's text.
 */
export function findingMessage(finding: Finding, lang: Language, marker: string): string {
  const own = `taskpane.message.${finding.messageId}`;
  const text = PANE_PACKS[lang][own] !== undefined ? paneText(own, lang, { ...finding.params, marker: markerPhrase(marker, lang) }) : paneText(finding.messageId, lang, finding.params);
  return withUnitSpaces(text);
}

/** A figure and its unit kept together: the space before %, kr, tkr or mnkr made non-breaking (`8 550 tkr`, `12,5 %`). */
export function withUnitSpaces(text: string): string {
  return text.replace(/(\d) (?=(?:%|kr|tkr|mnkr)(?![\p{L}\p{N}]))/gu, '$1\u00a0');
}
