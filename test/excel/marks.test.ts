/**
 * Marks: a fill per severity on each finding's cell; clearing gives every
 * cell its own fill back exactly, no fill included; notes where ExcelApi 1.18.
 */
import { seedAsWorkbook } from '../../src/engine/seed';
import { memoryStore } from '../../src/excel/changelog';
import { contrastRatio, MARK_COLORS } from '../../src/excel/marks';
import { TestHost, type TestHostOptions } from '../../src/excel/testhost';
import { createActions } from '../../src/excel/workbook-actions';
import { planFixes } from '../../src/engine/fixes';
import { loadSeed } from '../helpers/seed';

function setup(options: TestHostOptions = {}) {
  const host = new TestHost(seedAsWorkbook(loadSeed()), options);
  const store = memoryStore();
  return { host, store, actions: createActions(host, { store }) };
}

describe('marks', () => {
  it('the palette reads with black text (light theme) and white text (dark theme) at 4.5:1 or more', () => {
    for (const color of Object.values(MARK_COLORS)) {
      expect(contrastRatio(color, '#000000')).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(color, '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
    }
    expect(new Set(Object.values(MARK_COLORS)).size).toBe(3);
  });

  it('marks every finding cell with its severity colour, then clearMarks restores every fill exactly (no fill, white, yellow, a pattern)', async () => {
    const { host, actions } = setup({ apiVersion: '1.9' });
    const first = await actions.validate({ mark: false });
    const cells = [...new Map(first.result.findings.map((f) => [`${f.sheet}!${f.cell}`, f])).values()];
    expect(cells.length).toBeGreaterThan(3);
    const [a, b, c] = cells;
    host.setFill(a!.sheet, a!.cell, { color: '#FFFFFF' }); // white fill is not no fill
    host.setFill(b!.sheet, b!.cell, { color: '#FFFF00' });
    host.setFill(c!.sheet, c!.cell, { color: '#00B0F0', pattern: 'Gray25' });
    const before = host.snapshot();

    host.resetStats();
    const report = await actions.validate({ mark: true });
    expect(host.stats.syncs).toBe(4); // read 2; a first marking reads the cells' own fills, then writes
    expect(report.read?.syncs).toBe(2);
    expect(host.stats.requests[3]?.writes).toBeGreaterThan(0);
    expect(report.marks).toEqual({ cells: cells.length, skippedSheets: [] });
    for (const f of report.result.findings) {
      const worst = report.result.findings.filter((g) => g.sheet === f.sheet && g.cell === f.cell).sort((x, y) => ['error', 'warning', 'info'].indexOf(x.severity) - ['error', 'warning', 'info'].indexOf(y.severity))[0]!;
      expect(host.cell(f.sheet, f.cell).fill).toMatchObject({ pattern: 'Solid', color: MARK_COLORS[worst.severity] });
    }
    // Validating again replaces the marks without taking the mark colour for the cell's own fill; still 1 sync to mark.
    host.resetStats();
    await actions.validate({ mark: true });
    expect(host.stats.syncs).toBe(3);
    host.resetStats();
    await actions.clearMarks();
    expect(host.stats.syncs).toBe(2);
    expect(host.snapshot()).toBe(before);
    expect(host.cell(a!.sheet, a!.cell).fill.pattern).toBe('Solid');
    expect(host.cell(cells[3]!.sheet, cells[3]!.cell).fill.pattern).toBe('None');
  });

  it('without ExcelApi 1.9 (Office 2019) no fill is still restored as no fill', async () => {
    const { host, actions } = setup({ apiVersion: '1.7' });
    const before = host.snapshot();
    await actions.validate({ mark: true });
    expect(host.snapshot()).not.toBe(before);
    await actions.clearMarks();
    expect(host.snapshot()).toBe(before);
  });

  it('a fixed cell loses its mark at the next validation and gets its own fill back; the undo does not bring the mark colour back as its own', async () => {
    const { host, actions } = setup({ apiVersion: '1.9' });
    const before = host.snapshot();
    const report = await actions.validate({ mark: true });
    expect(host.cell('Kommunledning', 'F5').fill.pattern).toBe('Solid');
    await actions.applyEdits(planFixes(report.workbook, report.result, { marker: '' }), 'action.fix');
    await actions.validate({ mark: true });
    expect(host.cell('Kommunledning', 'F5').fill.pattern).toBe('None');
    await actions.undo();
    await actions.validate({ mark: true });
    expect(host.cell('Kommunledning', 'F5').fill.pattern).toBe('Solid');
    await actions.clearMarks();
    expect(host.snapshot()).toBe(before);
  });

  it('a first marking reads the own fills, then writes; re-validating the marked cells is one batch (Office.js runs a batch in order)', async () => {
    const { host, actions } = setup({ apiVersion: '1.9' });
    host.setFill('Kommunledning', 'F5', { color: '#FFFF00', pattern: 'Gray25' });
    const before = host.snapshot();
    host.resetStats();
    const report = await actions.validate({ mark: true });
    expect(report.marks?.cells).toBeGreaterThan(3);
    expect(host.stats.syncs).toBe(4);
    host.resetStats();
    await actions.validate({ mark: true });
    expect(host.stats.syncs).toBe(3); // read 2, mark 1: every cell's fill came with the read
    expect(host.cell('Kommunledning', 'F5').fill).toMatchObject({ pattern: 'Solid', color: MARK_COLORS.error });
    await actions.clearMarks();
    expect(host.cell('Kommunledning', 'F5').fill).toMatchObject({ pattern: 'Gray25', color: '#FFFF00' });
    expect(host.snapshot()).toBe(before);
  });

  it('a mark recoloured by hand before the next Validera stays theirs: not taken for ours, and its old fill not put back', async () => {
    const { host, actions } = setup({ apiVersion: '1.9' });
    const before = host.snapshot();
    const first = await actions.validate({ mark: true });
    await actions.applyEdits(planFixes(first.workbook, first.result, { marker: '' }), 'action.fix'); // F5 is no longer a finding
    host.setFill('Kommunledning', 'F5', { color: '#92D050' });
    host.resetStats();
    await actions.validate({ mark: true });
    expect(host.stats.syncs).toBe(3);
    expect(host.cell('Kommunledning', 'F5').fill).toMatchObject({ pattern: 'Solid', color: '#92D050' });
    await actions.clearMarks();
    await actions.undo();
    host.setFill('Kommunledning', 'F5', null);
    expect(host.snapshot()).toBe(before);
  });

  it('a mark the economist recoloured by hand is left as they coloured it', async () => {
    const { host, actions } = setup({ apiVersion: '1.9' });
    await actions.validate({ mark: true });
    host.setFill('Kommunledning', 'F5', { color: '#92D050' });
    await actions.clearMarks();
    expect(host.cell('Kommunledning', 'F5').fill).toMatchObject({ pattern: 'Solid', color: '#92D050' });
  });

  it('marks survive closing and reopening the pane: a fresh actions object clears them', async () => {
    const { host, actions, store } = setup();
    const before = host.snapshot();
    await actions.validate({ mark: true });
    await createActions(host, { store }).clearMarks();
    expect(host.snapshot()).toBe(before);
  });

  it('notes with the message where ExcelApi 1.18 allows; the economist\'s own note is kept', async () => {
    const { host, actions } = setup({ apiVersion: '1.18' });
    host.sheet('Kommunledning').notes.set('B4', 'Egen anteckning');
    const before = host.snapshot();
    const report = await actions.validate({ mark: true, notes: true, lang: 'sv' });
    const f5 = report.result.findings.find((f) => f.sheet === 'Kommunledning' && f.cell === 'F5');
    expect(f5).toBeDefined();
    expect(host.cell('Kommunledning', 'F5').note).toEqual(expect.any(String));
    expect(host.cell('Kommunledning', 'F5').note?.length).toBeGreaterThan(5);
    expect(host.cell('Kommunledning', 'B4').note).toBe('Egen anteckning');
    await actions.clearMarks();
    expect(host.snapshot()).toBe(before);
  });

  it('a protected sheet is left unmarked and said so; the findings are still reported', async () => {
    const { host, actions } = setup();
    host.protect('Kommunledning');
    const report = await actions.validate({ mark: true });
    expect(report.marks?.skippedSheets).toEqual(['Kommunledning']);
    expect(report.result.findings.some((f) => f.sheet === 'Kommunledning')).toBe(true);
    expect(host.cell('Kommunledning', 'F5').fill.pattern).toBe('None');
  });

  it('marking that fails (a cell being edited) returns the findings with the reason, and leaves no mark', async () => {
    const { host, actions } = setup();
    const before = host.snapshot();
    host.beforeSync(3, () => host.setEditMode(true));
    const report = await actions.validate({ mark: true });
    host.setEditMode(false);
    expect(report.marks?.error).toBe('editing');
    expect(report.result.findings.length).toBeGreaterThan(0);
    expect(host.snapshot()).toBe(before);
  });

  it('the connection lost after Excel applied the one marking batch: the marks are taken away, earlier ones kept as they were', async () => {
    const { host, actions, store } = setup({ apiVersion: '1.9' });
    await actions.validate({ mark: true });
    const marked = host.snapshot();
    host.dropConnection({ onSync: 3, applied: true });
    const report = await actions.validate({ mark: true });
    expect(report.marks?.error).toBe('connection');
    expect(host.snapshot()).toBe(marked);
    await createActions(host, { store }).clearMarks();
    expect(host.cell('Kommunledning', 'F5').fill.pattern).toBe('None');
  });

  it('the connection lost after Excel applied the first marking: no mark is left', async () => {
    const { host, actions } = setup({ apiVersion: '1.9' });
    const before = host.snapshot();
    host.dropConnection({ onSync: 3, applied: true });
    const report = await actions.validate({ mark: true });
    expect(report.marks?.error).toBe('connection');
    expect(host.snapshot()).toBe(before);
  });

  it('a marking batch that breaks off half-way is put back exactly, own fills included', async () => {
    const { host, actions } = setup({ apiVersion: '1.9' });
    host.setFill('Kommunledning', 'F5', { color: '#FFFF00', pattern: 'Gray25' });
    const first = await actions.validate({ mark: true }); // first marking: the own fills are on record
    await actions.applyEdits(planFixes(first.workbook, first.result, { marker: '' }), 'action.fix'); // F5's mark must go next time
    const before = host.snapshot();
    host.beforeSync(3, () => host.protect('Kommunledning')); // between the read and the one marking batch
    const report = await actions.validate({ mark: true });
    expect(report.marks?.error).toBe('protected');
    host.protect('Kommunledning', false);
    expect(host.snapshot()).toBe(before);
    await actions.validate({ mark: true });
    expect(host.cell('Kommunledning', 'F5').fill).toMatchObject({ pattern: 'Gray25', color: '#FFFF00' });
  });

  it('a first marking that breaks off is put back exactly: a cell keeps its own fill', async () => {
    const { host, actions } = setup({ apiVersion: '1.9' });
    host.setFill('Stadsrevisionen', 'F4', { color: '#FFFF00', pattern: 'Gray25' });
    const before = host.snapshot();
    host.dropConnection({ onSync: 4, applied: true }); // the write of a first marking reaches Excel, its answer is lost
    const report = await actions.validate({ mark: true });
    expect(report.marks?.error).toBe('connection');
    expect(host.snapshot()).toBe(before);
  });
});
