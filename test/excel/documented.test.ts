/**
 * The adapter against the simulated Excel where it is as strict as
 * Microsoft's documentation: each describe names the page whose behaviour
 * the simulated Excel follows (see src/excel/simulated/README.md), and each
 * test failed before the adapter followed it.
 */
import { TEMPLATE_SHEET } from '../../src/engine/commentary/templates';
import { COMMENTS_SHEET } from '../../src/engine/commentary/layout';
import type { WorkbookGrid } from '../../src/engine/grid';
import { seedAsWorkbook } from '../../src/example/seed';
import { ActionError, type WorkbookActions } from '../../src/excel/actions';
import { parseRect, rectAddress } from '../../src/excel/address';
import { ChangeLog, INDEX_KEY, MAX_DOCUMENTS, memoryStore } from '../../src/excel/changelog';
import { browserStore } from '../../src/excel/storage';
import { simulatedStorageEnvironment } from '../../src/excel/simulated/storage';
import { classifyError } from '../../src/excel/errors';
import { HostError, TestHost, type TestHostOptions } from '../../src/excel/simulated';
import { createActions } from '../../src/excel/workbook-actions';
import { createExcelActionsWhenReady } from '../../src/excel/office';
import { translate } from '../../src/engine/i18n';
import { draftsFor, planCommentsWrite } from '../../src/taskpane/comments';
import { DEFAULT_SETTINGS } from '../../src/taskpane/settings';
import { loadSeed } from '../helpers/seed';

function withTemplate(grid: WorkbookGrid): WorkbookGrid {
  return { sheets: [...grid.sheets, { name: TEMPLATE_SHEET, cells: [[{ value: 'Mall' }]] }] };
}

function setup(options: TestHostOptions = {}, grid: WorkbookGrid = seedAsWorkbook(loadSeed())): { host: TestHost; actions: WorkbookActions } {
  const host = new TestHost(grid, options);
  return { host, actions: createActions(host, { store: memoryStore() }) };
}

async function writeComments(actions: WorkbookActions): Promise<void> {
  const report = await actions.validate({ mark: false });
  const plan = planCommentsWrite(report, draftsFor(report, DEFAULT_SETTINGS, 'sv'), 'sv');
  await actions.applyEdits(plan.edits, 'action.comments', plan.options);
}

// learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities: Worksheet.delete is not
// undoable on any platform, Worksheet.visibility not on Windows and Mac; in a merged undo group they throw UndoNotSupported.
describe('undo groups (ExcelApi 1.20): sheet deletion and visibility stay out of the merged group', () => {
  it.each(['windows', 'mac', 'web'] as const)('on %s: the Kommentarer write hides the template sheet, and Ångra deletes the sheet it added', async (platform) => {
    const { host, actions } = setup({ apiVersion: '1.20', platform }, withTemplate(seedAsWorkbook(loadSeed())));
    const before = host.snapshot();
    await writeComments(actions);
    expect(host.sheet(TEMPLATE_SHEET).visibility).toBe('Hidden');
    expect(host.hasSheet(COMMENTS_SHEET)).toBe(true);
    await actions.undo();
    expect(host.hasSheet(COMMENTS_SHEET)).toBe(false);
    expect(host.snapshot()).toBe(before);
  });

  it('the simulated Excel refuses them inside a merged group, as documented', async () => {
    const host = new TestHost(withTemplate(seedAsWorkbook(loadSeed())), { apiVersion: '1.20', platform: 'windows' });
    const hide = host.run(
      async (context) => {
        context.workbook.worksheets.getItem(TEMPLATE_SHEET).visibility = 'Hidden';
        await context.sync();
      },
      { mergeUndoGroup: true },
    );
    await expect(hide).rejects.toMatchObject({ code: 'UndoNotSupported' });
    const remove = host.run(
      async (context) => {
        context.workbook.worksheets.getItem(TEMPLATE_SHEET).delete();
        await context.sync();
      },
      { mergeUndoGroup: true },
    );
    await expect(remove).rejects.toMatchObject({ code: 'UndoNotSupported' });
  });
});

// learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling (Excel error codes).
describe('Office.js error codes become clear messages in Swedish and English', () => {
  it.each([
    ['UndoNotSupported', 'undo-unsupported'],
    ['InactiveWorkbook', 'inactive-workbook'],
    ['InvalidArgument', 'invalid-argument'],
  ])('%s → %s', (code, mapped) => {
    expect(classifyError(new HostError(code, 'x'))).toBe(mapped);
    const sv = translate(`action-error.${mapped}`, 'sv');
    const en = translate(`action-error.${mapped}`, 'en');
    expect(sv).not.toBe(`action-error.${mapped}`);
    expect(en).not.toBe(sv);
    expect(new ActionError(classifyError(new HostError(code, 'x'))).code).toBe(mapped);
  });
});

// learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member
describe('a very hidden sheet cannot be deleted', () => {
  it('the simulated Excel refuses it until its visibility is changed', async () => {
    const host = new TestHost(withTemplate(seedAsWorkbook(loadSeed())));
    host.sheet(TEMPLATE_SHEET).visibility = 'VeryHidden';
    const remove = (): Promise<void> =>
      host.run(async (context) => {
        context.workbook.worksheets.getItem(TEMPLATE_SHEET).delete();
        await context.sync();
      });
    await expect(remove()).rejects.toMatchObject({ code: 'InvalidOperation' });
    host.sheet(TEMPLATE_SHEET).visibility = 'Hidden';
    await remove();
    expect(host.hasSheet(TEMPLATE_SHEET)).toBe(false);
  });
});

// learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-id-member:
// the id is the format's priority in its collection, and a new format goes on top: ids shift.
describe('conditional-format ids are positions: marks are recognised by their signature only', () => {
  it('a rule the economist adds after Validera keeps its place when the marks are replaced and cleared', async () => {
    const { host, actions } = setup({ apiVersion: '1.9' });
    await actions.validate({ mark: true });
    const ours = host.conditionalFormats('Kommunledning').length;
    expect(ours).toBeGreaterThan(0);
    // On top: it takes id "0", and every mark's id moves down by one.
    host.addConditionalFormat('Kommunledning', 'B4:E30', { type: 'CellValue', fill: '#FFC7CE' });
    host.addConditionalFormat('Kommunledning', 'A1:A3', { formula: '=TRUE', fill: '#00FF00' });
    const theirs = (): string[] =>
      host
        .conditionalFormats('Kommunledning')
        .filter((f) => f.fill === '#FFC7CE' || f.fill === '#00FF00')
        .map((f) => f.ranges);
    await actions.validate({ mark: true });
    expect(theirs()).toEqual(['A1:A3', 'B4:E30']);
    await actions.clearMarks();
    expect(theirs()).toEqual(['A1:A3', 'B4:E30']);
    expect(host.conditionalFormats('Kommunledning')).toHaveLength(2);
  });

  it('the simulated Excel hands out positional ids', async () => {
    const host = new TestHost(seedAsWorkbook(loadSeed()), { apiVersion: '1.9' });
    const first = host.addConditionalFormat('Kommunledning', 'F5', { formula: '=TRUE', fill: '#CE473D' });
    const second = host.addConditionalFormat('Kommunledning', 'F6', { formula: '=TRUE', fill: '#4279AF' });
    expect([first, second]).toEqual(['0', '0']);
    expect(host.conditionalFormats('Kommunledning').map((f) => `${f.id} ${f.ranges}`)).toEqual(['0 F6', '1 F5']);
  });
});

// learn.microsoft.com/javascript/api/office-runtime/officeruntime.storage: 10 MB per domain, shared by add-ins;
// the log can be evicted or lost. Marks are found by signature on every sheet.
describe('marks are never orphaned when the change log is lost', () => {
  it('a fresh change log (storage cleared) still clears every mark on every sheet', async () => {
    const { host, actions } = setup({ apiVersion: '1.9' });
    const before = host.snapshot();
    await actions.validate({ mark: true });
    expect(host.snapshot()).not.toBe(before);
    const afresh = createActions(host, { store: memoryStore() });
    await afresh.clearMarks();
    expect(host.snapshot()).toBe(before);
  });

  it('a Validera with a fresh change log replaces the marks instead of adding a second set', async () => {
    const { host, actions } = setup({ apiVersion: '1.9' });
    await actions.validate({ mark: true });
    const marked = JSON.stringify(host.sheets.map((s) => host.conditionalFormats(s.name)));
    await createActions(host, { store: memoryStore() }).validate({ mark: true });
    expect(JSON.stringify(host.sheets.map((s) => host.conditionalFormats(s.name)))).toBe(marked);
  });
});

// learn.microsoft.com/office/dev/add-ins/excel/excel-data-types-concepts: an entity or linked entity has
// basicType "Error" and basicValue "#VALUE!" in valuesAsJson; the cell shows its text.
describe('linked data types are read by basicType', () => {
  it('a Geography cell beside a table is its text, never an error finding (ExcelApi 1.16)', async () => {
    const { host, actions } = setup({ apiVersion: '1.16' });
    host.setDataType('Kommunledning', 'H5', 'Stockholm');
    const report = await actions.validate({ mark: false });
    const sheet = report.workbook.sheets.find((s) => s.name === 'Kommunledning');
    expect(sheet?.cells[4]?.[7]).toEqual({ value: 'Stockholm' });
    expect(report.result.findings.filter((f) => f.sheet === 'Kommunledning' && f.cell === 'H5')).toEqual([]);
  });
});

// Excel writes the address of a range spanning every row as `A:F`, every column as `1:3`.
describe('used ranges of whole columns and rows', () => {
  it('the simulated Excel gives whole-column addresses, and the reader parses them', async () => {
    const grid: WorkbookGrid = { sheets: [{ name: 'Lång', cells: [[{ value: 'Rubrik' }, { value: 2 }]] }] };
    const host = new TestHost(grid);
    host.type('Lång', 'B1048576', 7);
    let address = '';
    await host.run(async (context) => {
      const used = context.workbook.worksheets.getItem('Lång').getUsedRangeOrNullObject(true);
      used.load('address');
      await context.sync();
      address = used.address;
    });
    expect(address).toBe('Lång!A:B');
    expect(parseRect(address)).toEqual({ top: 0, left: 0, bottom: 1048575, right: 1 });
  });

  it.each([
    ['Blad1!A:F', { top: 0, left: 0, bottom: 1048575, right: 5 }],
    ["'Blad 1'!$1:$3", { top: 0, left: 0, bottom: 2, right: 16383 }],
    ['B3:F20', { top: 2, left: 1, bottom: 19, right: 5 }],
  ])('parses %s', (address, rect) => {
    expect(parseRect(address)).toEqual(rect);
    expect(parseRect(rectAddress(rect))).toEqual(rect);
  });
});

// learn.microsoft.com/javascript/api/office-runtime/officeruntime.storage: SharedRuntime 1.1, 10 MB per domain.
describe('the change log is stored where Office allows, within its quota', () => {
  it('without the shared runtime (Office 2019) OfficeRuntime.storage is not used, even where the object exists: local storage instead', async () => {
    const env = simulatedStorageEnvironment({ sharedRuntime: false });
    const store = browserStore(env);
    expect(store.kind).toBe('local-storage');
    await store.set('k', 'v');
    expect(env.local.getItem('k')).toBe('v');
    expect(env.runtime.items.size).toBe(0);
  });

  it('with the shared runtime OfficeRuntime.storage; on the web local storage is keyed by the partition key', async () => {
    expect(browserStore(simulatedStorageEnvironment({ sharedRuntime: true })).kind).toBe('office-runtime');
    const web = simulatedStorageEnvironment({ sharedRuntime: false, partitionKey: 'p1:' });
    await browserStore(web).set('k', 'v');
    expect(web.local.getItem('p1:k')).toBe('v');
  });

  it('over the quota the least recently used documents lose their logs, and the current document is saved', async () => {
    const env = simulatedStorageEnvironment({ sharedRuntime: true, runtimeQuota: 400_000 });
    const store = browserStore(env);
    const big = { version: 1 as const, entries: [], marks: [], notes: [{ sheet: 'Blad1', cell: 'A1', note: 'x'.repeat(60_000) }] };
    for (let i = 0; i < 6; i++) {
      await new ChangeLog(store, ChangeLog.keyFor(`https://example.invalid/dok-${i}.xlsx`)).save(big);
    }
    const kept = [...env.runtime.items.keys()].filter((k) => k.startsWith('avvikelsekollen.changelog.v1:'));
    expect(kept).toContain(ChangeLog.keyFor('https://example.invalid/dok-5.xlsx'));
    expect(kept).not.toContain(ChangeLog.keyFor('https://example.invalid/dok-0.xlsx'));
    expect(env.runtime.bytes).toBeLessThanOrEqual(400_000);
  });

  it(`at most ${MAX_DOCUMENTS} documents' logs are kept`, async () => {
    const store = memoryStore();
    for (let i = 0; i < MAX_DOCUMENTS + 5; i++) await new ChangeLog(store, ChangeLog.keyFor(`dok-${i}`)).save({ version: 1, entries: [], marks: [] });
    const index = JSON.parse((await store.get(INDEX_KEY)) ?? '{}') as Record<string, number>;
    expect(Object.keys(index)).toHaveLength(MAX_DOCUMENTS);
    expect(await store.get(ChangeLog.keyFor('dok-0'))).toBeNull();
    expect(await store.get(ChangeLog.keyFor(`dok-${MAX_DOCUMENTS + 4}`))).not.toBeNull();
  });
});

// Probable behaviours the documentation is silent on: the adapter works either way.
describe('where Excel may differ from the documentation, both behaviours work', () => {
  it('getRanges with a `;` locale on desktop (office-js issues 1167, 1985): retried with `;`, remembered for the session', async () => {
    const { host, actions } = setup({ apiVersion: '1.9', listSeparator: ';' });
    const before = host.snapshot();
    const report = await actions.validate({ mark: true });
    expect(report.marks?.error).toBeUndefined();
    expect(report.marks?.cells).toBeGreaterThan(0);
    const ours = host.sheets.flatMap((s) => host.conditionalFormats(s.name)).filter((f) => f.ranges.includes(','));
    expect(ours.length).toBeGreaterThan(0);
    host.resetStats();
    await actions.validate({ mark: true });
    expect(host.stats.requests.some((r) => r.failed !== undefined)).toBe(false);
    await actions.clearMarks();
    expect(host.snapshot()).toBe(before);
  });

  it('text Excel may take for a date ("Jan-21", "maj 2021") is entered into Text-formatted cells and stays text', async () => {
    const { host, actions } = setup();
    const edits = ['Jan-21', 'maj 2021'].map((text, i) => ({
      sheet: 'Kommunledning',
      cell: `H${40 + i}`,
      row: 39 + i,
      col: 7,
      before: { value: null },
      after: { value: text },
      reason: 'missing-value' as const,
    }));
    await actions.applyEdits(edits, 'action.comments');
    expect(host.cell('Kommunledning', 'H40')).toMatchObject({ value: 'Jan-21' });
    expect(host.cell('Kommunledning', 'H41')).toMatchObject({ value: 'maj 2021' });
    host.type('Kommunledning', 'H42', 'Jan-21');
    expect(typeof host.cell('Kommunledning', 'H42').value).toBe('number'); // what Excel would have made of it
  });

  it('notes that desktop Excel prefixes with the author are still recognised as ours and removed', async () => {
    const { host, actions } = setup({ apiVersion: '1.18', noteAuthor: 'Anna Berg' });
    const before = host.snapshot();
    await actions.validate({ mark: true, notes: true });
    const noted = host.sheets.flatMap((s) => [...s.notes.values()]);
    expect(noted.length).toBeGreaterThan(0);
    expect(noted.every((n) => n.startsWith('Anna Berg:\n'))).toBe(true);
    await actions.clearMarks();
    expect(host.snapshot()).toBe(before);
  });
});

describe('Office slow to start inside Excel', () => {
  it('the actions wait, then say Excel is not answering (never demo mode); trying again once Office answers works', async () => {
    let ready: () => void = () => undefined;
    const officeReady = new Promise<void>((resolve) => (ready = resolve));
    const host = new TestHost(seedAsWorkbook(loadSeed()));
    const actions = createExcelActionsWhenReady(officeReady, 20, () => createActions(host, { store: memoryStore() }));
    await expect(actions.validate({ mark: false })).rejects.toMatchObject({ code: 'unresponsive' });
    expect(translate('action-error.unresponsive', 'sv')).toBe('Excel svarar inte ännu. Vänta en stund och försök igen.');
    ready();
    const report = await actions.validate({ mark: false });
    expect(report.result.findings.length).toBeGreaterThan(0);
  });
});

// learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins: 5 MB per request on the web.
describe('a large write is split within the payload limit', () => {
  it('12 000 long texts on a new sheet: written in several requests under 5 MB, and Ångra removes the sheet', async () => {
    const { host, actions } = setup();
    const before = host.snapshot();
    const text = 'Avvikelsen beror på ökade kostnader för konsulter och vikarier under året. '.repeat(4);
    const edits = Array.from({ length: 12_000 }, (_, i) => ({
      sheet: 'Kommentarer',
      cell: `E${i + 2}`,
      row: i + 1,
      col: 4,
      before: { value: null },
      after: { value: `${text}${i}` },
      reason: 'narrative-mismatch' as const,
    }));
    host.resetStats();
    await actions.applyEdits(edits, 'action.comments');
    const writes = host.stats.requests.filter((r) => r.writes > 0);
    expect(writes.length).toBeGreaterThan(1);
    expect(host.stats.requests.every((r) => r.failed === undefined && r.requestBytes <= 5 * 1024 * 1024 && r.responseBytes <= 5 * 1024 * 1024)).toBe(true);
    expect(host.cell('Kommentarer', 'E12001').value).toBe(`${text}11999`);
    await actions.undo();
    expect(host.snapshot()).toBe(before);
  }, 120_000);
});
