/**
 * The two outputs of `check`: the readable report (per sheet and table, in
 * Swedish or English number format) and the JSON object (a public contract).
 */
import {
  type AmountUnit,
  cellAddress,
  type CheckResult,
  type ColumnRole,
  columnLetter,
  EXTRA_ROLES,
  type Finding,
  formatNumber,
  type Language,
  type Measure,
  MEASURES,
  type ReviewedFinding,
  type Severity,
  type SignConvention,
  type VarianceTable,
} from '../engine';
import { translate } from './texts';

export interface TableJson {
  sheet: string;
  range: string;
  kind: 'rn' | 'kontogrupp';
  level: string | null;
  /** The five standard columns (null when missing), then any of the other roles the table has. */
  columns: Record<Measure, string | null> & Partial<Record<Exclude<ColumnRole, Measure>, string>>;
  rows: number;
  convention: SignConvention;
  unit: AmountUnit;
}

export interface FindingJson {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  message: string;
  expected: number | string | null;
  actual: number | string | null;
  /** With `--include-approved` only: `open` or `approved`, and an approval's reason (else null). */
  status?: 'open' | 'approved';
  reason?: string | null;
}

export interface FileJson {
  file: string;
  tables: TableJson[];
  findings: FindingJson[];
  /** How many findings are approved (kept in the workbook with a reason); listed in `findings` only with `--include-approved`. */
  approved: number;
}

/**
 * What the review says about a file's findings: how many are approved, and,
 * when approved findings are listed, each listed finding's status and reason.
 */
export interface ReviewInfo {
  approved: number;
  /** Set with `--include-approved`: every listed finding's review. */
  listed?: Map<Finding, ReviewedFinding>;
}

/** A table's extent in A1 notation: `A3:F20`. */
export function tableRange(t: VarianceTable): string {
  return `${cellAddress(t.top, t.left)}:${cellAddress(t.bottom, t.right)}`;
}

/** The JSON object of one checked file, keys in the documented order. */
export function toJson(file: string, result: CheckResult, lang: Language, review: ReviewInfo = { approved: 0 }): FileJson {
  return {
    file,
    tables: result.tables.map((t) => {
      const columns = {} as TableJson['columns'];
      for (const m of MEASURES) {
        const c = t.columns[m];
        columns[m] = c === undefined ? null : columnLetter(c.col);
      }
      for (const role of EXTRA_ROLES) {
        const c = t.columns[role];
        if (c !== undefined) columns[role] = columnLetter(c.col);
      }
      return { sheet: t.sheet, range: tableRange(t), kind: t.kind, level: t.level, columns, rows: t.rows.length, convention: t.convention, unit: t.unit };
    }),
    findings: result.findings.map((f) => {
      const out: FindingJson = {
        rule: f.rule,
        severity: f.severity,
        sheet: f.sheet,
        cell: f.cell,
        message: translate(f.messageId, lang, f.params),
        expected: f.expected,
        actual: f.actual,
      };
      if (review.listed !== undefined) {
        const rf = review.listed.get(f);
        out.status = rf?.status ?? 'open';
        out.reason = rf?.approval?.reason ?? null;
      }
      return out;
    }),
    approved: review.approved,
  };
}

/**
 * A finding's expected or actual value as the report shows it: amounts in
 * whole tkr (`−1 078`), a change % with one decimal (`4,6 %`; a fraction
 * column's value × 100), text as it is, nothing as "empty".
 */
export function formatValue(v: number | string | null, f: Finding, table: VarianceTable | undefined, lang: Language): string {
  if (v === null) return translate('cli.value.empty', lang);
  if (typeof v === 'string') return v === '' ? translate('cli.value.empty', lang) : v;
  const change = table?.columns.change;
  if (table !== undefined && change !== undefined && f.col === change.col && f.rule !== 'header-year') {
    const pct = table.changeUnit === 'fraction' ? v * 100 : v;
    return `${formatNumber(pct, lang, 1)}\u00a0%`;
  }
  if (f.rule === 'header-year') return String(v);
  return formatNumber(v, lang, Number.isInteger(v) ? 0 : Math.abs(v) < 10 ? 1 : 0);
}

function pad(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text + ' '.repeat(width - text.length);
}

function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return n;
}

/** The readable report of one file, line by line. */
export function renderReport(file: string, result: CheckResult, lang: Language, review: ReviewInfo = { approved: 0 }): string[] {
  const out: string[] = [file];
  const tablesById = new Map(result.tables.map((t) => [t.id, t] as const));
  const sheets: string[] = [];
  for (const t of result.tables) if (!sheets.includes(t.sheet)) sheets.push(t.sheet);
  for (const f of result.findings) if (!sheets.includes(f.sheet)) sheets.push(f.sheet);

  const renderFinding = (f: Finding, indent: string): void => {
    const table = f.tableId === null ? undefined : tablesById.get(f.tableId);
    const name = translate(`rule.${f.rule}.name`, lang);
    const head = `${indent}${pad(f.cell, 6)}${pad(translate(`severity.${f.severity}`, lang), 9)}${name === `rule.${f.rule}.name` ? f.rule : name}`;
    const showValues = f.expected !== null || f.actual !== null;
    const values = showValues ? ` (${translate('cli.expected-actual', lang, { expected: formatValue(f.expected, f, table, lang), actual: formatValue(f.actual, f, table, lang) })})` : '';
    out.push(head + values);
    out.push(`${indent}${' '.repeat(15)}${translate(f.messageId, lang, f.params)}`);
    const approval = review.listed?.get(f)?.approval;
    if (approval !== undefined) out.push(`${indent}${' '.repeat(15)}${translate('cli.approved.reason', lang, { reason: approval.reason, date: approval.approvedOn })}`);
  };

  for (const sheet of sheets) {
    out.push(`  ${sheet}`);
    for (const t of result.tables.filter((x) => x.sheet === sheet)) {
      const title =
        t.kind === 'rn'
          ? translate('cli.table.rn', lang, { level: t.level ?? 'RN', range: tableRange(t), rows: countPhrase('rows', t.rows.length, lang) })
          : translate('cli.table.kontogrupp', lang, { range: tableRange(t), rows: countPhrase('rows', t.rows.length, lang) });
      const findings = result.findings.filter((f) => f.tableId === t.id);
      out.push(`    ${title}${findings.length === 0 ? `: ${translate('cli.table.ok', lang)}` : ''}`);
      for (const f of findings) renderFinding(f, '      ');
    }
    const loose = result.findings.filter((f) => f.sheet === sheet && (f.tableId === null || !tablesById.has(f.tableId)));
    if (loose.length > 0) {
      out.push(`    ${translate('cli.sheet-findings', lang)}`);
      for (const f of loose) renderFinding(f, '      ');
    }
  }
  // The summary counts what is open: approved findings are counted apart.
  const listed = review.listed;
  const n = countBySeverity(listed === undefined ? result.findings : result.findings.filter((f) => listed.get(f)?.status !== 'approved'));
  out.push(
    translate('cli.summary', lang, {
      file,
      tables: countPhrase('tables', result.tables.length, lang),
      rows: countPhrase('rows', result.rowsChecked, lang),
      errors: String(n.error),
      warnings: String(n.warning),
      infos: String(n.info),
    }),
  );
  if (review.approved > 0) out.push(translate(review.listed === undefined ? 'cli.summary.approved.hidden' : 'cli.summary.approved', lang, { approved: String(review.approved) }));
  return out;
}

/** `1 rad`, `75 rader`, `1 234 rader`: a count with its noun in the right number. */
function countPhrase(noun: 'rows' | 'tables', n: number, lang: Language): string {
  return translate(`cli.count.${noun}.${n === 1 ? 'one' : 'other'}`, lang, { n: formatNumber(n, lang) });
}

export { countBySeverity };
