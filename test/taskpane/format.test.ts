/**
 * What the task pane lists, on the seed's tables: grouping by sheet and table
 * with the most severe first, the filters, Swedish number format, and the
 * settings that survive a reload.
 */
import { checkWorkbook } from '../../src/engine/check';
import { planFixes } from '../../src/engine/fixes';
import { seedAsPastedValues } from '../../src/example/seed';
import { SEVERITY_ORDER } from '../../src/engine/finding';
import { FIRST_FINDINGS, NO_FILTER, applyFilter, countBySeverity, countFindings, displayValue, findingMessage, firstFindings, groupFindings, ruleName, rulesPresent } from '../../src/taskpane/format';
import { displayContent, editLine } from '../../src/taskpane/fix-lines';
import { generatedWorkbook } from '../../src/example/generate';
import { DEFAULT_SETTINGS, browserSettingsStore, sanitizeSettings } from '../../src/taskpane/settings';
import { loadSeed } from '../helpers/seed';

const workbook = seedAsPastedValues(loadSeed());
const result = checkWorkbook(workbook);
const sheetOrder = workbook.sheets.map((s) => s.name);

describe('findings as the pane lists them', () => {
  const groups = groupFindings(result.findings, result.tables, sheetOrder);

  it('puts the sheet with an error (Kommunledning, #DIVISION/0!) first and the error first within it', () => {
    expect(groups[0]?.sheet).toBe('Kommunledning');
    const first = groups[0]?.tables[0]?.findings[0];
    expect(first?.rule).toBe('div0');
    expect(first?.severity).toBe('error');
    expect(first?.cell).toBe('F5');
  });

  it('lists every finding exactly once, each table most severe first', () => {
    const listed = groups.flatMap((g) => g.tables.flatMap((t) => t.findings));
    expect(listed).toHaveLength(result.findings.length);
    for (const g of groups)
      for (const t of g.tables)
        for (let i = 1; i < t.findings.length; i++) {
          expect(SEVERITY_ORDER[(t.findings[i - 1] as (typeof t.findings)[0]).severity]).toBeLessThanOrEqual(SEVERITY_ORDER[(t.findings[i] as (typeof t.findings)[0]).severity]);
        }
  });

  it('groups each finding under the table it belongs to', () => {
    for (const g of groups) for (const t of g.tables) for (const f of t.findings) expect([f.sheet, f.tableId]).toEqual([g.sheet, t.tableId]);
  });

  it('the severity filter leaves only that severity; a rule filter leaves only that rule', () => {
    const onlyErrors = applyFilter(result.findings, { ...NO_FILTER, severity: 'error' });
    expect(onlyErrors.length).toBe(countBySeverity(result.findings).error);
    expect(onlyErrors.every((f) => f.severity === 'error')).toBe(true);
    const missing = applyFilter(result.findings, { ...NO_FILTER, rule: 'missing-value' });
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((f) => f.rule === 'missing-value')).toBe(true);
    expect(applyFilter(result.findings, NO_FILTER)).toEqual(result.findings);
    expect(applyFilter(result.findings, { severity: 'info', rule: 'div0' })).toEqual([]);
  });

  it('gives the advice with the marker chosen in Inställningar, so the message and the fix agree', () => {
    const div0 = result.findings.find((f) => f.rule === 'div0' && f.messageId === 'div0') ?? result.findings.find((f) => f.rule === 'div0');
    expect(div0).toBeDefined();
    const f = div0 as NonNullable<typeof div0>;
    expect(findingMessage(f, 'sv', '–')).toMatch(/Åtgärda ersätter den med ”–”\.$/);
    expect(findingMessage(f, 'sv', 'e.j.')).toMatch(/Åtgärda ersätter den med ”e\.j\.”\.$/);
    expect(findingMessage(f, 'sv', '')).toMatch(/Åtgärda ersätter den med en tom cell\.$/);
    expect(findingMessage(f, 'en', '–')).toMatch(/Fix replaces it with “–”\.$/);
    const other = result.findings.find((x) => x.rule === 'missing-value');
    if (other !== undefined) expect(findingMessage(other, 'sv', '–')).not.toContain('Åtgärda');
  });

  it('offers the rules present, in plain words', () => {
    const rules = rulesPresent(result.findings);
    expect(rules[0]).toBe('div0');
    expect(ruleName('div0', 'sv')).toBe('Division med noll');
    expect(ruleName('div0', 'en')).toBe('Division by zero');
  });
});

describe('a long list is drawn from its top', () => {
  // The benchmark's 40-sheet workbook: 240 findings over 40 sheets.
  const big = generatedWorkbook(40, 150);
  const bigResult = checkWorkbook(big);
  const all = groupFindings(
    bigResult.findings,
    bigResult.tables,
    big.sheets.map((s) => s.name),
  );
  const flat = (gs: readonly { tables: { findings: unknown[] }[] }[]) => gs.flatMap((g) => g.tables.flatMap((t) => t.findings));

  it('the first ones are the top of the same list, under the same sheet and table headings', () => {
    expect(countFindings(all)).toBe(bigResult.findings.length);
    expect(bigResult.findings.length).toBeGreaterThan(FIRST_FINDINGS);
    const first = firstFindings(all, FIRST_FINDINGS);
    expect(countFindings(first)).toBe(FIRST_FINDINGS);
    expect(flat(first)).toEqual(flat(all).slice(0, FIRST_FINDINGS));
    first.forEach((g, i) => {
      expect(g.sheet).toBe(all[i]?.sheet);
      g.tables.forEach((t, j) => expect(t.tableId).toBe(all[i]?.tables[j]?.tableId));
    });
  });

  it('a list no longer than the limit (the example workbook) is drawn whole at once', () => {
    const groups = groupFindings(result.findings, result.tables, sheetOrder);
    expect(countFindings(groups)).toBeLessThanOrEqual(FIRST_FINDINGS);
    expect(firstFindings(groups, FIRST_FINDINGS)).toBe(groups);
  });
});

describe('numbers and cells as the pane shows them', () => {
  it('uses Swedish number format: space for thousands, comma for decimals, real minus', () => {
    expect(displayValue(-2296, 'sv')).toBe('−2\u00a0296');
    expect(displayValue(-320.2, 'sv')).toBe('−320,2');
    expect(displayValue(477317.7, 'sv')).toBe('477\u00a0317,7');
    expect(displayValue(null, 'sv')).toBe('(tom)');
    expect(displayValue(-320.2, 'en')).toBe('-320.2');
  });

  it('shows text from cells as it is (a formula-looking unit name stays text)', () => {
    expect(displayValue('=HYPERLINK("http://x","klicka")', 'sv')).toBe('=HYPERLINK("http://x","klicka")');
  });

  it('previews the #DIVISION/0! fix on Kommunledning as the cell, its content before and the marker after', () => {
    const edits = planFixes(workbook, result, { marker: '–', meaningless: false });
    const line = editLine(edits.find((e) => e.sheet === 'Kommunledning') ?? (edits[0] as never), 'sv');
    expect(line).toEqual({ sheet: 'Kommunledning', cell: 'F5', before: '#DIVISION/0!', after: '–' });
    expect(displayContent({ value: 12.5, formula: '=(C5/B5-1)*100' }, 'sv')).toBe('=(C5/B5-1)*100');
    // A guarded formula as a Swedish Excel shows it; in English as written.
    const guarded = '=IF(OR(B5=0,SIGN(B5)<>SIGN(C5)),"–",(C5/B5-1)*100)';
    expect(displayContent({ value: '–', formula: guarded }, 'sv')).toBe('=OM(ELLER(B5=0;TECKEN(B5)<>TECKEN(C5));"–";(C5/B5-1)*100)');
    expect(displayContent({ value: '–', formula: guarded }, 'en')).toBe(guarded);
    expect(displayContent({ value: 1, formula: '=IFERROR(C5*0.5,#DIV/0!)' }, 'sv')).toBe('=OMFEL(C5*0,5;#DIVISION/0!)');
    // Text in quotes and sheet names stay as they are.
    expect(displayContent({ value: 1, formula: '=IF(\'Budget, drift\'!A1=0,"a,b",1.5)' }, 'sv')).toBe('=OM(\'Budget, drift\'!A1=0;"a,b";1,5)');
  });
});

describe('settings', () => {
  function memoryStorage(): Storage {
    const m = new Map<string, string>();
    return {
      get length() {
        return m.size;
      },
      clear: () => m.clear(),
      getItem: (k) => m.get(k) ?? null,
      key: (i) => [...m.keys()][i] ?? null,
      removeItem: (k) => void m.delete(k),
      setItem: (k, v) => void m.set(k, String(v)),
    };
  }

  it('keeps the marker, sign-flip choice, tolerance, language and materiality across a reload', () => {
    const storage = memoryStorage();
    const settings = { marker: 'e.j.', signFlipMeaningless: false, tolerance: 2, language: 'en' as const, materialityMnkr: 1.5, materialityPercent: 10, notes: true };
    browserSettingsStore(storage).save(settings);
    expect(browserSettingsStore(storage).load()).toEqual(settings);
  });

  it('settings saved before materiality existed load with its defaults (0,5 mnkr and 5 %)', () => {
    const storage = memoryStorage();
    storage.setItem('avvikelsekollen.settings.v1', JSON.stringify({ marker: 'e.j.', signFlipMeaningless: true, tolerance: 0, language: 'auto' }));
    expect(browserSettingsStore(storage).load()).toMatchObject({ marker: 'e.j.', materialityMnkr: 0.5, materialityPercent: 5 });
    expect(sanitizeSettings({ materialityMnkr: -1, materialityPercent: 250 })).toMatchObject({ materialityMnkr: 0.5, materialityPercent: 5 });
  });

  it('falls back to the defaults for anything damaged or unknown', () => {
    expect(sanitizeSettings({ marker: '<b>x</b>', tolerance: -1, language: 'fi', signFlipMeaningless: 'yes' })).toEqual(DEFAULT_SETTINGS);
    const storage = memoryStorage();
    storage.setItem('avvikelsekollen.settings.v1', '{not json');
    expect(browserSettingsStore(storage).load()).toEqual(DEFAULT_SETTINGS);
    expect(browserSettingsStore(undefined).load()).toEqual(DEFAULT_SETTINGS);
  });
});
