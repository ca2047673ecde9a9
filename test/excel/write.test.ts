/**
 * Fixing, undo and faults through the adapter against the test host: one
 * batch per action, text stays text, exact undo (also after the pane was
 * reopened), stale fixes refused, and every injected fault leaves the
 * workbook as it was with the right ActionError code.
 */
import type { CellEdit } from '../../src/engine/finding';
import { planFixes } from '../../src/engine/fixes';
import { seedAsPastedValues, seedAsWorkbook } from '../../src/example/seed';
import { ActionError, type WorkbookActions } from '../../src/excel/actions';
import { memoryStore, type KeyValueStore } from '../../src/excel/changelog';
import { readWorkbook } from '../../src/excel/read';
import { TestHost, type TestHostOptions } from '../../src/excel/simulated';
import { createActions } from '../../src/excel/workbook-actions';
import { loadSeed } from '../helpers/seed';

function setup(options: TestHostOptions = {}, pasted = false): { host: TestHost; actions: WorkbookActions; store: KeyValueStore } {
  const seed = loadSeed();
  const host = new TestHost(pasted ? seedAsPastedValues(seed) : seedAsWorkbook(seed), options);
  const store = memoryStore();
  return { host, actions: createActions(host, { store }), store };
}

async function plannedFixes(actions: WorkbookActions, marker = '–'): Promise<CellEdit[]> {
  const report = await actions.validate({ mark: false });
  return planFixes(report.workbook, report.result, { marker, meaningless: false });
}

/** An edit of one cell from what the add-in read, for writing arbitrary text. */
async function textEdit(host: TestHost, sheet: string, cell: string, text: string): Promise<CellEdit> {
  const { workbook } = await readWorkbook(host);
  const s = workbook.sheets.find((x) => x.name === sheet);
  const m = /^([A-Z]+)(\d+)$/.exec(cell) as RegExpExecArray;
  const row = Number(m[2]) - 1;
  const col = (m[1] as string).charCodeAt(0) - 65;
  const c = s?.cells[row]?.[col];
  const before = c?.formula !== undefined ? { value: c.value, formula: c.formula } : { value: c?.value ?? null };
  return { sheet, cell, row, col, before, after: { value: text }, reason: 'missing-value' };
}

describe('fixing #DIV/0!', () => {
  it('writes the fix in one sync (after one sync that checks the cells), and the cell shows the marker', async () => {
    const { host, actions } = setup();
    const edits = await plannedFixes(actions, 'e.j.');
    expect(edits.map((e) => `${e.sheet}!${e.cell}`)).toContain('Kommunledning!F5');
    host.resetStats();
    const entry = await actions.applyEdits(edits, 'action.fix');
    expect(entry.cells).toBe(edits.length);
    const writing = host.stats.requests.filter((r) => r.writes > 0);
    expect(writing).toHaveLength(1);
    expect(host.stats.syncs).toBe(2);
    expect(host.cell('Kommunledning', 'F5')).toMatchObject({ value: 'e.j.', formula: '=IF(B5=0,"e.j.",(C5/B5-1)*100)', numberFormat: '0.0' });
    expect(host.cell('Kommunledning', 'F5').error).toBeUndefined();
    // Excel's undo stack: one step for the action.
    expect(host.stats.excelUndoSteps).toBe(1);
  });

  it('with ExcelApi 1.20 the whole action is merged into one Excel undo step', async () => {
    const { host, actions } = setup({ apiVersion: '1.20' });
    const edits = await plannedFixes(actions);
    host.resetStats();
    await actions.applyEdits(edits, 'action.fix');
    await actions.undo();
    expect(host.stats.excelUndoSteps).toBe(2);
  });

  it.each(['-', '=HYPERLINK("http://x.invalid","klicka")', '+cmd|/c calc!A0', '-3 495', '0,5', '#DIVISION/0!', "'citat", 'SANT'])(
    'writes the text %s as text, and undo gives the cell its own number format back',
    async (text) => {
      const { host, actions } = setup();
      const before = host.snapshot();
      const edit = await textEdit(host, 'Kommunledning', 'F7', text);
      await actions.applyEdits([edit], 'action.fix');
      const cell = host.cell('Kommunledning', 'F7');
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
      expect(cell.error).toBeUndefined();
      expect(cell.numberFormat).toBe('@');
      // Read back by the add-in: text, not a number, formula or error value.
      const { workbook } = await readWorkbook(host);
      expect(workbook.sheets[0]?.cells[6]?.[5]?.value).toBe(text);
      expect(workbook.sheets[0]?.cells[6]?.[5]?.formula).toBeUndefined();
      await actions.undo();
      expect(host.snapshot()).toBe(before);
      expect(host.cell('Kommunledning', 'F7').numberFormat).toBe('0.0');
    },
  );

  it("plain text keeps the cell's number format", async () => {
    const { host, actions } = setup();
    await actions.applyEdits([await textEdit(host, 'Kommunledning', 'F7', 'e.j.')], 'action.fix');
    expect(host.cell('Kommunledning', 'F7')).toMatchObject({ value: 'e.j.', numberFormat: '0.0' });
  });

  it('undo restores value, formula, number format and fill exactly: the #DIV/0! is back', async () => {
    const { host, actions } = setup({ apiVersion: '1.9' });
    host.setFill('Kommunledning', 'F5', { color: '#FFFF00' });
    const before = host.snapshot();
    const edits = await plannedFixes(actions, '');
    await actions.applyEdits(edits, 'action.fix');
    expect(host.snapshot()).not.toBe(before);
    expect(await actions.lastChange()).toMatchObject({ label: 'action.fix', cells: edits.length });
    host.resetStats();
    const undone = await actions.undo();
    expect(host.stats.syncs).toBe(2);
    expect(undone.cells).toBe(edits.length);
    expect(host.snapshot()).toBe(before);
    expect(host.cell('Kommunledning', 'F5')).toMatchObject({ error: 'DIV_BY_ZERO', formula: '=(C5/B5-1)*100', fill: { pattern: 'Solid', color: '#FFFF00' } });
    expect(await actions.lastChange()).toBeNull();
    await expect(actions.undo()).rejects.toMatchObject({ code: 'nothing-to-undo' });
  });

  it('undo works from a fresh actions object (the task pane closed and reopened)', async () => {
    const { host, actions, store } = setup();
    const before = host.snapshot();
    await actions.applyEdits(await plannedFixes(actions), 'action.fix');
    const reopened = createActions(host, { store });
    expect(await reopened.lastChange()).toMatchObject({ label: 'action.fix' });
    await reopened.undo();
    expect(host.snapshot()).toBe(before);
  });

  it('pasted #DIVISION/0! text (a table pasted as values) is fixed and restored as the same text', async () => {
    const { host, actions } = setup({}, true);
    const before = host.snapshot();
    const edits = await plannedFixes(actions, '–');
    const f5 = edits.find((e) => e.sheet === 'Kommunledning' && e.cell === 'F5');
    expect(f5?.before).toEqual({ value: '#DIVISION/0!' });
    await actions.applyEdits(edits, 'action.fix');
    expect(host.cell('Kommunledning', 'F5').value).toBe('–');
    await actions.undo();
    expect(host.snapshot()).toBe(before);
    expect(host.cell('Kommunledning', 'F5')).toMatchObject({ value: '#DIVISION/0!', numberFormat: 'General' });
  });

  it('refuses a stale fix (the sheet changed between Validera and Åtgärda) and writes nothing', async () => {
    const { host, actions } = setup();
    const edits = await plannedFixes(actions);
    host.type('Kommunledning', 'F5', '=IFERROR((C5/B5-1)*100,0)'); // a colleague fixed it their way
    const before = host.snapshot();
    await expect(actions.applyEdits(edits, 'action.fix')).rejects.toMatchObject({ code: 'stale' });
    expect(host.snapshot()).toBe(before);
    expect(await actions.lastChange()).toBeNull();
  });

  it('refuses an undo over figures typed after the fix', async () => {
    const { host, actions } = setup();
    await actions.applyEdits(await plannedFixes(actions), 'action.fix');
    host.type('Kommunledning', 'F5', 12.5);
    const before = host.snapshot();
    await expect(actions.undo()).rejects.toMatchObject({ code: 'stale' });
    expect(host.snapshot()).toBe(before);
  });
});

describe('faults in Excel leave the workbook as it was', () => {
  type Fault = [string, TestHostOptions, (host: TestHost) => void, string];
  const faults: Fault[] = [
    ['a protected sheet', {}, (h) => h.protect('Kommunledning'), 'protected'],
    ['a cell in edit mode', {}, (h) => h.setEditMode(true), 'editing'],
    ['a workbook opened read-only', { apiVersion: '1.8' }, (h) => h.setReadOnly(true), 'readonly'],
    ['the connection dropped before the write arrived', {}, (h) => h.dropConnection({ onSync: 2 }), 'connection'],
    ['the connection dropped after Excel applied the write', {}, (h) => h.dropConnection({ onSync: 2, applied: true }), 'connection'],
    ['the connection dropped while checking the cells', {}, (h) => h.dropConnection({ onSync: 1 }), 'connection'],
    ['a sheet protected between the check and the write', {}, (h) => h.beforeSync(2, () => h.protect('Kommungemensamt')), 'protected'],
    ['the workbook made read-only between the check and the write (no ExcelApi 1.8)', {}, (h) => h.beforeSync(2, () => h.setReadOnly(true)), 'protected'],
  ];

  it.each(faults)('%s → %s', async (_name, options, inject, code) => {
    const { host, actions } = setup(options);
    // Edits on two sheets, so a failure after the first sheet's writes is a half-written batch.
    const edits = [...(await plannedFixes(actions)), await textEdit(host, 'Kommungemensamt', 'A1', 'Kommungemensamt (granskad)')];
    expect(new Set(edits.map((e) => e.sheet)).size).toBe(2);
    const before = host.snapshot();
    host.resetStats();
    inject(host);
    const err = await actions.applyEdits(edits, 'action.fix').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ActionError);
    expect((err as ActionError).code).toBe(code);
    host.setEditMode(false);
    expect(host.snapshot()).toBe(before);
    expect(await actions.lastChange()).toBeNull();
  });

  it('the fix is refused on a protected sheet before anything is written (no failed write)', async () => {
    const { host, actions } = setup();
    const edits = await plannedFixes(actions);
    host.protect('Kommunledning');
    host.resetStats();
    await expect(actions.applyEdits(edits, 'action.fix')).rejects.toMatchObject({ code: 'protected' });
    expect(host.stats.requests.filter((r) => r.writes > 0)).toHaveLength(0);
    expect(host.stats.syncs).toBe(1);
  });

  it('a lost connection that outlasts the restore keeps the action on the log; Ångra puts the cells back later', async () => {
    const { host, actions, store } = setup();
    const edits = [...(await plannedFixes(actions)), await textEdit(host, 'Kommungemensamt', 'A1', 'Ny rubrik')];
    const before = host.snapshot();
    host.resetStats();
    host.dropConnection({ onSync: 2, applied: true, lasting: 2 }); // the write and the attempt to put it back
    await expect(actions.applyEdits(edits, 'action.fix')).rejects.toMatchObject({ code: 'connection' });
    expect(host.snapshot()).not.toBe(before); // Excel applied it; we could not reach it to restore
    const reopened = createActions(host, { store });
    expect(await reopened.lastChange()).toMatchObject({ label: 'action.fix', cells: edits.length });
    await reopened.undo();
    expect(host.snapshot()).toBe(before);
  });

  it('an undo that fails half-way is put back too, and can be retried', async () => {
    const { host, actions } = setup();
    const edits = [...(await plannedFixes(actions)), await textEdit(host, 'Kommungemensamt', 'A1', 'Ny rubrik')];
    const original = host.snapshot();
    await actions.applyEdits(edits, 'action.fix');
    const fixed = host.snapshot();
    host.resetStats();
    host.beforeSync(2, () => host.protect('Kommungemensamt'));
    await expect(actions.undo()).rejects.toMatchObject({ code: 'protected' });
    expect(host.snapshot().replace(/"protected":true/g, '"protected":false')).toBe(fixed.replace(/"protected":true/g, '"protected":false'));
    host.protect('Kommungemensamt', false);
    await actions.undo();
    expect(host.snapshot()).toBe(original);
  });

  it('select activates the sheet and selects the cell; an unknown sheet says stale', async () => {
    const { host, actions } = setup();
    await actions.select('Stadsrevisionen', 'F5');
    expect(host.selection).toEqual({ sheet: 'Stadsrevisionen', address: 'F5' });
    expect(host.activeSheet).toBe('Stadsrevisionen');
    await expect(actions.select('Finns inte', 'A1')).rejects.toMatchObject({ code: 'stale' });
  });
});
