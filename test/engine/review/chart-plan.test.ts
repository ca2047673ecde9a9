/**
 * Where "Infoga diagram" puts a table's chart: beside the table on its own
 * sheet when the cells there are empty, else on a new sheet; the figures a
 * waterfall from Budget to Utfall reads; never a cell of the user's written.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../../src/engine/check';
import { cellAt, parseAddress, type Cell, type SheetGrid, type WorkbookGrid } from '../../../src/engine/grid';
import { CHART_COLUMNS, CHART_MIN_ROWS, isEmptyCell, planVarianceChart, SHEET_COLUMNS, type ChartPlan } from '../../../src/engine/review';
import type { VarianceTable } from '../../../src/engine/table';
import { seedAsExampleWorkbook } from '../../../src/example/seed';
import { catalog } from '../layouts/catalog';
import { withCell } from '../../helpers/rules';
import { loadSeed } from '../../helpers/seed';

const workbook = seedAsExampleWorkbook(loadSeed());
const { tables } = checkWorkbook(workbook);

function tableOf(wb: WorkbookGrid, sheet: string, kind: 'rn' | 'kontogrupp'): { table: VarianceTable; all: VarianceTable[] } {
  const all = checkWorkbook(wb).tables;
  const table = all.find((t) => t.sheet === sheet && t.kind === kind);
  if (table === undefined) throw new Error(`no ${kind} table on ${sheet}`);
  return { table, all };
}

function plan(wb: WorkbookGrid, sheet: string, kind: 'rn' | 'kontogrupp'): ChartPlan {
  const { table, all } = tableOf(wb, sheet, kind);
  const p = planVarianceChart(table, wb, 'sv', all);
  if (p === undefined) throw new Error('no plan');
  return p;
}

function rect(from: string, to: string): { top: number; left: number; bottom: number; right: number } {
  const a = parseAddress(from)!;
  const b = parseAddress(to.includes(':') ? to.split(':')[1]! : to)!;
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

/** Every cell the plan writes or covers with the chart is empty in the grid. */
function expectOnlyEmptyCells(wb: WorkbookGrid, p: ChartPlan): void {
  const sheet = wb.sheets.find((s) => s.name === p.sheet);
  if (sheet === undefined) return; // a new sheet
  for (const e of p.edits) expect(isEmptyCell(cellAt(sheet, e.row, e.col))).toBe(true);
  const chart = rect(p.from, p.to);
  for (let r = chart.top; r <= chart.bottom; r++) for (let c = chart.left; c <= chart.right; c++) expect(isEmptyCell(cellAt(sheet, r, c))).toBe(true);
}

/** The sheet moved `n` columns to the right. */
function shiftedRight(sheet: SheetGrid, n: number): SheetGrid {
  return { ...sheet, cells: sheet.cells.map((row) => (row === undefined ? row : [...(new Array(n) as (Cell | undefined)[]), ...row])) };
}

describe('planVarianceChart: beside the table when there is room', () => {
  it("Kommunledning's RN table: figures one blank column right of the table (H:I), the chart right of them over the table's height, on the table's own sheet", () => {
    const { table } = tableOf(workbook, 'Kommunledning', 'rn');
    const p = plan(workbook, 'Kommunledning', 'rn');
    expect(p.placement).toBe('beside-table');
    expect(p.sheet).toBe('Kommunledning');
    // The table is A3:F20; G stays blank, the figures take H:I from the header row, J stays blank, the chart K:R.
    expect(p.source).toBe(`H3:I${3 + table.rows.length + 1}`);
    expect(p.varianceSource).toBe(`H5:I${3 + table.rows.length + 1}`);
    expect(p.from).toBe('K3');
    expect(p.to).toBe('R20');
    const chart = rect(p.from, p.to);
    expect(chart.right - chart.left + 1).toBe(CHART_COLUMNS);
    expect(chart.bottom - chart.top + 1).toBeGreaterThanOrEqual(Math.max(CHART_MIN_ROWS, table.bottom - table.top + 1));
    expect(p.edits.every((e) => e.sheet === 'Kommunledning' && e.before.value === null)).toBe(true);
    expect(p.edits.slice(0, 4).map((e) => [e.cell, e.after.value])).toEqual([
      ['H3', 'Post'],
      ['I3', 'Belopp (tkr)'],
      ['H4', 'Budget'],
      [
        'I4',
        cellAt(
          workbook.sheets.find((s) => s.name === 'Kommunledning')!,
          table.total!.row,
          table.columns.budget!.col,
        ).value,
      ],
    ]);
    expectOnlyEmptyCells(workbook, p);
  });

  it('carries the same chart on a new sheet, for the adapter when Excel shows the sheet protected or a chart in the way', () => {
    const p = plan(workbook, 'Kommunledning', 'rn');
    const alt = p.onNewSheet!;
    expect([alt.placement, alt.sheet, alt.source, alt.from]).toEqual(['new-sheet', 'Diagram Kommunledning', `A1:B${p.points + 1}`, 'D2']);
    expect([alt.title, alt.axisTitle, alt.points]).toEqual([p.title, p.axisTitle, p.points]);
    expect(alt.edits.map((e) => e.after.value)).toEqual(p.edits.map((e) => e.after.value));
    expect(alt.onNewSheet).toBeUndefined();
  });

  it('the waterfall climbs from Budget to Utfall: Budget plus every step is the total Utfall (printed figures are rounded)', () => {
    for (const table of tables) {
      const p = planVarianceChart(table, workbook, 'sv', tables)!;
      const sheet = workbook.sheets.find((s) => s.name === table.sheet)!;
      const values = p.edits.filter((e) => e.col === p.edits[1]!.col && typeof e.after.value === 'number').map((e) => e.after.value as number);
      const actual = cellAt(sheet, table.total!.row, table.columns.actual!.col).value as number;
      expect(Math.abs(values.reduce((a, b) => a + b, 0) - actual)).toBeLessThanOrEqual(table.rows.length);
    }
  });

  it('stacked tables keep each other’s room: the RN and kontogrupp charts of a sheet never overlap', () => {
    for (const sheet of ['Kommunledning', 'Kommungemensamt', 'Kommunstyrelseförvaltning']) {
      const rn = plan(workbook, sheet, 'rn');
      const kg = plan(workbook, sheet, 'kontogrupp');
      expect([rn.placement, kg.placement]).toEqual(['beside-table', 'beside-table']);
      const a = rect(rn.from, rn.to);
      const b = rect(kg.from, kg.to);
      expect(a.bottom < b.top || b.bottom < a.top).toBe(true);
    }
  });

  it('a Kommentar column right after the table is the table’s: the figures start one blank column after it', () => {
    const wb = withCell(withCell(workbook, 'Kommunledning', 'G3', { value: 'Kommentar' }), 'Kommunledning', 'G6', { value: 'Vakanser' });
    const p = plan(wb, 'Kommunledning', 'rn');
    expect(p.placement).toBe('beside-table');
    expect(p.source.startsWith('I3:J')).toBe(true);
    expect(p.from).toBe('L3');
    expectOnlyEmptyCells(wb, p);
  });
});

describe('planVarianceChart: on a new sheet when there is no room', () => {
  it.each([
    ['a note in the chart’s cells', 'N10', { value: 'Se not 3' }],
    ['a formula in the figures’ cells', 'I8', { value: 0, formula: '=0' }],
    ['an error value in the blank column before the chart', 'J4', { value: null, error: 'NA' }],
    ['a cell of only spaces (the user’s)', 'H3', { value: '  ' }],
  ] as const)('%s', (_what, address, cell) => {
    const wb = withCell(workbook, 'Kommunledning', address, cell as Cell);
    const p = plan(wb, 'Kommunledning', 'rn');
    expect(p.placement).toBe('new-sheet');
    expect(p.sheet).toBe('Diagram Kommunledning');
    expect(p.source).toBe(`A1:B${p.points + 1}`);
    expect(p.from).toBe('D2');
    expect(p.edits.every((e) => e.sheet === 'Diagram Kommunledning')).toBe(true);
    expect(p.onNewSheet).toBeUndefined();
  });

  it('a hidden column where the figures or the chart would go', () => {
    const wb: WorkbookGrid = { sheets: workbook.sheets.map((s) => (s.name === 'Kommunledning' ? { ...s, hiddenColumns: [12] } : s)) };
    expect(plan(wb, 'Kommunledning', 'rn').placement).toBe('new-sheet');
    const elsewhere: WorkbookGrid = { sheets: workbook.sheets.map((s) => (s.name === 'Kommunledning' ? { ...s, hiddenColumns: [30] } : s)) };
    expect(plan(elsewhere, 'Kommunledning', 'rn').placement).toBe('beside-table');
  });

  it('a short table whose chart would reach the room of the table below it (Valnämnden’s one-row RN table)', () => {
    const p = plan(workbook, 'Valnämnden', 'rn');
    expect(p.placement).toBe('new-sheet');
    expect(plan(workbook, 'Valnämnden', 'kontogrupp').placement).toBe('beside-table');
  });

  it('a table touching the last columns of the sheet (XFD): no room within Excel’s 16 384 columns', () => {
    const sheet = workbook.sheets.find((s) => s.name === 'Stadsrevisionen')!;
    const moved = shiftedRight(sheet, SHEET_COLUMNS - 6 - 4);
    const wb: WorkbookGrid = { sheets: [moved] };
    const { table, all } = tableOf(wb, 'Stadsrevisionen', 'kontogrupp');
    expect(table.right).toBe(SHEET_COLUMNS - 5);
    expect(planVarianceChart(table, wb, 'sv', all)?.placement).toBe('new-sheet');
    // With room for the figures, the blank columns and eight chart columns it goes beside again.
    const roomy: WorkbookGrid = { sheets: [shiftedRight(sheet, SHEET_COLUMNS - 6 - 12)] };
    const t2 = tableOf(roomy, 'Stadsrevisionen', 'kontogrupp');
    const p2 = planVarianceChart(t2.table, roomy, 'sv', t2.all)!;
    expect(p2.placement).toBe('beside-table');
    expect(p2.to.startsWith('XFD')).toBe(true);
  });

  it('a second chart of the same table: its figures are there now, so it goes on a new sheet', () => {
    const first = plan(workbook, 'Kommunledning', 'rn');
    let wb = workbook;
    for (const e of first.edits) wb = withCell(wb, e.sheet, e.cell, { value: e.after.value });
    const second = plan(wb, 'Kommunledning', 'rn');
    expect(second.placement).toBe('new-sheet');
  });
});

describe('planVarianceChart never plans a write over a non-empty cell', () => {
  it('whatever else is on the sheet (values, formulas, errors, spaces anywhere near the table)', () => {
    const kinds: Cell[] = [{ value: 'x' }, { value: 12 }, { value: ' ' }, { value: null, error: 'DIV_BY_ZERO' }, { value: 0, formula: '=1-1' }, { value: false }];
    fc.assert(
      fc.property(
        fc.array(fc.record({ row: fc.integer({ min: 0, max: 40 }), col: fc.integer({ min: 0, max: 24 }), kind: fc.integer({ min: 0, max: kinds.length - 1 }) }), { maxLength: 6 }),
        fc.constantFrom('Kommunledning', 'Kommunstyrelseförvaltning', 'Stadsrevisionen'),
        fc.constantFrom<'rn' | 'kontogrupp'>('rn', 'kontogrupp'),
        (clutter, sheetName, kind) => {
          let wb = workbook;
          for (const c of clutter) {
            const sheet = wb.sheets.find((s) => s.name === sheetName)!;
            // Only where the sheet is empty: the table itself stays as printed.
            if (isEmptyCell(cellAt(sheet, c.row, c.col))) wb = withCell(wb, sheetName, `${String.fromCharCode(65 + c.col)}${c.row + 1}`, kinds[c.kind]!);
          }
          const found = checkWorkbook(wb).tables;
          const table = found.find((t) => t.sheet === sheetName && t.kind === kind);
          if (table === undefined) return;
          const p = planVarianceChart(table, wb, 'sv', found);
          if (p === undefined) return;
          expect(p.sheet === sheetName).toBe(p.placement === 'beside-table');
          expectOnlyEmptyCells(wb, p);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('planVarianceChart keeps the table’s unit and sign convention', () => {
  it('mnkr, costs positive (Driftredovisning, belopp i mnkr): title, axis and column in mnkr; steps are Utfall − Budget so the waterfall ends at Utfall', () => {
    const layout = catalog().find((l) => l.unit === 'mnkr' && l.convention === 'costs-positive' && l.sheet.name === 'Mnkr')!;
    const wb: WorkbookGrid = { sheets: [layout.sheet] };
    const found = checkWorkbook(wb).tables;
    const table = found[0]!;
    expect([table.unit, table.convention]).toEqual(['mnkr', 'costs-positive']);
    const p = planVarianceChart(table, wb, 'sv', found)!;
    expect(p.placement).toBe('beside-table');
    expect(p.title).toMatch(/\(mnkr\)$/);
    expect(p.axisTitle).toBe('mnkr');
    expect(p.edits[1]!.after.value).toBe('Belopp (mnkr)');
    const values = p.edits.filter((e) => e.col === p.edits[1]!.col && typeof e.after.value === 'number').map((e) => e.after.value as number);
    const sheet = layout.sheet;
    const actualTotal = table.rows.reduce((s, r) => s + (cellAt(sheet, r.row, table.columns.actual!.col).value as number), 0);
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(actualTotal, 6);
    // Utbildningsnämnden overspent its budget by 16,3 mnkr: a step up of 16,3 (its Avv is −16,3).
    const edu = p.edits.findIndex((e) => e.after.value === 'Utbildningsnämnden');
    expect(p.edits[edu + 1]!.after.value).toBeCloseTo(16.3, 6);
    const planEn = planVarianceChart(table, wb, 'en', found)!;
    expect(planEn.edits[1]!.after.value).toBe('Amount (mnkr)');
    expect(planEn.title).toMatch(/\(mnkr\)$/);
  });
});
