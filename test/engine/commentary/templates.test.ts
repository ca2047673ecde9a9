import { checkWorkbook } from '../../../src/engine/check';
import { allDrafts, draftCommentary } from '../../../src/engine/commentary/draft';
import { defaultTemplate, planTemplateSheet, readTemplateOverrides, resolveTemplates, TEMPLATE_IDS, TEMPLATE_SHEET, validateTemplate } from '../../../src/engine/commentary/templates';
import type { WorkbookGrid } from '../../../src/engine/grid';
import { translate } from '../../../src/engine/i18n';
import { applyToGrid, seedWorkbook } from './helpers';

function withTemplateSheet(base: WorkbookGrid, rows: (string | null)[][]): WorkbookGrid {
  return {
    sheets: [...base.sheets, { name: TEMPLATE_SHEET, hidden: true, cells: rows.map((r) => r.map((v) => (v === null ? undefined : { value: v }))) }],
  };
}

function kai(workbook: WorkbookGrid, lang: 'sv' | 'en' = 'sv'): string {
  const drafts = draftCommentary(checkWorkbook(workbook), workbook, { lang });
  return allDrafts(drafts).find((d) => d.code === 'KAI')?.text ?? '';
}

describe('templates', () => {
  it('has defaults in both languages that use only placeholders their template allows', () => {
    for (const lang of ['sv', 'en'] as const) {
      for (const id of TEMPLATE_IDS) {
        const text = defaultTemplate(id, lang);
        expect(text).not.toBe('');
        expect(validateTemplate(id, text, lang)).toEqual([]);
      }
    }
  });

  it("uses a team's template from the hidden sheet that travels with the workbook", () => {
    const wb = withTemplateSheet(seedWorkbook(), [
      ['Mall', 'Text'],
      ['avdelning.avvikelse.positiv', '{enhet} redovisar ett överskott mot budget på {avvikelse_mnkr} mnkr ({avvikelse_tkr} tkr).'],
      ['en:avdelning.avvikelse.positiv', '{enhet}: favourable variance, SEK {avvikelse_mnkr}m.'],
    ]);
    expect(kai(wb)).toMatch(/^Kommunikation redovisar ett överskott mot budget på 4,6 mnkr \(4\u00a0626 tkr\)\. Nettokostnaden blev/);
    expect(kai(wb, 'en')).toMatch(/^Kommunikation: favourable variance, SEK 4\.6m\. The net cost was/);
  });

  it('refuses a template with an unknown placeholder, names it, and keeps the default sentence', () => {
    const wb = withTemplateSheet(seedWorkbook(), [['avdelning.avvikelse.positiv', '{enhet} visar {avvikelse_msek} i avvikelse.']]);
    const drafts = draftCommentary(checkWorkbook(wb), wb);
    expect(drafts.templateIssues).toHaveLength(1);
    const issue = drafts.templateIssues[0];
    expect(issue).toMatchObject({ templateId: 'avdelning.avvikelse.positiv', placeholder: 'avvikelse_msek', sheet: TEMPLATE_SHEET, cell: 'B1' });
    const message = translate(issue?.messageId ?? '', 'sv', issue?.params);
    expect(message).toContain('{avvikelse_msek}');
    expect(message).toContain('avdelning.avvikelse.positiv');
    expect(kai(wb)).toMatch(/^Kommunikation visar en positiv budgetavvikelse med 4,6\smnkr\./);
    expect(kai(wb)).not.toContain('{');
  });

  it('refuses a placeholder that exists but not in that template (a % in the immaterial sentence)', () => {
    const set = resolveTemplates('sv', [{ id: 'avdelning.i_nivå', lang: 'sv', text: '{enhet} i nivå ({förändring_procent} %).' }]);
    expect(set.issues.map((i) => i.placeholder)).toEqual(['förändring_procent']);
    expect(set.texts['avdelning.i_nivå']).toBe(defaultTemplate('avdelning.i_nivå', 'sv'));
  });

  it('reports unpaired braces and unknown template ids as data', () => {
    expect(validateTemplate('utfall.nettokostnad', 'Nettokostnaden blev {utfall_mnkr mnkr.', 'sv')[0]?.messageId).toBe('commentary.template.unbalanced');
    expect(validateTemplate('utfall.nettokostnad', 'Nettokostnaden blev utfall_mnkr} mnkr.', 'sv')[0]?.messageId).toBe('commentary.template.unbalanced');
    const unknown = validateTemplate('avdelning.okänd', 'x', 'sv', { sheet: TEMPLATE_SHEET, cell: 'B4' });
    expect(unknown[0]?.messageId).toBe('commentary.template.unknown-id');
    expect(translate('commentary.template.unknown-id', 'sv', unknown[0]?.params)).toBe(`Mallen avdelning.okänd (cell B4 på bladet ${TEMPLATE_SHEET}) finns inte och används inte.`);
  });

  it('plans the hidden template sheet and reads the same templates back', () => {
    const wb = seedWorkbook();
    const overrides = [
      { id: 'lucka', lang: 'sv' as const, text: '[Orsak: …]' },
      { id: 'lucka', lang: 'en' as const, text: '[Cause: …]' },
      { id: 'utfall.nettokostnad', lang: 'sv' as const, text: '{okänd}' },
    ];
    const edits = planTemplateSheet(wb, overrides);
    expect(edits.every((e) => e.sheet === TEMPLATE_SHEET && e.after.formula === undefined)).toBe(true);
    const written = applyToGrid(wb, edits);
    expect(readTemplateOverrides(written).map((o) => [o.id, o.lang, o.text])).toEqual([
      ['lucka', 'sv', '[Orsak: …]'],
      ['lucka', 'en', '[Cause: …]'],
    ]);
    expect(kai(written)).toMatch(/\[Orsak: …\]$/);
    // Planning the same templates again changes nothing.
    expect(planTemplateSheet(written, overrides)).toEqual([]);
    // Fewer templates: the leftover row is emptied.
    const shorter = planTemplateSheet(written, overrides.slice(0, 1));
    expect(readTemplateOverrides(applyToGrid(written, shorter)).map((o) => o.lang)).toEqual(['sv']);
  });
});
