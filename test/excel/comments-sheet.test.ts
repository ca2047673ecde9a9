/**
 * Writing the sheet Kommentarer through the adapter on the test host, as the
 * task pane does: the sheet is created inside the write batch when missing,
 * comments stay text, the fingerprint column and the template sheet are
 * hidden, a re-run keeps what a person typed, and Ångra removes a sheet the
 * add-in created (or, when someone wrote more on it, restores its cells and
 * keeps it). A write that fails leaves no sheet behind.
 */
import { draftCommentary, type CommentaryOptions } from '../../src/engine/commentary/draft';
import { COMMENTS_SHEET, FINGERPRINT_HEADER } from '../../src/engine/commentary/layout';
import { planCommentsSheet } from '../../src/engine/commentary/sheet';
import { TEMPLATE_SHEET } from '../../src/engine/commentary/templates';
import type { WorkbookGrid } from '../../src/engine/grid';
import { seedAsWorkbook } from '../../src/example/seed';
import type { ValidationReport, WorkbookActions } from '../../src/excel/actions';
import { memoryStore } from '../../src/excel/changelog';
import { createDemoHost } from '../../src/excel/demo';
import { TestHost } from '../../src/excel/simulated';
import { createActions } from '../../src/excel/workbook-actions';
import { draftsFor, planCommentsWrite } from '../../src/taskpane/comments';
import { DEFAULT_SETTINGS } from '../../src/taskpane/settings';
import { loadSeed } from '../helpers/seed';

const COL = { kod: 0, kommentar: 4, status: 5, fingerprint: 7 };

function setup(grid: WorkbookGrid = seedAsWorkbook(loadSeed())): { host: TestHost; actions: WorkbookActions } {
  const host = new TestHost(grid, { apiVersion: '1.9' });
  return { host, actions: createActions(host, { store: memoryStore() }) };
}

async function writeComments(host: TestHost, actions: WorkbookActions, lang: 'sv' | 'en' = 'sv'): Promise<ValidationReport> {
  const report = await actions.validate({ mark: false });
  const plan = planCommentsWrite(report, draftsFor(report, DEFAULT_SETTINGS, lang), lang);
  host.resetStats();
  await actions.applyEdits(plan.edits, 'action.comments', plan.options);
  return report;
}

/** The 1-based row of the comments sheet whose Kod is `code`. */
function rowOf(host: TestHost, code: string): number {
  const r = host.sheet(COMMENTS_SHEET).rows.findIndex((row) => row?.[COL.kod]?.value === code);
  if (r < 0) throw new Error(`no row for ${code}`);
  return r + 1;
}

function narrativeOn(report: ValidationReport, sheet = COMMENTS_SHEET): string[] {
  return report.result.findings.filter((f) => f.rule === 'narrative-mismatch' && f.sheet === sheet).map((f) => f.cell);
}

describe('the sheet Kommentarer, when the workbook has none', () => {
  it('is created inside the write batch (3 syncs, one that writes, the Status list in it), with the drafts as text and the fingerprint column hidden', async () => {
    const { host, actions } = setup();
    expect(host.hasSheet(COMMENTS_SHEET)).toBe(false);
    await writeComments(host, actions);
    expect(host.stats.syncs).toBe(3); // does the sheet exist? · read the cells · add the sheet and write everything, the Status list (ExcelApi 1.8) included
    expect(host.stats.requests.filter((r) => r.writes > 0)).toHaveLength(1);
    expect(host.hasSheet(COMMENTS_SHEET)).toBe(true);
    expect(['A1', 'B1', 'E1', 'F1', 'H1'].map((a) => host.cell(COMMENTS_SHEET, a).value)).toEqual(['Kod', 'Enhet', 'Kommentar', 'Status', FINGERPRINT_HEADER]);
    expect([...host.sheet(COMMENTS_SHEET).hiddenColumns]).toEqual([COL.fingerprint]);
    const kai = host.cell(COMMENTS_SHEET, `E${rowOf(host, 'KAI')}`);
    expect(kai.formula).toBeUndefined();
    expect(kai.value).toMatch(/^Kommunikation visar en positiv budgetavvikelse med 4,6\smnkr\. .*\[Förklara avvikelsen/);
    // Validating again: the fresh drafts agree with the tables.
    const again = await actions.validate({ mark: false });
    expect(again.workbook.sheets.map((s) => s.name)).toContain(COMMENTS_SHEET);
    expect(narrativeOn(again)).toEqual([]);
  });

  it('Ångra deletes the sheet it created: the workbook is exactly as before', async () => {
    const { host, actions } = setup();
    const before = host.snapshot();
    await writeComments(host, actions);
    expect(await actions.lastChange()).toMatchObject({ label: 'action.comments' });
    await actions.undo();
    expect(host.hasSheet(COMMENTS_SHEET)).toBe(false);
    expect(host.snapshot()).toBe(before);
    expect(await actions.lastChange()).toBeNull();
  });

  it('Ångra keeps a created sheet that someone wrote more on, and empties only the cells the add-in wrote', async () => {
    const { host, actions } = setup();
    await writeComments(host, actions);
    host.type(COMMENTS_SHEET, 'K2', 'Min egen anteckning');
    await actions.undo();
    expect(host.hasSheet(COMMENTS_SHEET)).toBe(true);
    expect(host.cell(COMMENTS_SHEET, 'K2').value).toBe('Min egen anteckning');
    expect(host.cell(COMMENTS_SHEET, 'A1').value).toBeNull();
    expect(host.cell(COMMENTS_SHEET, 'E2').value).toBeNull();
  });

  it('a write that fails (the connection drops on the write) leaves no sheet behind and nothing on the log', async () => {
    const { host, actions } = setup();
    const report = await actions.validate({ mark: false });
    const plan = planCommentsWrite(report, draftsFor(report, DEFAULT_SETTINGS, 'sv'), 'sv');
    const before = host.snapshot();
    host.dropConnection({ onSync: 3, applied: true }); // Excel applied the write, but its answer was lost
    await expect(actions.applyEdits(plan.edits, 'action.comments', plan.options)).rejects.toMatchObject({ code: 'connection' });
    expect(host.hasSheet(COMMENTS_SHEET)).toBe(false);
    expect(host.snapshot()).toBe(before);
    expect(await actions.lastChange()).toBeNull();
  });

  it('a read-only workbook: refused before anything is written', async () => {
    const { host, actions } = setup();
    const report = await actions.validate({ mark: false });
    const plan = planCommentsWrite(report, draftsFor(report, DEFAULT_SETTINGS, 'sv'), 'sv');
    const before = host.snapshot();
    host.setReadOnly(true);
    await expect(actions.applyEdits(plan.edits, 'action.comments', plan.options)).rejects.toMatchObject({ code: 'readonly' });
    expect(host.snapshot()).toBe(before);
  });
});

describe('comments are text in Excel', () => {
  it('a comment beginning with "−1,2 mnkr" or "=" is written into a Text cell and reads back as the same text', async () => {
    const { host, actions } = setup();
    const report = await actions.validate({ mark: false });
    const templates: CommentaryOptions['templates'] = [
      { id: 'avdelning.avvikelse.negativ', lang: 'sv', text: '{avvikelse_mnkr_med_tecken} mnkr: {enhet} visar en negativ budgetavvikelse.' },
      { id: 'avdelning.avvikelse.positiv', lang: 'sv', text: '={enhet} visar en positiv budgetavvikelse med {avvikelse_mnkr} mnkr.' },
    ];
    const edits = planCommentsSheet(report.workbook, draftCommentary(report.result, report.workbook, { templates }));
    await actions.applyEdits(edits, 'action.comments');
    const ksa = host.cell(COMMENTS_SHEET, `E${rowOf(host, 'KSÄ')}`);
    const kai = host.cell(COMMENTS_SHEET, `E${rowOf(host, 'KAI')}`);
    expect(ksa.value).toMatch(/^\u22121,2 mnkr: Säkerhetsavdelningen visar en negativ budgetavvikelse\. Nettokostnaden/);
    expect(kai.value).toMatch(/^=Kommunikation visar en positiv budgetavvikelse med 4,6\smnkr\. Nettokostnaden/);
    expect([ksa.numberFormat, kai.numberFormat]).toEqual(['@', '@']);
    expect(ksa.formula).toBeUndefined();
    expect(kai.formula).toBeUndefined();
    expect(kai.error).toBeUndefined();
    // Read back by the adapter: strings, not numbers, formulas or errors.
    const grid = (await actions.validate({ mark: false })).workbook.sheets.find((s) => s.name === COMMENTS_SHEET);
    const read = grid?.cells[rowOf(host, 'KAI') - 1]?.[COL.kommentar];
    expect(read?.formula).toBeUndefined();
    expect(read?.value).toBe(kai.value);
  });
});

describe('writing again', () => {
  it('keeps a comment typed by hand, refreshes nothing that is current, and the re-run after that changes nothing', async () => {
    const { host, actions } = setup();
    await writeComments(host, actions);
    const kai = `E${rowOf(host, 'KAI')}`;
    const own = 'Kommunikationsavdelningen visar en positiv avvikelse med 4,6 mnkr, främst vakanser.';
    host.type(COMMENTS_SHEET, kai, own);
    await writeComments(host, actions);
    expect(host.stats.syncs).toBe(2); // the sheet exists: read the cells, write them with the Status list
    expect(host.cell(COMMENTS_SHEET, kai).value).toBe(own);
    expect(host.cell(COMMENTS_SHEET, `F${rowOf(host, 'KAI')}`).value).toBe('Redigerad för hand, behålls');
    const report = await actions.validate({ mark: false });
    expect(planCommentsWrite(report, draftsFor(report, DEFAULT_SETTINGS, 'sv'), 'sv').edits).toEqual([]);
    expect(narrativeOn(report)).toEqual([]);
  });

  it("on the example's own sheet (no fingerprint column): adds and hides the column, keeps all 17 comments; Ångra restores it all", async () => {
    const host = createDemoHost({ language: 'sv-SE' });
    const actions = createActions(host, { store: memoryStore() });
    const before = host.snapshot();
    const first = await actions.validate({ mark: false });
    const texts = host.sheet(COMMENTS_SHEET).rows.map((row) => row?.[2]?.value);
    await writeComments(host, actions);
    // Kod, Enhet, Kommentar, Status stay where they are; the missing columns come to the right.
    const header = (host.sheet(COMMENTS_SHEET).rows[0] ?? []).map((c) => c?.value);
    expect(header.slice(0, 4)).toEqual(['Kod', 'Enhet', 'Kommentar', 'Status']);
    const fp = header.indexOf(FINGERPRINT_HEADER);
    expect(fp).toBeGreaterThan(3);
    expect([...host.sheet(COMMENTS_SHEET).hiddenColumns]).toEqual([fp]);
    texts.forEach((t, r) => expect(host.sheet(COMMENTS_SHEET).rows[r]?.[2]?.value).toBe(t));
    // The five comments that disagree are still found, and no new one.
    const after = await actions.validate({ mark: false });
    expect(narrativeOn(after).sort()).toEqual(narrativeOn(first).sort());
    expect(narrativeOn(first)).toHaveLength(5);

    await actions.undo();
    expect(host.sheet(COMMENTS_SHEET).hiddenColumns.size).toBe(0);
    expect(host.snapshot()).toBe(before);
  });

  it('hides a visible template sheet with the write, and Ångra shows it again', async () => {
    const seed = seedAsWorkbook(loadSeed());
    const templates = {
      name: TEMPLATE_SHEET,
      cells: [
        [{ value: 'Mall' }, { value: 'Text' }],
        [{ value: 'avdelning.i_nivå' }, { value: '{enhet} ligger i nivå med budget.' }],
      ],
    };
    const { host, actions } = setup({ sheets: [...seed.sheets, templates] });
    expect(host.sheet(TEMPLATE_SHEET).visibility).toBe('Visible');
    await writeComments(host, actions);
    expect(host.sheet(TEMPLATE_SHEET).visibility).toBe('Hidden');
    await actions.undo();
    expect(host.sheet(TEMPLATE_SHEET).visibility).toBe('Visible');
    expect(host.hasSheet(COMMENTS_SHEET)).toBe(false);
  });

  it('English drafts with English headers when the pane speaks English', async () => {
    const { host, actions } = setup();
    await writeComments(host, actions, 'en');
    expect(host.cell(COMMENTS_SHEET, 'E1').value).toBe('Comment');
    expect(host.cell(COMMENTS_SHEET, `E${rowOf(host, 'KAI')}`).value).toMatch(/^Kommunikation (shows|has) a (positive|favourable)/);
  });
});

describe('the test host behaves like Excel for sheets and columns', () => {
  it('refuses a second sheet of the same name and hiding or deleting the last visible sheet', async () => {
    const host = new TestHost({ sheets: [{ name: 'Blad1', cells: [] }] }, { apiVersion: '1.9' });
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.add('blad1');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Blad1').visibility = 'Hidden';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Blad1').delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    // A range's columnHidden must be loaded before it is read, and hides whole columns.
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('Ny');
      ws.getRange('C5').columnHidden = true;
      const r = ws.getRange('C1');
      r.load('columnHidden');
      expect(() => r.columnHidden).toThrow(/not available/);
      await ctx.sync();
      expect(r.columnHidden).toBe(true);
    });
    expect([...host.sheet('Ny').hiddenColumns]).toEqual([2]);
  });
});
