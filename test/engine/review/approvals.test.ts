/**
 * Approvals kept in the workbook: an approved finding stays approved while
 * its figures are the same, follows its table when rows are inserted above
 * it, and is open again when a figure changes.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../../src/engine/check';
import type { CellEdit, Finding } from '../../../src/engine/finding';
import type { Cell, WorkbookGrid } from '../../../src/engine/grid';
import { APPROVALS_SHEET, planApproval, planReopen, readApprovals, reviewFindings, identities, sameFigure } from '../../../src/engine/review';
import { seedAsExampleWorkbook } from '../../../src/example/seed';
import { loadSeed } from '../../helpers/seed';

function applyToGrid(grid: WorkbookGrid, edits: readonly CellEdit[]): WorkbookGrid {
  const sheets = grid.sheets.map((s) => ({ ...s, cells: s.cells.map((r) => (r === undefined ? r : [...r])) }));
  for (const e of edits) {
    let sheet = sheets.find((s) => s.name === e.sheet);
    if (sheet === undefined) {
      sheet = { name: e.sheet, cells: [], hidden: true };
      sheets.push(sheet);
    }
    const row = (sheet.cells[e.row] ??= []);
    const cell: Cell = { value: e.after.value };
    if (e.after.formula !== undefined) cell.formula = e.after.formula;
    row[e.col] = cell;
  }
  return { sheets };
}

/** The grid with `n` empty rows inserted above row `at` of one sheet (cell values only: the example's formulas are dropped to their values). */
function insertRows(grid: WorkbookGrid, sheet: string, at: number, n: number): WorkbookGrid {
  return {
    sheets: grid.sheets.map((s) => {
      if (s.name !== sheet) return s;
      const cells = s.cells.map((r) => r?.map((c) => (c === undefined ? c : { value: c.value, ...(c.numberFormat === undefined ? {} : { numberFormat: c.numberFormat }) })));
      cells.splice(at, 0, ...Array.from({ length: n }, () => []));
      return { ...s, cells };
    }),
  };
}

function approve(grid: WorkbookGrid, pick: (f: Finding) => boolean, reason: string): { grid: WorkbookGrid; finding: Finding } {
  const result = checkWorkbook(grid);
  const i = result.findings.findIndex(pick);
  expect(i).toBeGreaterThanOrEqual(0);
  const finding = result.findings[i] as Finding;
  const edits = planApproval(grid, { finding, identity: identities(result)[i]!, reason, date: '2026-12-02' });
  return { grid: applyToGrid(grid, edits), finding };
}

const base = seedAsExampleWorkbook(loadSeed());
const signFlip = (f: Finding) => f.rule === 'sign-flip' && f.sheet === 'Kommungemensamt';

describe('approvals', () => {
  it('an approved finding is counted apart with its reason; the others stay open', () => {
    const before = reviewFindings(checkWorkbook(base), base);
    expect(before.approved).toHaveLength(0);
    const { grid, finding } = approve(base, signFlip, 'Känd avvikelse, beslut i KS 2021-03-01');
    const review = reviewFindings(checkWorkbook(grid), grid);
    expect(review.approved.map((r) => [r.finding.sheet, r.finding.cell, r.approval?.reason])).toEqual([[finding.sheet, finding.cell, 'Känd avvikelse, beslut i KS 2021-03-01']]);
    expect(review.open).toHaveLength(before.open.length - 1);
    // The approvals sheet is the add-in's own: nothing on it is a table or a finding.
    expect(review.findings.some((r) => r.finding.sheet === APPROVALS_SHEET)).toBe(false);
    expect(readApprovals(grid)).toEqual([
      expect.objectContaining({
        sheet: 'Kommungemensamt',
        table: expect.stringMatching(/^rn RN\d/),
        row: 'KGAMT',
        column: 'change',
        rule: 'sign-flip',
        reason: 'Känd avvikelse, beslut i KS 2021-03-01',
      }),
    ]);
  });

  it('follows the table when rows are inserted above it (not the bare cell address)', () => {
    const { grid, finding } = approve(base, signFlip, 'Känd');
    const moved = insertRows(grid, 'Kommungemensamt', 0, 3);
    const review = reviewFindings(checkWorkbook(moved), moved);
    const approved = review.approved.map((r) => r.finding);
    expect(approved).toHaveLength(1);
    expect(approved[0]?.row).toBe(finding.row + 3);
    expect(approved[0]?.rule).toBe('sign-flip');
  });

  it('is open again when the figure changes', () => {
    const { grid, finding } = approve(base, signFlip, 'Känd');
    const sheet = grid.sheets.find((s) => s.name === 'Kommungemensamt')!;
    const result = checkWorkbook(grid);
    const table = result.tables.find((t) => t.id === finding.tableId)!;
    const actualCol = table.columns.actual!.col;
    const changed: WorkbookGrid = {
      sheets: grid.sheets.map((s) => {
        if (s !== sheet) return s;
        const cells = s.cells.map((r) => (r === undefined ? r : [...r]));
        const old = cells[finding.row]![actualCol]!;
        cells[finding.row]![actualCol] = { value: (old.value as number) + 1000 };
        return { ...s, cells };
      }),
    };
    const review = reviewFindings(checkWorkbook(changed), changed);
    expect(review.findings.find((r) => r.finding.rule === 'sign-flip' && r.finding.cell === finding.cell)?.status).toBe('open');
  });

  it('approving the same finding again replaces its row; reopening empties it', () => {
    const first = approve(base, signFlip, 'Första');
    const second = approve(first.grid, signFlip, 'Andra');
    expect(readApprovals(second.grid).map((a) => a.reason)).toEqual(['Andra']);
    const [approval] = readApprovals(second.grid);
    const reopened = applyToGrid(second.grid, planReopen(second.grid, approval!, 'sign-flip'));
    expect(readApprovals(reopened)).toEqual([]);
    expect(reviewFindings(checkWorkbook(reopened), reopened).approved).toEqual([]);
  });

  it('two approvals on different sheets are both kept, in rows one after the other', () => {
    const a = approve(base, signFlip, 'A');
    const b = approve(a.grid, (f) => f.rule === 'div0' && f.sheet === 'Kommunledning', 'B');
    expect(readApprovals(b.grid).map((x) => [x.sheetRow, x.sheet, x.reason])).toEqual([
      [1, 'Kommungemensamt', 'A'],
      [2, 'Kommunledning', 'B'],
    ]);
    expect(reviewFindings(checkWorkbook(b.grid), b.grid).approved).toHaveLength(2);
  });

  it('every finding of the example has an identity no other finding of the same rule shares', () => {
    const result = checkWorkbook(base);
    const keys = identities(result).map((id, i) => `${result.findings[i]!.rule}|${id.sheet}|${id.table}|${id.row}|${id.column}|${result.findings[i]!.messageId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('figures compare as the same value whether read back as number or text', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), (v) => {
        expect(sameFigure(v, v)).toBe(true);
        expect(sameFigure(v, String(v))).toBe(true);
        expect(sameFigure(v, v + Math.max(1, Math.abs(v)) * 1e-6)).toBe(false);
      }),
    );
    expect(sameFigure(null, '')).toBe(true);
    expect(sameFigure(0, null)).toBe(false);
  });
});
