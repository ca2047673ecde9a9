/**
 * Approvals ("Godkänn med motivering"), kept in the workbook on a hidden
 * sheet of the add-in's own, so they travel with the file: one row per
 * approved finding with where it is (`FindingIdentity`), its rule, the
 * figures approved (expected and actual), the reason and the date.
 *
 * An approval holds while a finding of the same rule at the same place has
 * the same figures; when a figure changes the finding is open again. This
 * module reads the sheet from a grid, plans the cell edits that add, change
 * or remove an approval, and sorts a check's findings into open and approved.
 */
import type { CheckResult } from '../check';
import type { CellContent, CellEdit, Finding, RuleId } from '../finding';
import { cellAddress, cellAt, type CellValue, type SheetGrid, type WorkbookGrid } from '../grid';
import type { VarianceTable } from '../table';
import { identityOf, sameIdentity, tableKeys, type FindingIdentity } from './identity';

/** The add-in's sheet of approvals (adapters hide it). */
export const APPROVALS_SHEET = 'Avvikelsekollen_granskning';

/** The sheet's columns, in the order a new sheet gets them. Fixed texts: the sheet is read back by them. */
export const APPROVAL_COLUMNS = ['Blad', 'Tabell', 'Rad', 'Kolumn', 'Regel', 'Väntat', 'Faktiskt', 'Belopp', 'Motivering', 'Godkänt', 'Cell'] as const;
type ApprovalColumn = (typeof APPROVAL_COLUMNS)[number];

/** One stored approval. */
export interface Approval extends FindingIdentity {
  rule: string;
  /** The figures approved (the finding's expected and actual). */
  expected: number | string | null;
  actual: number | string | null;
  /** The other figures the finding's message states (`bokslut=-2296; utfall=5055`), see `figuresOf`. */
  figures: string;
  reason: string;
  /** When it was approved (`2026-12-02`), as written. */
  approvedOn: string;
  /** The cell the finding was in when approved (for people reading the sheet). */
  cell: string;
  /** 0-based row on the approvals sheet. */
  sheetRow: number;
}

/** A finding with its review status; `approval` is set when approved. */
export interface ReviewedFinding {
  finding: Finding;
  identity: FindingIdentity;
  status: 'open' | 'approved';
  approval?: Approval;
}

export interface Review {
  /** Every finding of the check, in the check's order. */
  findings: ReviewedFinding[];
  open: Finding[];
  approved: ReviewedFinding[];
  /** Every approval on the sheet, matched or not. */
  approvals: Approval[];
}

function text(v: CellValue): string {
  return v === null ? '' : typeof v === 'string' ? v.trim() : String(v);
}

function figure(v: CellValue): number | string | null {
  if (v === null || typeof v === 'boolean') return v === null ? null : String(v);
  if (typeof v === 'number') return v;
  const t = v.trim();
  return t === '' ? null : t;
}

/** Whether a stored figure and a finding's figure are the same (numbers to 1e-9 relative; a number read back as text compares as text). */
export function sameFigure(a: number | string | null, b: number | string | null): boolean {
  const blank = (v: number | string | null): boolean => v === null || v === '';
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return String(a).trim() === String(b).trim();
}

/**
 * The figures a finding's message states besides expected and actual (Bokslut
 * and Utfall of a sign flip, the sum of a total), as one text: when any of
 * them changes, the approved situation is no longer the same.
 */
export function figuresOf(f: Finding): string {
  return Object.keys(f.params)
    .sort()
    .flatMap((k) => {
      const v = f.params[k];
      return typeof v === 'number' && Number.isFinite(v) ? [`${k}=${Number(v.toPrecision(12))}`] : [];
    })
    .join('; ');
}

/** The header row's columns of the approvals sheet, or undefined when the sheet has none. */
function layoutOf(sheet: SheetGrid): Map<ApprovalColumn, number> | undefined {
  const first = sheet.cells[0] ?? [];
  const out = new Map<ApprovalColumn, number>();
  first.forEach((cell, c) => {
    const t = cell === undefined ? '' : text(cell.value);
    const col = APPROVAL_COLUMNS.find((name) => name.toLowerCase() === t.toLowerCase());
    if (col !== undefined && !out.has(col)) out.set(col, c);
  });
  return out.has('Blad') && out.has('Regel') ? out : undefined;
}

/** The approvals stored in the workbook (none when the sheet is missing or unreadable). */
export function readApprovals(workbook: WorkbookGrid): Approval[] {
  const sheet = workbook.sheets.find((s) => s.name === APPROVALS_SHEET);
  if (sheet === undefined) return [];
  const layout = layoutOf(sheet);
  if (layout === undefined) return [];
  const at = (r: number, col: ApprovalColumn): CellValue => {
    const c = layout.get(col);
    return c === undefined ? null : cellAt(sheet, r, c).value;
  };
  const out: Approval[] = [];
  for (let r = 1; r < sheet.cells.length; r++) {
    const sheetName = text(at(r, 'Blad'));
    const rule = text(at(r, 'Regel'));
    if (sheetName === '' || rule === '') continue;
    out.push({
      sheet: sheetName,
      table: text(at(r, 'Tabell')),
      row: text(at(r, 'Rad')),
      column: text(at(r, 'Kolumn')),
      rule,
      expected: figure(at(r, 'Väntat')),
      actual: figure(at(r, 'Faktiskt')),
      figures: text(at(r, 'Belopp')),
      reason: text(at(r, 'Motivering')),
      approvedOn: text(at(r, 'Godkänt')),
      cell: text(at(r, 'Cell')),
      sheetRow: r,
    });
  }
  return out;
}

/** The identities of a check's findings, in the check's order. */
export function identities(result: Pick<CheckResult, 'tables' | 'findings'>): FindingIdentity[] {
  const byId = new Map<string, VarianceTable>(result.tables.map((t) => [t.id, t] as const));
  const keys = tableKeys(result.tables);
  return result.findings.map((f) => identityOf(f, byId, keys));
}

function matches(a: Approval, f: Finding, id: FindingIdentity): boolean {
  return a.rule === f.rule && sameIdentity(a, id) && sameFigure(a.expected, f.expected) && sameFigure(a.actual, f.actual) && a.figures === figuresOf(f);
}

/**
 * Sorts a check's findings into open and approved by the approvals stored in
 * `workbook` (the grid the check read). An approval whose figures no longer
 * match leaves its finding open.
 */
export function reviewFindings(result: Pick<CheckResult, 'tables' | 'findings'>, workbook: WorkbookGrid): Review {
  const approvals = readApprovals(workbook);
  const ids = identities(result);
  const findings: ReviewedFinding[] = result.findings.map((finding, i) => {
    const identity = ids[i] as FindingIdentity;
    const approval = approvals.length === 0 ? undefined : approvals.find((a) => matches(a, finding, identity));
    return approval === undefined ? { finding, identity, status: 'open' } : { finding, identity, status: 'approved', approval };
  });
  return {
    findings,
    open: findings.filter((r) => r.status === 'open').map((r) => r.finding),
    approved: findings.filter((r) => r.status === 'approved'),
    approvals,
  };
}

function contentAt(sheet: SheetGrid | undefined, row: number, col: number): CellContent {
  if (sheet === undefined) return { value: null };
  const cell = cellAt(sheet, row, col);
  const c: CellContent = { value: cell.value };
  if (cell.formula !== undefined) c.formula = cell.formula;
  return c;
}

function edit(sheet: SheetGrid | undefined, row: number, col: number, value: CellValue, rule: RuleId): CellEdit {
  return { sheet: APPROVALS_SHEET, cell: cellAddress(row, col), row, col, before: contentAt(sheet, row, col), after: { value }, reason: rule };
}

/** The first row after the last one holding anything. */
function nextFreeRow(sheet: SheetGrid): number {
  for (let r = sheet.cells.length - 1; r >= 0; r--) {
    const cells = sheet.cells[r];
    if (cells !== undefined && cells.some((c) => c !== undefined && (c.formula !== undefined || text(c.value) !== ''))) return r + 1;
  }
  return 1;
}

export interface ApprovalRequest {
  finding: Finding;
  identity: FindingIdentity;
  reason: string;
  /** The day, as it is written (`2026-12-02`). */
  date: string;
}

/**
 * The cell edits that store an approval: a new sheet with its header row when
 * there is none, a row replacing an earlier approval of the same finding, or
 * a new row under the last.
 */
export function planApproval(workbook: WorkbookGrid, request: ApprovalRequest): CellEdit[] {
  const { finding: f, identity, reason, date } = request;
  const sheet = workbook.sheets.find((s) => s.name === APPROVALS_SHEET);
  const layout = sheet === undefined ? undefined : layoutOf(sheet);
  const edits: CellEdit[] = [];
  let columns: Map<ApprovalColumn, number>;
  let row: number;
  if (sheet === undefined || layout === undefined) {
    columns = new Map(APPROVAL_COLUMNS.map((name, i) => [name, i] as const));
    APPROVAL_COLUMNS.forEach((name, i) => {
      if (sheet === undefined || text(cellAt(sheet, 0, i).value) !== name) edits.push(edit(sheet, 0, i, name, f.rule));
    });
    row = sheet === undefined ? 1 : Math.max(1, nextFreeRow(sheet));
  } else {
    columns = new Map(layout);
    let next = Math.max(...columns.values()) + 1;
    for (const name of APPROVAL_COLUMNS) {
      if (columns.has(name)) continue;
      columns.set(name, next);
      edits.push(edit(sheet, 0, next, name, f.rule));
      next++;
    }
    const earlier = readApprovals(workbook).find((a) => a.rule === f.rule && sameIdentity(a, identity));
    row = earlier?.sheetRow ?? nextFreeRow(sheet);
  }
  const values: Record<ApprovalColumn, CellValue> = {
    Blad: identity.sheet,
    Tabell: identity.table,
    Rad: identity.row,
    Kolumn: identity.column,
    Regel: f.rule,
    Väntat: f.expected,
    Faktiskt: f.actual,
    Belopp: figuresOf(f),
    Motivering: reason.trim(),
    Godkänt: date,
    Cell: f.cell,
  };
  for (const name of APPROVAL_COLUMNS) {
    const e = edit(sheet, row, columns.get(name) as number, values[name], f.rule);
    if (!sameFigure(figure(e.before.value), figure(e.after.value)) || e.before.formula !== undefined) edits.push(e);
  }
  return edits;
}

/** The cell edits that take an approval away again (its row emptied): the finding is open. */
export function planReopen(workbook: WorkbookGrid, approval: Approval, rule: RuleId): CellEdit[] {
  const sheet = workbook.sheets.find((s) => s.name === APPROVALS_SHEET);
  if (sheet === undefined) return [];
  const cells = sheet.cells[approval.sheetRow] ?? [];
  const edits: CellEdit[] = [];
  cells.forEach((c, col) => {
    if (c === undefined || (c.formula === undefined && text(c.value) === '')) return;
    edits.push(edit(sheet, approval.sheetRow, col, null, rule));
  });
  return edits;
}
