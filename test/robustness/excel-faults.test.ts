/**
 * Faults in Excel through the task pane's own controller, on the
 * test host with the example workbook: a protected sheet, a cell in edit
 * mode, a read-only workbook, the connection to Excel on the web dropped, the
 * pane closed in the middle of an action, and a colleague changing the sheet
 * between Validera and Åtgärda. Each ends with the workbook as it was (or,
 * after a closed pane, restorable exactly with Ångra) and a plain message,
 * for fixes and for writing the comments sheet alike.
 */
import type { WorkbookActions } from '../../src/excel/actions';
import { memoryStore, type KeyValueStore } from '../../src/excel/changelog';
import { createDemoHost } from '../../src/excel/demo';
import type { TestHost } from '../../src/excel/simulated';
import { createActions } from '../../src/excel/workbook-actions';
import { paneText as translate } from '../../src/taskpane/i18n';
import { Session } from '../../src/taskpane/session';
import { browserSettingsStore } from '../../src/taskpane/settings';

function setup(apiVersion = '1.9'): { host: TestHost; store: KeyValueStore; actions: WorkbookActions; session: Session } {
  const host = createDemoHost({ language: 'sv-SE', apiVersion });
  const store = memoryStore();
  const actions = createActions(host, { store });
  return { host, store, actions, session: new Session(actions, 'demo', browserSettingsStore(undefined)) };
}

/** Lets queued promise callbacks run (the pane's action proceeds up to where the host hangs). */
async function settle(rounds = 50): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
}

type Action = 'applyFixes' | 'writeComments';
const ACTIONS: Action[] = ['applyFixes', 'writeComments'];

describe('faults in Excel, through the task pane: the workbook as it was and a plain message', () => {
  type Fault = [name: string, inject: (h: TestHost) => void, code: string, message: RegExp];
  const FAULTS: Fault[] = [
    ['a protected sheet', (h) => h.sheets.forEach((s) => h.protect(s.name)), 'protected', /Bladet är skyddat.*Inget har ändrats/],
    ['a cell in edit mode', (h) => h.setEditMode(true), 'editing', /En cell redigeras.*Inget har ändrats/],
    ['a workbook opened read-only', (h) => h.setReadOnly(true), 'readonly', /skrivskyddad/],
    ['the connection to Excel on the web dropped before the write', (h) => h.dropConnection({ onSync: 2 }), 'connection', /Kontakten med Excel bröts\. Arbetsboken är som förut/],
    ['the connection dropped after Excel applied the write (put back)', (h) => h.dropConnection({ onSync: 2, applied: true }), 'connection', /Kontakten med Excel bröts/],
  ];

  describe.each(ACTIONS)('%s', (action) => {
    it.each(FAULTS)('%s', async (_name, inject, code, message) => {
      const { host, session } = setup();
      await session.validate();
      const before = host.snapshot();
      inject(host);
      await session[action]();
      const state = session.getState();
      expect(state.error).toBe(code);
      expect(state.phase).toBe('idle');
      expect(translate(`action-error.${code}`, 'sv')).toMatch(message);
      host.setEditMode(false);
      expect(host.snapshot().replace(/"protected":true/g, '"protected":false')).toBe(before);
    });
  });

  it('the sheet changed between Validera and Åtgärda (a colleague typed a figure): refused, asks to validate again, the figure stays', async () => {
    const { host, session } = setup();
    await session.validate();
    const edit = session.getState().edits[0];
    expect(edit).toBeDefined();
    host.type(edit?.sheet as string, edit?.cell as string, 12.5);
    const before = host.snapshot();
    await session.applyFixes();
    expect(session.getState().error).toBe('stale');
    expect(translate('action-error.stale', 'sv')).toBe('Bladet har ändrats sedan valideringen. Klicka Validera igen innan du åtgärdar. Inget har ändrats.');
    expect(host.snapshot()).toBe(before);
    // Validating again plans from the new figures.
    await session.validate();
    expect(session.getState().edits.some((e) => e.sheet === edit?.sheet && e.cell === edit?.cell)).toBe(false);
  });

  it('a colleague changes a comment between planning and writing Kommentarer: refused, nothing written', async () => {
    const { host, session } = setup();
    await session.validate();
    // The comments plan is made from what Validera read; the colleague edits a comment just before the write arrives.
    let afterColleague = '';
    host.beforeSync(1, () => {
      host.type('Kommentarer', 'E2', 'Min egen kommentar, skriven nyss.');
      afterColleague = host.snapshot();
    });
    await session.writeComments();
    expect(session.getState().error).toBe('stale');
    expect(host.snapshot()).toBe(afterColleague);
    expect(host.cell('Kommentarer', 'E2').value).toBe('Min egen kommentar, skriven nyss.');
  });
});

describe('the task pane closed in the middle of an action', () => {
  it.each(ACTIONS.flatMap((a) => [[a, false] as const, [a, true] as const]))('%s, Excel applied the write: %s → reopened, Ångra gives the workbook back exactly', async (action, applied) => {
    const { host, store, session } = setup();
    await session.validate();
    const original = host.snapshot();
    host.resetStats();
    // Sync 1 checks the cells, sync 2 writes them: the pane goes away during the write.
    host.closePane({ onSync: 2, applied });
    void session[action]();
    await settle();
    expect(host.stats.syncs).toBe(2);
    if (!applied) expect(host.snapshot()).toBe(original);
    else expect(host.snapshot()).not.toBe(original);

    // The pane is opened again: a new runtime, the same workbook and add-in storage.
    const reopened = new Session(createActions(host, { store }), 'demo', browserSettingsStore(undefined));
    await reopened.start();
    if (reopened.getState().lastChange !== null) {
      await reopened.undo();
      expect(reopened.getState().error).toBeNull();
    }
    expect(applied ? reopened.getState().notice?.id : 'none').toBe(applied ? 'taskpane.notice.undone' : 'none');
    expect(host.snapshot()).toBe(original);
  });
});
