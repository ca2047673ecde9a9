/**
 * The task pane's "Skriv till bladet Kommentarer" through the session, on the
 * test host (the code the pane runs in Excel and in demo mode): it writes
 * every table's drafts in one undoable action, keeps the example's
 * hand-written comments (so the narrative check finds the same five
 * mismatches and no new one), follows the materiality settings, and a refusal
 * leaves the sheet as it was.
 */
import { COMMENTS_SHEET, FINGERPRINT_HEADER } from '../../src/engine/commentary/layout';
import { seedAsWorkbook } from '../../src/example/seed';
import { EXAMPLE_COMMENTS, EXAMPLE_MISMATCHED_CODES } from '../../src/example/seed-comments';
import { memoryStore } from '../../src/excel/changelog';
import { createDemoHost } from '../../src/excel/demo';
import { TestHost } from '../../src/excel/simulated';
import { createActions } from '../../src/excel/workbook-actions';
import { Session } from '../../src/taskpane/session';
import { browserSettingsStore } from '../../src/taskpane/settings';
import { loadSeed } from '../helpers/seed';

function session(host: TestHost): Session {
  return new Session(createActions(host, { store: memoryStore() }), 'demo', browserSettingsStore(undefined));
}

function mismatches(s: Session): string[] {
  return (s.getState().report?.result.findings ?? [])
    .filter((f) => f.rule === 'narrative-mismatch')
    .map((f) => `${f.sheet}!${f.cell}`)
    .sort();
}

/** Values and formulas of the comments sheet (fills are marks, which validation sets). */
function contents(host: TestHost): string {
  const rows = host.sheet(COMMENTS_SHEET).rows.map((row) => {
    const cells = Array.from(row ?? [], (c) => (c === undefined || (c.value === null && c.formula === undefined) ? null : [c.value, c.formula ?? null]));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  return JSON.stringify(rows);
}

function commentOf(host: TestHost, code: string): string {
  const header = host.sheet(COMMENTS_SHEET).rows[0] ?? [];
  const col = header.findIndex((c) => c?.value === 'Kommentar' || c?.value === 'Comment');
  const row = host.sheet(COMMENTS_SHEET).rows.find((r) => r?.[0]?.value === code);
  return String(row?.[col]?.value ?? '');
}

describe('Skriv till bladet Kommentarer (demo workbook)', () => {
  it('writes the drafts, keeps the 17 hand-written comments, and validating again finds the same five mismatches', async () => {
    const host = createDemoHost({ language: 'sv-SE' });
    const s = session(host);
    await s.validate();
    const before = mismatches(s);
    expect(before).toHaveLength(EXAMPLE_MISMATCHED_CODES.length);

    await s.writeComments();
    const state = s.getState();
    expect(state.error).toBeNull();
    expect(state.notice).toMatchObject({ id: 'taskpane.comments.notice.written', params: { kept: EXAMPLE_COMMENTS.length } });
    expect(state.lastChange?.label).toBe('action.comments');
    // The pane validated again: the report holds the sheet as written, with its fingerprint column (hidden in Excel).
    const sheet = state.report?.workbook.sheets.find((x) => x.name === COMMENTS_SHEET);
    const fp = sheet?.cells[0]?.findIndex((c) => c?.value === FINGERPRINT_HEADER) ?? -1;
    expect(fp).toBeGreaterThan(3);
    expect([...host.sheet(COMMENTS_SHEET).hiddenColumns]).toEqual([fp]);
    expect(mismatches(s)).toEqual(before);
    // Hand-written comments stay; units the economist had not commented get a draft.
    expect(commentOf(host, 'KAI')).toBe(EXAMPLE_COMMENTS.find(([kod]) => kod === 'KAI')?.[2]);
    expect(commentOf(host, 'KLC')).toMatch(/^Kansli Centerpartiet visar en positiv budgetavvikelse med 1,0\smnkr\./);
  });

  it('Ångra restores the sheet exactly and shows the fingerprint column again; writing twice changes nothing the second time', async () => {
    const host = createDemoHost({ language: 'sv-SE' });
    const s = session(host);
    await s.validate();
    const original = contents(host);
    await s.writeComments();
    const written = contents(host);
    expect(written).not.toBe(original);

    await s.writeComments();
    expect(s.getState().notice?.id).toBe('taskpane.comments.notice.unchanged');
    expect(contents(host)).toBe(written);

    await s.undo();
    expect(s.getState().notice?.id).toBe('taskpane.notice.undone');
    expect(contents(host)).toBe(original);
    expect(host.sheet(COMMENTS_SHEET).hiddenColumns.size).toBe(0);
    expect(s.getState().lastChange).toBeNull();
  });

  it('a protected Kommentarer sheet: says so and writes nothing', async () => {
    const host = createDemoHost({ language: 'sv-SE' });
    const s = session(host);
    await s.validate();
    const original = contents(host);
    host.protect(COMMENTS_SHEET);
    await s.writeComments();
    expect(s.getState().error).toBe('protected');
    expect(contents(host)).toBe(original);
  });
});

describe('Skriv till bladet Kommentarer (a workbook without comments)', () => {
  it('creates the sheet; Ångra removes it again', async () => {
    const host = new TestHost(seedAsWorkbook(loadSeed()), { apiVersion: '1.9' });
    const s = session(host);
    await s.validate();
    await s.writeComments();
    expect(s.getState().error).toBeNull();
    expect(commentOf(host, 'KAI')).toMatch(/^Kommunikation visar en positiv budgetavvikelse med 4,6\smnkr\./);
    expect(mismatches(s)).toEqual([]);
    await s.undo();
    expect(host.hasSheet(COMMENTS_SHEET)).toBe(false);
  });

  it('follows the materiality settings: with 5 mnkr and 10 %, Kommunikation (4,6 mnkr, 8 % of its budget) is "i nivå med budget" with no gap', async () => {
    const host = new TestHost(seedAsWorkbook(loadSeed()), { apiVersion: '1.9' });
    const s = session(host);
    s.updateSettings({ materialityMnkr: 5, materialityPercent: 10 });
    await s.validate();
    await s.writeComments();
    expect(commentOf(host, 'KAI')).toMatch(/i nivå med budget/);
    expect(commentOf(host, 'KAI')).not.toMatch(/Förklara/);
  });

  it('writes English drafts when the pane speaks English', async () => {
    const host = new TestHost(seedAsWorkbook(loadSeed()), { apiVersion: '1.9' });
    const s = session(host);
    s.updateSettings({ language: 'en' });
    await s.validate();
    await s.writeComments();
    expect(host.cell(COMMENTS_SHEET, 'E1').value).toBe('Comment');
    expect(commentOf(host, 'KAI')).toMatch(/^Kommunikation shows a favourable budget variance of SEK\s4[.,]6\smillion\./);
  });
});
