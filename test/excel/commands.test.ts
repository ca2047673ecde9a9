/**
 * The ribbon's Validera where Office ignores `Office.addin.showAsTaskpane`
 * (add-ins from Microsoft Marketplace since February 2026, clients without
 * the shared runtime: learn.microsoft.com/office/dev/add-ins/develop/show-hide-add-in):
 * the result is visible without the pane.
 */
import { seedAsWorkbook } from '../../src/example/seed';
import { memoryStore } from '../../src/excel/changelog';
import { TestHost } from '../../src/excel/simulated';
import { createActions } from '../../src/excel/workbook-actions';
import { validateCommand, type CommandEnvironment } from '../../src/commands/register';
import { Session } from '../../src/taskpane/session';
import { browserSettingsStore } from '../../src/taskpane/settings';
import { loadSeed } from '../helpers/seed';

function setup(paneOpens: boolean): { host: TestHost; session: Session; env: CommandEnvironment; messages: string[] } {
  const host = new TestHost(seedAsWorkbook(loadSeed()), { apiVersion: '1.9' });
  const session = new Session(createActions(host, { store: memoryStore() }), 'excel', browserSettingsStore(undefined));
  const messages: string[] = [];
  let shown = false;
  const env: CommandEnvironment = {
    showTaskpane: () => {
      shown = paneOpens;
      return Promise.resolve();
    },
    paneVisible: () => shown,
    notify: (text) => {
      messages.push(text);
      return Promise.resolve();
    },
  };
  return { host, session, env, messages };
}

describe('Validera on the ribbon', () => {
  it('where the pane does not open: the cells are marked, the first finding is selected, and a short message says how many', async () => {
    const { host, session, env, messages } = setup(false);
    await session.start();
    let done = false;
    await validateCommand(() => Promise.resolve(session), { completed: () => (done = true) } as unknown as Office.AddinCommands.Event, env);
    const report = session.getState().report;
    const first = report?.result.findings[0];
    expect(first).toBeDefined();
    expect(host.selection).toEqual({ sheet: first?.sheet, address: first?.cell });
    expect(messages).toEqual([`Avvikelsekollen: ${report?.marks?.cells ?? 0} celler markerade. Öppna Avvikelsekollen för detaljer.`]);
    expect(report?.marks?.cells).toBeGreaterThan(0);
    expect(done).toBe(true);
  });

  it('where the pane opens: no message, the pane shows the result', async () => {
    const { host, session, env, messages } = setup(true);
    await session.start();
    await validateCommand(() => Promise.resolve(session), undefined, env);
    expect(messages).toEqual([]);
    expect(host.selection).toBeNull();
    expect(session.getState().report).not.toBeNull();
  });
});
