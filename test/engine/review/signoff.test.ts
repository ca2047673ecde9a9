/**
 * Sign-off per avdelning on Kommentarer: the plan puts a Utkast/Klar/Godkänd
 * list on the Status column, writing the comments again keeps a status a
 * person chose (as it keeps their text), and the progress per table counts
 * commented and approved rows.
 */
import { checkWorkbook } from '../../../src/engine/check';
import { draftCommentary } from '../../../src/engine/commentary/draft';
import { COMMENTS_SHEET, findCommentsLayout } from '../../../src/engine/commentary/layout';
import { planCommentsSheetWithReport } from '../../../src/engine/commentary/sheet';
import type { CellEdit } from '../../../src/engine/finding';
import { cellAt, columnLetter, parseAddress, type Cell, type WorkbookGrid } from '../../../src/engine/grid';
import { signOffProgress } from '../../../src/engine/review/signoff';
import { seedAsExampleWorkbook } from '../../../src/example/seed';
import { loadSeed } from '../../helpers/seed';

function applyToGrid(grid: WorkbookGrid, edits: readonly CellEdit[]): WorkbookGrid {
  const sheets = grid.sheets.map((s) => ({ ...s, cells: s.cells.map((r) => (r === undefined ? r : [...r])) }));
  for (const e of edits) {
    let sheet = sheets.find((s) => s.name === e.sheet);
    if (sheet === undefined) {
      sheet = { name: e.sheet, cells: [] };
      sheets.push(sheet);
    }
    const cell: Cell = { value: e.after.value };
    if (e.after.formula !== undefined) cell.formula = e.after.formula;
    (sheet.cells[e.row] ??= [])[e.col] = cell;
  }
  return { sheets };
}

function draftsOf(grid: WorkbookGrid) {
  return draftCommentary(checkWorkbook(grid), grid, { lang: 'sv', materialityTkr: 500, materialityShare: 0.05 });
}

const base = seedAsExampleWorkbook(loadSeed());
// Start from a workbook without Kommentarer, as in a fresh report.
const fresh: WorkbookGrid = { sheets: base.sheets.filter((s) => s.name !== COMMENTS_SHEET) };

describe('sign-off on Kommentarer', () => {
  it('the Status column gets the list Utkast, Klar, Godkänd over every planned row', () => {
    const plan = planCommentsSheetWithReport(fresh, draftsOf(fresh), { lang: 'sv' });
    const written = applyToGrid(fresh, plan.edits);
    const layout = findCommentsLayout(written.sheets.find((s) => s.name === COMMENTS_SHEET)!)!;
    const status = columnLetter(layout.columns.status!);
    expect(plan.listValidations).toHaveLength(1);
    const v = plan.listValidations![0]!;
    expect(v.sheet).toBe(COMMENTS_SHEET);
    expect(v.values).toEqual(['Utkast', 'Klar', 'Godkänd']);
    const [from, to] = v.range.split(':');
    expect(from).toBe(`${status}${layout.headerRow + 2}`);
    expect(to?.startsWith(status)).toBe(true);
    const last = Math.max(...plan.rows.map((r) => r.row));
    expect(parseAddress(to!)!.row).toBeGreaterThanOrEqual(last);
    // New rows start as Utkast.
    for (const r of plan.rows)
      expect(
        cellAt(
          written.sheets.find((s) => s.name === COMMENTS_SHEET)!,
          r.row,
          layout.columns.status!,
        ).value,
      ).toBe('Utkast');
  });

  it('writing again keeps Klar and Godkänd; the progress counts them per table', () => {
    const drafts = draftsOf(fresh);
    const plan = planCommentsSheetWithReport(fresh, drafts, { lang: 'sv' });
    let grid = applyToGrid(fresh, plan.edits);
    const sheet = () => grid.sheets.find((s) => s.name === COMMENTS_SHEET)!;
    const layout = findCommentsLayout(sheet())!;
    const unit = drafts.units.find((u) => u.kind === 'rn' && u.rows.length >= 3)!;
    const rowOf = (key: string) => plan.rows.find((r) => r.key === key)!.row;
    const [a, b, c] = unit.rows;
    const set = (row: number, col: number, value: string): CellEdit => ({
      sheet: COMMENTS_SHEET,
      cell: `${columnLetter(col)}${row + 1}`,
      row,
      col,
      before: { value: null },
      after: { value },
      reason: 'narrative-mismatch',
    });
    grid = applyToGrid(grid, [
      set(rowOf(a!.key), layout.columns.status!, 'Godkänd'),
      set(rowOf(b!.key), layout.columns.status!, 'Klar'),
      // A comment written by hand, status left as the add-in set it.
      set(rowOf(c!.key), layout.columns.kommentar!, 'Lägre personalkostnader på grund av vakanser.'),
    ]);
    expect(signOffProgress(grid, drafts).find((p) => p.tableId === unit.tableId)).toEqual({ tableId: unit.tableId, unit: unit.unit, total: unit.rows.length, commented: 3, approved: 1 });

    const again = planCommentsSheetWithReport(grid, draftsOf(grid), { lang: 'sv' });
    const after = applyToGrid(grid, again.edits);
    const statusOf = (key: string) =>
      cellAt(
        after.sheets.find((s) => s.name === COMMENTS_SHEET)!,
        rowOf(key),
        layout.columns.status!,
      ).value;
    expect(statusOf(a!.key)).toBe('Godkänd');
    expect(statusOf(b!.key)).toBe('Klar');
    expect(signOffProgress(after, draftsOf(after)).find((p) => p.tableId === unit.tableId)).toMatchObject({ commented: 3, approved: 1 });
  });

  it('without a Kommentarer sheet nothing is commented yet', () => {
    const progress = signOffProgress(fresh, draftsOf(fresh));
    expect(progress.length).toBeGreaterThan(0);
    for (const p of progress) expect([p.commented, p.approved]).toEqual([0, 0]);
  });
});
