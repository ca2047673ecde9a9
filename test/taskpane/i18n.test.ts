/**
 * The task pane's language packs live beside the pane and extend the
 * engine's: every pane text in both languages, the engine's texts reachable
 * through the same lookup, and no pane text left in the engine's packs.
 */
import { PACKS } from '../../src/engine/i18n';
import { PANE_PACKS, paneText } from '../../src/taskpane/i18n';
import { commentsSv } from '../../src/taskpane/i18n/comments.sv';
import { paneSv } from '../../src/taskpane/i18n/pane.sv';

describe('task-pane language packs', () => {
  it('have the same keys in Swedish and English', () => {
    const sv = Object.keys(PANE_PACKS.sv);
    const en = Object.keys(PANE_PACKS.en);
    expect(sv.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !sv.includes(k))).toEqual([]);
  });

  it('reach the engine’s texts (rule names, messages) and the pane’s through one lookup', () => {
    expect(paneText('rule.div0.name', 'sv')).toBe('Division med noll');
    expect(paneText('taskpane.validate', 'sv')).toBe('Validera');
    expect(paneText('taskpane.validate', 'en')).toBe('Validate');
    expect(paneText('taskpane.checked', 'sv', { sheets: 2, tables: 3, rows: 1200 })).toBe('Kontrollerat: 2 blad, 3 tabeller, 1\u00a0200 rader');
  });

  it('keep the pane’s own texts out of the engine’s packs', () => {
    const own = [...Object.keys(paneSv), ...Object.keys(commentsSv)];
    expect(own.filter((k) => PACKS.sv[k] !== undefined)).toEqual([]);
  });
});
