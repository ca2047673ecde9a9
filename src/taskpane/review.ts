/**
 * The pane's review actions, on the session: approve a finding with a reason
 * and take an approval back (both kept on the workbook's hidden sheet
 * Avvikelsekollen_granskning, each one step that Ångra undoes), export the
 * review to the sheet Granskning, and the order in which Nästa / Föregående
 * step through the open findings.
 */
import {
  type Approval,
  APPROVALS_SHEET,
  type CheckResult,
  type Finding,
  planApproval,
  planVarianceChart,
  planReopen,
  planReviewExport,
  type Review,
  type ReviewedFinding,
  reviewFindings,
  translate,
  type WorkbookGrid,
} from '../engine';
import type { Notice, Session } from './session';

/** The review of a validation (open and approved findings), or undefined before one. */
export function reviewOf(report: { result: CheckResult; workbook: WorkbookGrid } | null): Review | undefined {
  return report === null ? undefined : reviewFindings(report.result, report.workbook);
}

/** Today as the approvals sheet writes it (`2026-12-02`), in local time. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Approves a finding with a reason (required): one step on the change log, then a new validation. */
export function approveFinding(session: Session, reviewed: ReviewedFinding, reason: string): Promise<void> {
  return session.perform('reviewing', async ({ actions, state, validate }) => {
    if (state.report === null || reason.trim() === '') return;
    const edits = planApproval(state.report.workbook, { finding: reviewed.finding, identity: reviewed.identity, reason, date: today() });
    if (edits.length === 0) return;
    const entry = await actions.applyEdits(edits, 'action.approve', { hideSheets: [APPROVALS_SHEET] });
    const patch = await validate();
    return { ...patch, lastChange: patch.lastChange ?? entry, notice: { id: 'review.notice.approved', params: { cell: `${reviewed.finding.sheet}!${reviewed.finding.cell}` } } };
  });
}

/** Takes an approval back: the finding is open again. */
export function reopenFinding(session: Session, approval: Approval, finding: Finding): Promise<void> {
  return session.perform('reviewing', async ({ actions, state, validate }) => {
    if (state.report === null) return;
    const edits = planReopen(state.report.workbook, approval, finding.rule);
    if (edits.length === 0) return;
    const entry = await actions.applyEdits(edits, 'action.reopen');
    const patch = await validate();
    return { ...patch, lastChange: patch.lastChange ?? entry, notice: { id: 'review.notice.reopened', params: { cell: `${finding.sheet}!${finding.cell}` } } };
  });
}

/** Writes the sheet Granskning (every finding with its status and reason) in one step that Ångra undoes. */
export function exportReview(session: Session): Promise<void> {
  return session.perform('reviewing', async ({ actions, state, validate }) => {
    const review = reviewOf(state.report);
    if (state.report === null || review === undefined) return;
    const edits = planReviewExport(review, state.report.result, state.report.workbook, state.lang);
    if (edits.length === 0) return { notice: { id: 'review.notice.export-unchanged' } };
    const entry = await actions.applyEdits(edits, 'action.export');
    const patch = await validate();
    return { ...patch, lastChange: patch.lastChange ?? entry, notice: { id: 'review.notice.exported', params: { count: review.findings.length } } };
  });
}

/** The open findings in sheet order (the workbook's sheets left to right, then top to bottom, left to right). */
export function stepOrder(open: readonly Finding[], sheetNames: readonly string[]): Finding[] {
  const order = new Map(sheetNames.map((n, i) => [n, i] as const));
  return [...open].sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.row - b.row || a.col - b.col);
}

/** The position after a step from `current` (−1: none yet) in a list of `count`, wrapping around. */
export function step(current: number, direction: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (current < 0 || current >= count) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}

/** "Infoga diagram" for one table: its figures and a native chart beside the table (or on a new sheet when there is no room), one step that Ångra removes. */
export function insertChart(session: Session, tableId: string): Promise<void> {
  return session.perform('reviewing', async ({ actions, state, validate }) => {
    const report = state.report;
    const table = report?.result.tables.find((t) => t.id === tableId);
    if (report === null || table === undefined || actions.insertChart === undefined) return;
    const planned = planVarianceChart(table, report.workbook, state.lang, report.result.tables);
    if (planned === undefined) return { notice: { id: 'review.chart.none' } };
    // The adapter may carry out the plan's new-sheet alternative (a protected sheet, a chart in the way).
    const { entry, type, plan, moved } = await actions.insertChart(planned);
    const typeName = translate(type === 'Waterfall' ? 'review.chart.type.waterfall' : 'review.chart.type.bar', state.lang);
    // Validated again, so the next chart's sheet name and room see this one's.
    const patch = await validate();
    const notice: Notice =
      plan.placement === 'beside-table'
        ? { id: 'review.notice.chart.beside', params: { type: typeName, sheet: plan.sheet, figures: plan.source } }
        : moved === 'protected'
          ? { id: 'review.notice.chart.protected', params: { type: typeName, sheet: plan.sheet, table: table.sheet } }
          : { id: 'review.notice.chart', params: { type: typeName, sheet: plan.sheet } };
    return { ...patch, lastChange: patch.lastChange ?? entry, notice };
  });
}
