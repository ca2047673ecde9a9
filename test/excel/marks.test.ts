/**
 * Marks. With ExcelApi 1.9: one conditional format per sheet and severity
 * over the finding cells, in 1 round trip after the read, the cells' own
 * formatting never written, so clearing is exact by construction, also after
 * a batch that broke off half-way. Without it (Excel 2019): fills, each
 * cell's own fill put back exactly. Notes where ExcelApi 1.18.
 */
import type { Finding, Severity } from '../../src/engine/finding';
import { seedAsWorkbook } from '../../src/example/seed';
import type { SheetGrid, WorkbookGrid } from '../../src/engine/grid';
import { memoryStore, ChangeLog, type KeyValueStore } from '../../src/excel/changelog';
import { markAddresses, MARK_ADDRESS_LIMIT } from '../../src/excel/mark-formats';
import { contrastRatio, MARK_COLORS, MARK_FORMULA } from '../../src/excel/marks';
import { TestHost, type FormatSnapshot, type TestHostOptions } from '../../src/excel/simulated';
import { createActions } from '../../src/excel/workbook-actions';
import { planFixes } from '../../src/engine/fixes';
import { loadSeed } from '../helpers/seed';

function setup(options: TestHostOptions = {}, store: KeyValueStore = memoryStore(), workbook: WorkbookGrid = seedAsWorkbook(loadSeed())) {
  const host = new TestHost(workbook, options);
  return { host, store, actions: createActions(host, { store }) };
}

/** The same workbook (sheets as they are now) opened in another Excel. */
function reopen(from: TestHost, options: TestHostOptions, store: KeyValueStore) {
  const host = new TestHost({ sheets: [] }, options);
  host.sheets.push(...from.sheets);
  return { host, actions: createActions(host, { store }) };
}

const log = (host: TestHost, store: KeyValueStore) => new ChangeLog(store, ChangeLog.keyFor(host.documentUrl())).load();

function ourFormats(host: TestHost): (FormatSnapshot & { sheet: string })[] {
  return host.sheets.flatMap((s) =>
    host
      .conditionalFormats(s.name)
      .filter((f) => f.formula === MARK_FORMULA)
      .map((f) => ({ ...f, sheet: s.name })),
  );
}

const ORDER: Severity[] = ['error', 'warning', 'info'];

/** Each finding cell with its worst severity. */
function worst(findings: readonly Finding[]): Map<string, { sheet: string; cell: string; severity: Severity }> {
  const out = new Map<string, { sheet: string; cell: string; severity: Severity }>();
  for (const f of findings) {
    const k = `${f.sheet}!${f.cell}`;
    const w = out.get(k);
    if (w === undefined || ORDER.indexOf(f.severity) < ORDER.indexOf(w.severity)) out.set(k, { sheet: f.sheet, cell: f.cell, severity: f.severity });
  }
  return out;
}

describe('marks', () => {
  it('the palette reads with black text (light theme) and white text (dark theme) at 4.5:1 or more', () => {
    for (const color of Object.values(MARK_COLORS)) {
      expect(contrastRatio(color, '#000000')).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(color, '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
    }
    expect(new Set(Object.values(MARK_COLORS)).size).toBe(3);
  });

  it("address lists: a column's consecutive rows as one area, each list within the limit, every cell once", () => {
    const cells = ['F5', 'F6', 'F7', 'F9', 'H5', 'F5', 'AA100'];
    expect(markAddresses(cells)).toEqual(['F5:F7,F9,H5,AA100']);
    const many = Array.from({ length: 400 }, (_, i) => `F${5 + 2 * i}`); // every other row of a long RN table
    const lists = markAddresses(many);
    expect(lists.length).toBeGreaterThan(1);
    for (const l of lists) expect(l.length).toBeLessThanOrEqual(MARK_ADDRESS_LIMIT);
    expect(lists.join(',').split(',').sort()).toEqual([...many].sort());
  });
});

describe('marks with conditional formats (ExcelApi 1.9)', () => {
  it('a first Validera marks every finding cell in 1 round trip after the read, writing no cell; clearMarks takes every mark away: the workbook is exactly as before', async () => {
    const { host, actions } = setup({ apiVersion: '1.9' });
    host.setFill('Kommunledning', 'F5', { color: '#FFFFFF' }); // white fill is not no fill
    host.setFill('Kommungemensamt', 'F4', { color: '#FFFF00' });
    host.setFill('Stadsrevisionen', 'F4', { color: '#00B0F0', pattern: 'Gray25' });
    host.addConditionalFormat('Kommunledning', 'B4:E30', { type: 'CellValue', fill: '#FFC7CE' }); // the economist's own rule
    const ownRule = (): unknown =>
      host
        .conditionalFormats('Kommunledning')
        .filter((f) => f.type === 'CellValue')
        .map((f) => f.ranges);
    const before = host.snapshot();
    const cellsBefore = JSON.stringify(host.sheets.map((s) => s.rows));

    host.resetStats();
    const report = await actions.validate({ mark: true });
    expect(report.read?.syncs).toBe(3);
    expect(host.stats.syncs).toBe(4); // read 3, mark 1
    const marked = worst(report.result.findings);
    expect(report.marks).toEqual({ cells: marked.size, skippedSheets: [] });
    for (const m of marked.values()) expect(host.displayedFill(m.sheet, m.cell)).toMatchObject({ pattern: 'Solid', color: MARK_COLORS[m.severity] });
    expect(host.displayedFill('Kommunledning', 'F6').pattern).toBe('None'); // not a finding
    expect(JSON.stringify(host.sheets.map((s) => s.rows))).toBe(cellsBefore); // no cell's own fill, value or format written
    // One format per sheet and severity, over exactly the finding cells.
    const formats = ourFormats(host);
    expect(formats.map((f) => `${f.sheet}: ${f.ranges} ${f.fill}`).sort()).toEqual([
      `Kommungemensamt: F4,F11,F13,F17:F18 ${MARK_COLORS.warning}`,
      `Kommunledning: F3,F27 ${MARK_COLORS.warning}`,
      `Kommunledning: F5 ${MARK_COLORS.error}`,
      `Kommunstyrelseförvaltning: F15 ${MARK_COLORS.warning}`,
      `Stadsrevisionen: F4 ${MARK_COLORS.warning}`,
      `Valnämnden: F10 ${MARK_COLORS.warning}`,
    ]);
    expect(ownRule()).toEqual(['B4:E30']);

    // Validating again replaces the formats in 1 batch: the old ones (found by signature) deleted, new ones added.
    host.resetStats();
    await actions.validate({ mark: true });
    expect(host.stats.syncs).toBe(4);
    const again = ourFormats(host);
    expect(again.map((f) => f.ranges).sort()).toEqual(formats.map((f) => f.ranges).sort());
    expect(again).toHaveLength(formats.length);
    expect(ownRule()).toEqual(['B4:E30']);

    host.resetStats();
    await actions.clearMarks();
    expect(host.stats.syncs).toBe(3); // list the sheets, look at every sheet's formats, delete ours
    expect(host.snapshot()).toBe(before);
    expect(host.displayedFill('Stadsrevisionen', 'F4')).toMatchObject({ pattern: 'Gray25', color: '#00B0F0' });
  });

  it('the marks are on record and survive closing and reopening the pane: a fresh actions object clears them', async () => {
    const { host, actions, store } = setup({ apiVersion: '1.9' });
    const before = host.snapshot();
    await actions.validate({ mark: true });
    const stored = await log(host, store);
    expect(stored.formats?.map((f) => `${f.sheet}: ${f.address}`).sort()).toEqual(
      ourFormats(host)
        .map((f) => `${f.sheet}: ${f.ranges}`)
        .sort(),
    );
    expect(stored.marks).toEqual([]);
    await createActions(host, { store }).clearMarks();
    expect(host.snapshot()).toBe(before);
    expect((await log(host, store)).formats).toEqual([]);
  });

  it('a fixed cell loses its mark at the next validation; the undo brings the finding and its mark back; clearing is exact', async () => {
    const { host, actions } = setup({ apiVersion: '1.9' });
    const before = host.snapshot();
    const report = await actions.validate({ mark: true });
    expect(host.displayedFill('Kommunledning', 'F5').color).toBe(MARK_COLORS.error);
    await actions.applyEdits(planFixes(report.workbook, report.result, { marker: '' }), 'action.fix');
    await actions.validate({ mark: true });
    expect(host.displayedFill('Kommunledning', 'F5').pattern).toBe('None');
    await actions.undo();
    await actions.validate({ mark: true });
    expect(host.displayedFill('Kommunledning', 'F5').color).toBe(MARK_COLORS.error);
    await actions.clearMarks();
    expect(host.snapshot()).toBe(before);
  });

  it('a cell the economist recoloured while it was marked shows their colour once the mark goes, and keeps it after clearing', async () => {
    const { host, actions } = setup({ apiVersion: '1.9' });
    const first = await actions.validate({ mark: true });
    host.setFill('Kommunledning', 'F5', { color: '#92D050' });
    host.setFill('Stadsrevisionen', 'F4', { color: '#92D050' });
    expect(host.displayedFill('Kommunledning', 'F5').color).toBe(MARK_COLORS.error); // the mark shows over it meanwhile
    await actions.applyEdits(planFixes(first.workbook, first.result, { marker: '' }), 'action.fix'); // F5 is no longer a finding
    await actions.validate({ mark: true });
    expect(host.displayedFill('Kommunledning', 'F5')).toMatchObject({ pattern: 'Solid', color: '#92D050' });
    await actions.clearMarks();
    expect(host.displayedFill('Stadsrevisionen', 'F4')).toMatchObject({ pattern: 'Solid', color: '#92D050' });
    expect(ourFormats(host)).toEqual([]);
  });

  it('many findings on one sheet: the address list is split over several formats, every cell marked', async () => {
    const seed = seedAsWorkbook(loadSeed());
    const sheet = seed.sheets[0] as SheetGrid;
    const long: SheetGrid = { name: 'Lång tabell', cells: [[{ value: 'RN3' }, { value: 'Bokslut' }, { value: 'Utfall' }, { value: 'Budget' }, { value: 'Avv Budg o Utf' }, { value: 'Förändr%' }]] };
    for (let i = 0; i < 240; i++) {
      const r = i + 1;
      // Every other unit new this year: #DIVISION/0! pasted as a value (an error finding each).
      long.cells[r] = [
        { value: `K${String(i).padStart(3, '0')}   Enhet ${i}` },
        { value: i % 2 === 0 ? 0 : -100 - i },
        { value: -200 - i },
        { value: -210 - i },
        { value: 10 },
        i % 2 === 0 ? { value: '#DIVISION/0!', error: 'DIV_BY_ZERO', errorIsText: true } : { value: Math.round(((200 + i) / (100 + i) - 1) * 1000) / 10 },
      ];
    }
    const { host, actions } = setup({ apiVersion: '1.9' }, memoryStore(), { sheets: [sheet, long] });
    const before = host.snapshot();
    host.resetStats();
    const report = await actions.validate({ mark: true });
    expect(host.stats.syncs).toBe(4);
    const marked = [...worst(report.result.findings).values()].filter((m) => m.sheet === 'Lång tabell');
    expect(marked.length).toBeGreaterThanOrEqual(120);
    const formats = ourFormats(host).filter((f) => f.sheet === 'Lång tabell');
    expect(formats.length).toBeGreaterThan(1);
    for (const f of formats) expect(f.ranges.length).toBeLessThanOrEqual(MARK_ADDRESS_LIMIT);
    for (const m of marked) expect(host.displayedFill(m.sheet, m.cell).color).toBe(MARK_COLORS[m.severity]);
    await actions.clearMarks();
    expect(host.snapshot()).toBe(before);
  });

  it('a protected sheet is left unmarked and said so; the findings are still reported', async () => {
    const { host, actions } = setup({ apiVersion: '1.9' });
    host.protect('Kommunledning');
    const report = await actions.validate({ mark: true });
    expect(report.marks?.skippedSheets).toEqual(['Kommunledning']);
    expect(report.result.findings.some((f) => f.sheet === 'Kommunledning')).toBe(true);
    expect(host.displayedFill('Kommunledning', 'F5').pattern).toBe('None');
    expect(host.displayedFill('Stadsrevisionen', 'F4').color).toBe(MARK_COLORS.warning);
  });

  it('a read-only workbook is not marked, and the reason is given', async () => {
    const { host, actions } = setup({ apiVersion: '1.9' });
    host.setReadOnly(true);
    const before = host.snapshot();
    const report = await actions.validate({ mark: true });
    expect(report.marks?.error).toBe('readonly');
    expect(host.snapshot()).toBe(before);
  });

  it('marking that fails (a cell being edited) returns the findings with the reason, and leaves no mark', async () => {
    const { host, actions } = setup({ apiVersion: '1.9' });
    const before = host.snapshot();
    host.beforeSync(4, () => host.setEditMode(true));
    const report = await actions.validate({ mark: true });
    host.setEditMode(false);
    expect(report.marks?.error).toBe('editing');
    expect(report.result.findings.length).toBeGreaterThan(0);
    expect(host.snapshot()).toBe(before);
  });

  it('a first marking that breaks off half-way (a sheet protected meanwhile) is taken away by signature: the workbook is exactly as before', async () => {
    const { host, actions, store } = setup({ apiVersion: '1.9' });
    host.setFill('Stadsrevisionen', 'F4', { color: '#FFFF00', pattern: 'Gray25' });
    host.addConditionalFormat('Kommungemensamt', 'F4:F20', { formula: '=TRUE', fill: '#CE473D' }); // theirs, even in our colour: another rule
    const before = host.snapshot();
    host.resetStats();
    host.beforeSync(4, () => host.protect('Stadsrevisionen')); // between the read and the one marking batch
    const report = await actions.validate({ mark: true });
    expect(report.marks?.error).toBe('protected');
    // The batch added the formats of the sheets before Stadsrevisionen, then stopped; their ids never arrived.
    expect(host.stats.requests[3]?.failed).toBe('AccessDenied');
    expect(host.stats.requests[3]?.writes).toBeGreaterThan(0);
    expect(host.stats.syncs).toBe(6); // read 3, the failed batch, then 2 to find our formats by signature and delete them
    host.protect('Stadsrevisionen', false);
    expect(host.snapshot()).toBe(before);
    // The sheet it could not reach stays on record (without an id): looked at again by signature next time.
    expect((await log(host, store)).formats).toEqual([{ sheet: 'Stadsrevisionen', address: 'F4', color: MARK_COLORS.warning }]);
    await actions.validate({ mark: true });
    expect(host.displayedFill('Stadsrevisionen', 'F4').color).toBe(MARK_COLORS.warning);
    expect(ourFormats(host).filter((f) => f.sheet === 'Stadsrevisionen')).toHaveLength(1);
    await actions.clearMarks();
    expect(host.snapshot()).toBe(before);
  });

  it("the connection lost after Excel applied a re-validation's batch: old and new marks are taken away, the cells as they were", async () => {
    const { host, actions, store } = setup({ apiVersion: '1.9' });
    host.setFill('Kommunledning', 'F5', { color: '#FFFF00' });
    const before = host.snapshot();
    await actions.validate({ mark: true });
    host.dropConnection({ onSync: 4, applied: true });
    const report = await actions.validate({ mark: true });
    expect(report.marks?.error).toBe('connection');
    expect(host.snapshot()).toBe(before);
    expect(await log(host, store)).toMatchObject({ formats: [], marks: [] });
    await createActions(host, { store }).validate({ mark: true });
    expect(ourFormats(host)).toHaveLength(6);
  });

  it('when the recovery cannot reach Excel either, every format that may be ours stays on record and the next Validera removes it: no mark twice', async () => {
    const { host, actions, store } = setup({ apiVersion: '1.9' });
    const before = host.snapshot();
    host.dropConnection({ onSync: 4, applied: true, lasting: 3 }); // the batch applied, its answer and the recovery lost
    const report = await actions.validate({ mark: true });
    expect(report.marks?.error).toBe('connection');
    expect(ourFormats(host)).toHaveLength(6);
    const pending = (await log(host, store)).formats ?? [];
    expect(pending).toHaveLength(6);
    expect(pending.every((f) => f.id === undefined)).toBe(true);
    host.resetStats();
    const again = await actions.validate({ mark: true });
    expect(again.marks?.error).toBeUndefined();
    expect(host.stats.syncs).toBe(4); // the read found them by signature; deleted in the one marking batch
    expect(ourFormats(host)).toHaveLength(6);
    await actions.clearMarks();
    expect(host.snapshot()).toBe(before);
  });

  it('the pane closed during the marking batch: the formats written ahead are found by signature after reopening and cleared', async () => {
    const { host, actions, store } = setup({ apiVersion: '1.9' });
    const before = host.snapshot();
    host.closePane({ onSync: 4, applied: true });
    void actions.validate({ mark: true }); // never answers
    await new Promise((r) => setTimeout(r, 20));
    expect(ourFormats(host)).toHaveLength(6);
    await createActions(host, { store }).clearMarks();
    expect(host.snapshot()).toBe(before);
  });

  it('a sheet deleted after it was marked: clearing takes the other marks away and forgets its records', async () => {
    const { host, actions, store } = setup({ apiVersion: '1.9' });
    await actions.validate({ mark: true });
    host.sheets.splice(
      host.sheets.findIndex((s) => s.name === 'Valnämnden'),
      1,
    );
    await actions.clearMarks();
    expect(ourFormats(host)).toEqual([]);
    expect((await log(host, store)).formats).toEqual([]);
  });

  it("notes with the message where ExcelApi 1.18 allows (marking 2 syncs); the economist's own note is kept; turning notes off removes ours", async () => {
    const { host, actions } = setup({ apiVersion: '1.18' });
    host.sheet('Kommunledning').notes.set('F27', 'Egen anteckning');
    const before = host.snapshot();
    host.resetStats();
    const report = await actions.validate({ mark: true, notes: true, lang: 'sv' });
    expect(host.stats.syncs).toBe(5); // read 3; the notes, then one batch with notes and formats
    expect(report.result.findings.some((f) => f.sheet === 'Kommunledning' && f.cell === 'F5')).toBe(true);
    expect(host.cell('Kommunledning', 'F5').note?.length).toBeGreaterThan(5);
    expect(host.cell('Kommunledning', 'F27').note).toBe('Egen anteckning');
    expect(host.displayedFill('Kommunledning', 'F27').color).toBe(MARK_COLORS.warning);
    await actions.validate({ mark: true, notes: false, lang: 'sv' });
    expect(host.cell('Kommunledning', 'F5').note).toBeUndefined();
    expect(host.cell('Kommunledning', 'F27').note).toBe('Egen anteckning');
    await actions.validate({ mark: true, notes: true, lang: 'sv' });
    await actions.clearMarks();
    expect(host.snapshot()).toBe(before);
  });

  it('a marking batch with notes that breaks off: notes put back, formats taken away by signature', async () => {
    const { host, actions } = setup({ apiVersion: '1.18' });
    const before = host.snapshot();
    host.beforeSync(5, () => host.protect('Valnämnden')); // the last sheet: the batch wrote the others' notes and formats first
    const report = await actions.validate({ mark: true, notes: true, lang: 'sv' });
    expect(report.marks?.error).toBe('protected');
    host.protect('Valnämnden', false);
    expect(host.snapshot()).toBe(before);
  });
});

describe('marks made by filling cells (the previous version, and Excel without ExcelApi 1.9)', () => {
  it('without ExcelApi 1.9 (Excel 2019) cells are filled: a first marking reads the own fills, then writes; re-validating is one batch; clearing restores every fill', async () => {
    const { host, actions } = setup({ apiVersion: '1.8' });
    host.setFill('Kommunledning', 'F5', { color: '#FFFF00' });
    const before = host.snapshot();
    host.resetStats();
    const report = await actions.validate({ mark: true });
    expect(host.stats.syncs).toBe(5);
    for (const m of worst(report.result.findings).values()) expect(host.cell(m.sheet, m.cell).fill).toMatchObject({ pattern: 'Solid', color: MARK_COLORS[m.severity] });
    host.resetStats();
    await actions.validate({ mark: true });
    expect(host.stats.syncs).toBe(4);
    await actions.clearMarks();
    expect(host.snapshot()).toBe(before);
    expect(host.cell('Kommunledning', 'F5').fill).toMatchObject({ pattern: 'Solid', color: '#FFFF00' });
  });

  it('without ExcelApi 1.9 a first marking that breaks off is put back exactly: a cell keeps its own fill', async () => {
    const { host, actions } = setup({ apiVersion: '1.8' });
    host.setFill('Stadsrevisionen', 'F4', { color: '#FFFF00' });
    const before = host.snapshot();
    host.dropConnection({ onSync: 5, applied: true }); // the write of a first marking reaches Excel, its answer is lost
    const report = await actions.validate({ mark: true });
    expect(report.marks?.error).toBe('connection');
    expect(host.snapshot()).toBe(before);
  });

  it('without ExcelApi 1.9 a mark recoloured by hand is left as they coloured it', async () => {
    const { host, actions } = setup({ apiVersion: '1.8' });
    await actions.validate({ mark: true });
    host.setFill('Kommunledning', 'F5', { color: '#92D050' });
    await actions.clearMarks();
    expect(host.cell('Kommunledning', 'F5').fill).toMatchObject({ pattern: 'Solid', color: '#92D050' });
  });

  it('a workbook marked by filling, opened where ExcelApi 1.9 is supported: the fills go back exactly and conditional formats mark instead; clearing leaves it as before', async () => {
    const store = memoryStore();
    const old = setup({ apiVersion: '1.8' }, store);
    old.host.setFill('Kommunledning', 'F5', { color: '#FFFF00' });
    old.host.setFill('Stadsrevisionen', 'F4', { color: '#00B0F0' });
    const before = old.host.snapshot();
    await old.actions.validate({ mark: true });
    expect((await log(old.host, store)).marks.length).toBeGreaterThan(0);

    const { host, actions } = reopen(old.host, { apiVersion: '1.9' }, store);
    host.resetStats();
    const report = await actions.validate({ mark: true });
    expect(report.marks?.error).toBeUndefined();
    expect(host.stats.syncs).toBe(6); // read 3, the filled marks cleared as they were made (2, once), mark 1
    expect(host.cell('Kommunledning', 'F5').fill).toMatchObject({ pattern: 'Solid', color: '#FFFF00' });
    expect(host.displayedFill('Kommunledning', 'F5').color).toBe(MARK_COLORS.error);
    expect(await log(host, store)).toMatchObject({ marks: [] });
    host.resetStats();
    await actions.validate({ mark: true });
    expect(host.stats.syncs).toBe(4);
    await actions.clearMarks();
    expect(host.snapshot()).toBe(before);
  });

  it('records written by the previous version are cleared exactly as before, also by "Ta bort markeringar" alone', async () => {
    const store = memoryStore();
    const old = setup({ apiVersion: '1.8' }, store);
    old.host.setFill('Kommungemensamt', 'F11', { color: '#00B0F0' });
    const before = old.host.snapshot();
    await old.actions.validate({ mark: true });
    const { host, actions } = reopen(old.host, { apiVersion: '1.18' }, store);
    host.setFill('Kommunledning', 'F5', { color: '#92D050' }); // recoloured by hand after the old marking: theirs
    await actions.clearMarks();
    expect(host.cell('Kommunledning', 'F5').fill).toMatchObject({ color: '#92D050' });
    host.setFill('Kommunledning', 'F5', null);
    expect(host.snapshot()).toBe(before);
  });

  it('marks made with conditional formats, the workbook then opened in Excel 2019: the formats are deleted by id before it fills', async () => {
    const store = memoryStore();
    const modern = setup({ apiVersion: '1.9' }, store);
    const before = modern.host.snapshot();
    await modern.actions.validate({ mark: true });
    const { host, actions } = reopen(modern.host, { apiVersion: '1.8' }, store);
    await actions.validate({ mark: true });
    expect(ourFormats(host)).toEqual([]);
    expect(host.cell('Kommunledning', 'F5').fill.color).toBe(MARK_COLORS.error);
    await actions.clearMarks();
    expect(host.snapshot()).toBe(before);
  });
});
