/**
 * The pane's review on the test host with the example workbook: Godkänn med
 * motivering stores the approval on the hidden sheet and hides the finding,
 * also for a pane opened again on the same workbook; Återöppna and Ångra
 * bring it back; Exportera granskning writes the sheet Granskning in one step
 * that Ångra removes; Nästa / Föregående select the open findings in sheet order.
 */
import { createDemoHost } from '../../src/excel/demo';
import { memoryStore } from '../../src/excel/changelog';
import { createActions } from '../../src/excel/workbook-actions';
import { APPROVALS_SHEET, REVIEW_SHEET, EXPORT_COLUMNS } from '../../src/engine/review';
import { translate } from '../../src/engine/i18n';
import { Session } from '../../src/taskpane/session';
import { browserSettingsStore } from '../../src/taskpane/settings';
import { approveFinding, exportReview, reopenFinding, reviewOf, step, stepOrder } from '../../src/taskpane/review';

function setup() {
  const host = createDemoHost({ language: 'sv-SE' });
  const store = memoryStore();
  const actions = createActions(host, { store });
  return { host, store, actions, session: new Session(actions, 'demo', browserSettingsStore(undefined)) };
}

const REASON = 'Känd avvikelse, beslut i KS 2021-03-01';

describe('review in the pane', () => {
  it('approve with a reason: stored on a hidden sheet, hidden from the open findings, kept for a pane opened again; Ångra takes it back', async () => {
    const { host, actions, session } = setup();
    await session.validate();
    const before = reviewOf(session.getState().report)!;
    const target = before.findings.find((r) => r.finding.rule === 'div0' && r.finding.sheet === 'Kommunledning')!;
    await approveFinding(session, target, REASON);
    expect(session.getState().error).toBeNull();
    expect(host.sheet(APPROVALS_SHEET).visibility).toBe('Hidden');
    const after = reviewOf(session.getState().report)!;
    expect(after.open).toHaveLength(before.open.length - 1);
    expect(after.approved.map((r) => [r.finding.cell, r.approval?.reason])).toEqual([[target.finding.cell, REASON]]);
    expect(session.getState().lastChange?.label).toBe('action.approve');

    // A new pane on the same workbook reads the approval from the sheet.
    const reopened = new Session(actions, 'demo', browserSettingsStore(undefined));
    await reopened.validate();
    expect(reviewOf(reopened.getState().report)!.approved).toHaveLength(1);

    await session.undo();
    expect(host.hasSheet(APPROVALS_SHEET)).toBe(false);
    expect(reviewOf(session.getState().report)!.approved).toHaveLength(0);
  });

  it('an approved finding is not marked in the workbook; the others are', async () => {
    const { host, session } = setup();
    await session.validate();
    const review = reviewOf(session.getState().report)!;
    const target = review.findings.find((r) => r.finding.rule === 'sign-flip')!;
    const other = review.findings.find((r) => r.finding.rule === 'div0')!;
    expect(host.displayedFill(target.finding.sheet, target.finding.cell).pattern).not.toBe('None');
    await approveFinding(session, target, REASON);
    expect(host.displayedFill(target.finding.sheet, target.finding.cell).pattern).toBe('None');
    expect(host.displayedFill(other.finding.sheet, other.finding.cell).pattern).not.toBe('None');
  });

  it('Återöppna makes an approved finding open again', async () => {
    const { session } = setup();
    await session.validate();
    const target = reviewOf(session.getState().report)!.findings.find((r) => r.finding.rule === 'sign-flip')!;
    await approveFinding(session, target, REASON);
    const approved = reviewOf(session.getState().report)!.approved[0]!;
    await reopenFinding(session, approved.approval!, approved.finding);
    expect(reviewOf(session.getState().report)!.approved).toHaveLength(0);
  });

  it('an empty reason approves nothing', async () => {
    const { host, session } = setup();
    await session.validate();
    const target = reviewOf(session.getState().report)!.findings[0]!;
    await approveFinding(session, target, '   ');
    expect(host.hasSheet(APPROVALS_SHEET)).toBe(false);
  });

  it('Exportera granskning writes Granskning: a header and one row per finding with status and reason; one Ångra removes the sheet', async () => {
    const { host, session } = setup();
    await session.validate();
    const target = reviewOf(session.getState().report)!.findings.find((r) => r.finding.rule === 'sign-flip')!;
    await approveFinding(session, target, REASON);
    const review = reviewOf(session.getState().report)!;
    const snapshot = host.snapshot();
    await exportReview(session);
    expect(session.getState().error).toBeNull();
    expect(session.getState().lastChange?.label).toBe('action.export');
    const sheet = host.sheet(REVIEW_SHEET);
    expect(sheet.visibility).toBe('Visible');
    const header = EXPORT_COLUMNS.map((_, c) => sheet.rows[0]?.[c]?.value);
    expect(header).toEqual(['Blad', 'Cell', 'Enhet', 'Regel', 'Allvarlighet', 'Meddelande', 'Förväntat', 'Faktiskt', 'Status', 'Motivering']);
    const rows = sheet.rows.slice(1).filter((r) => r !== undefined && r.some((c) => c?.value !== null && c?.value !== undefined));
    expect(rows).toHaveLength(review.findings.length);
    const approvedRow = rows.find((r) => r[0]?.value === target.finding.sheet && r[1]?.value === target.finding.cell && r[3]?.value === translate('rule.sign-flip.name', 'sv'));
    expect(approvedRow?.[2]?.value).toBe('KGAMT Arbetsmiljötjänster');
    expect(approvedRow?.[8]?.value).toBe('Godkänd');
    expect(approvedRow?.[9]?.value).toBe(REASON);
    expect(rows.filter((r) => r[8]?.value === 'Öppen')).toHaveLength(review.open.length);
    // The figures are numbers, not text.
    expect(typeof approvedRow?.[7]?.value).toBe('number');

    await session.undo();
    expect(host.hasSheet(REVIEW_SHEET)).toBe(false);
    expect(host.snapshot()).toBe(snapshot);
  });

  it('Nästa / Föregående go through the open findings in sheet order, wrapping around, and select each cell', async () => {
    const { host, session } = setup();
    await session.validate();
    const report = session.getState().report!;
    const order = stepOrder(
      reviewOf(report)!.open,
      report.workbook.sheets.map((s) => s.name),
    );
    const sheets = report.workbook.sheets.map((s) => s.name);
    for (let i = 1; i < order.length; i++) {
      const a = order[i - 1]!;
      const b = order[i]!;
      expect(sheets.indexOf(a.sheet) < sheets.indexOf(b.sheet) || (a.sheet === b.sheet && (a.row < b.row || (a.row === b.row && a.col <= b.col)))).toBe(true);
    }
    let pos = -1;
    pos = step(pos, 1, order.length);
    await session.select(order[pos]!.sheet, order[pos]!.cell);
    expect(host.selection).toEqual({ sheet: order[0]!.sheet, address: order[0]!.cell });
    pos = step(pos, -1, order.length);
    expect(pos).toBe(order.length - 1);
    await session.select(order[pos]!.sheet, order[pos]!.cell);
    expect(host.selection).toEqual({ sheet: order[order.length - 1]!.sheet, address: order[order.length - 1]!.cell });
    expect(step(order.length - 1, 1, order.length)).toBe(0);
  });
});
