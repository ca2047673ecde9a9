/**
 * The task pane's controller and the ribbon's Validera, on the test host with
 * the example workbook (the same code the pane runs in Excel): validate marks
 * and lists, Åtgärda fixes what the preview showed, Ångra restores it (also
 * after the pane is reopened), and every failure ends as a plain message with
 * the workbook unchanged.
 */
import { createDemoHost } from '../../src/excel/demo';
import { memoryStore } from '../../src/excel/changelog';
import { createActions } from '../../src/excel/workbook-actions';
import type { WorkbookActions } from '../../src/excel/actions';
import type { TestHost } from '../../src/excel/simulated';
import { paneText as translate } from '../../src/taskpane/i18n';
import { validateCommand } from '../../src/commands/register';
import { Session, fixLabel } from '../../src/taskpane/session';
import { browserSettingsStore } from '../../src/taskpane/settings';

function setup(): { host: TestHost; actions: WorkbookActions; session: Session } {
  const host = createDemoHost({ language: 'sv-SE' });
  const actions = createActions(host, { store: memoryStore() });
  // No storage: the default settings, as on a first start.
  return { host, actions, session: new Session(actions, 'demo', browserSettingsStore(undefined)) };
}

function div0On(session: Session, sheet: string) {
  return (session.getState().report?.result.findings ?? []).filter((f) => f.rule === 'div0' && f.sheet === sheet);
}

describe('Session on the example workbook', () => {
  it('Validera lists the #DIVISION/0! on Kommunledning, marks its cell and plans its fix', async () => {
    const { host, session } = setup();
    await session.validate();
    const state = session.getState();
    expect(state.phase).toBe('idle');
    expect(state.error).toBeNull();
    const [finding] = div0On(session, 'Kommunledning');
    expect(finding).toBeDefined();
    expect(host.displayedFill('Kommunledning', finding?.cell as string).pattern).not.toBe('None'); // what the economist sees: the mark
    expect(state.edits.some((e) => e.sheet === 'Kommunledning' && e.cell === finding?.cell)).toBe(true);
    expect(state.lang).toBe('sv');
  });

  it('Validera lists the findings before it marks their cells, and marks them before it is done', async () => {
    const { host, session } = setup();
    const seen: { phase: string; findings: number; markedThen: boolean }[] = [];
    session.subscribe(() => {
      const s = session.getState();
      const finding = s.report?.result.findings.find((f) => f.rule === 'div0' && f.sheet === 'Kommunledning');
      if (seen.length === 0 && finding !== undefined) {
        seen.push({ phase: s.phase, findings: s.report?.result.findings.length ?? 0, markedThen: host.displayedFill(finding.sheet, finding.cell).pattern !== 'None' });
      }
    });
    await session.validate();
    const state = session.getState();
    const [finding] = div0On(session, 'Kommunledning');
    // The list came while Validera was still busy and before the cell had its mark …
    expect(seen).toEqual([{ phase: 'validating', findings: state.report?.result.findings.length, markedThen: false }]);
    // … and the finished Validera has the same findings, the mark made and reported.
    expect(state.phase).toBe('idle');
    expect(host.displayedFill('Kommunledning', finding?.cell as string).pattern).not.toBe('None');
    expect(state.report?.marks?.cells).toBeGreaterThan(0);
    expect(state.edits.some((e) => e.sheet === 'Kommunledning' && e.cell === finding?.cell)).toBe(true);
  });

  it('Åtgärda writes the previewed edits, the finding disappears; Ångra restores the cell exactly', async () => {
    const { host, session } = setup();
    await session.validate();
    const [finding] = div0On(session, 'Kommunledning');
    const cell = finding?.cell as string;
    const before = host.cell('Kommunledning', cell);
    const planned = session.getState().edits;
    await session.applyFixes();
    expect(session.getState().error).toBeNull();
    expect(div0On(session, 'Kommunledning')).toEqual([]);
    expect(session.getState().notice?.id).toBe('taskpane.notice.fixed');
    // The undo line names what was done: here #DIVISION/0! and, where the sign changed, meaningless percentages.
    const reasons = new Set(planned.map((e) => e.reason));
    expect(session.getState().lastChange?.label).toBe(reasons.size === 2 ? 'action.fix.div0-sign-flip' : `action.fix.${[...reasons][0]}`);
    expect(fixLabel(planned.filter((e) => e.reason === 'sign-flip'))).toBe('action.fix.sign-flip');
    expect(fixLabel(planned.filter((e) => e.reason === 'div0'))).toBe('action.fix.div0');

    await session.undo();
    expect(session.getState().notice?.id).toBe('taskpane.notice.undone');
    expect(div0On(session, 'Kommunledning').map((f) => f.cell)).toEqual([cell]);
    const after = host.cell('Kommunledning', cell);
    expect({ formula: after.formula, error: after.error, numberFormat: after.numberFormat }).toEqual({
      formula: before.formula,
      error: before.error,
      numberFormat: before.numberFormat,
    });
  });

  it('a change of a setting the checks use validates again at once; a change of the marker only replans the fixes', async () => {
    const { session } = setup();
    await session.validate();
    const signFlips = () => session.getState().report?.result.findings.filter((f) => f.rule === 'sign-flip').length ?? 0;
    expect(signFlips()).toBeGreaterThan(0);
    const idle = new Promise<void>((resolve) => {
      let started = false;
      const stop = session.subscribe(() => {
        const phase = session.getState().phase;
        if (phase === 'validating') started = true;
        if (started && phase === 'idle') {
          stop();
          resolve();
        }
      });
    });
    session.updateSettings({ signFlipMeaningless: false });
    await idle;
    expect(signFlips()).toBe(0);
    expect(session.getState().edits.every((e) => e.reason === 'div0')).toBe(true);
    const report = session.getState().report;
    session.updateSettings({ marker: 'e.j.' });
    expect(session.getState().phase).toBe('idle');
    expect(session.getState().report).toBe(report);
    expect(session.getState().edits.every((e) => e.after.value === 'e.j.')).toBe(true);
  });

  it('a pane opened again offers Ångra for the last change', async () => {
    const { actions, session } = setup();
    await session.validate();
    await session.applyFixes();
    const reopened = new Session(actions, 'demo', browserSettingsStore(undefined));
    expect(reopened.getState().lastChange).toBeNull();
    await reopened.start();
    expect(reopened.getState().lastChange?.label).toMatch(/^action\.fix\./);
  });

  it('a protected sheet: Åtgärda says so in Swedish and writes nothing', async () => {
    const { host, session } = setup();
    await session.validate();
    const snapshot = host.snapshot();
    host.protect('Kommunledning');
    await session.applyFixes();
    expect(session.getState().error).toBe('protected');
    expect(translate(`action-error.${session.getState().error}`, 'sv')).toMatch(/skyddat.*Inget har ändrats/);
    expect(session.getState().phase).toBe('idle');
    expect(host.snapshot()).toBe(snapshot);
  });

  it('the sheet changed after Validera: the fix is refused and asks to validate again', async () => {
    const { host, session } = setup();
    await session.validate();
    const edit = session.getState().edits.find((e) => e.sheet === 'Kommunledning');
    host.type('Kommunledning', edit?.cell as string, 12);
    await session.applyFixes();
    expect(session.getState().error).toBe('stale');
    expect(host.cell('Kommunledning', edit?.cell as string).value).toBe(12);
  });

  it('the marker setting changes the planned fix without validating again', async () => {
    const { session } = setup();
    await session.validate();
    session.updateSettings({ marker: 'e.j.' });
    const edit = session.getState().edits.find((e) => e.sheet === 'Kommunledning' && e.reason === 'div0');
    expect(edit?.after.value).toBe('e.j.');
    session.updateSettings({ language: 'en' });
    expect(session.getState().lang).toBe('en');
  });
});

describe('the ribbon Validera', () => {
  it('validates every sheet, marks, and tells Office it is done', async () => {
    const { session } = setup();
    let completed = 0;
    await validateCommand(() => Promise.resolve(session), { completed: () => completed++ } as unknown as Office.AddinCommands.Event);
    expect(completed).toBe(1);
    expect(session.getState().report?.result.sheetsChecked).toBe(6); // five unit sheets and Kommentarer
    expect(div0On(session, 'Kommunledning')).toHaveLength(1);
  });

  it('completes even when Excel refuses (a cell in edit mode), and the pane says why', async () => {
    const { host, session } = setup();
    host.setEditMode(true);
    let completed = 0;
    await validateCommand(() => Promise.resolve(session), { completed: () => completed++ } as unknown as Office.AddinCommands.Event);
    expect(completed).toBe(1);
    expect(session.getState().error).toBe('editing');
  });
});

describe('Session setting: notes on marked cells', () => {
  it('adds a note with the message where Excel supports notes, only when the setting is on', async () => {
    const host = createDemoHost({ language: 'sv-SE', apiVersion: '1.18' });
    const session = new Session(createActions(host, { store: memoryStore() }), 'demo', browserSettingsStore(undefined));
    await session.validate();
    expect(host.cell('Kommunledning', 'F5').note).toBeUndefined();
    session.updateSettings({ notes: true });
    await session.validate();
    expect(host.cell('Kommunledning', 'F5').note).toContain('KLFÖ');
  });
});
