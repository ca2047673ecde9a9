import { formatNumber, PACKS, translate } from '../../src/engine/i18n';
import { RULES } from '../../src/engine/rules';
import { translate as translateCli } from '../../src/cli/texts';

describe('language packs', () => {
  it('give every rule a plain-words name in Swedish and English', () => {
    for (const rule of RULES) {
      for (const lang of ['sv', 'en'] as const) {
        expect([lang, rule.id, PACKS[lang][`rule.${rule.id}.name`] !== undefined]).toEqual([lang, rule.id, true]);
      }
    }
  });

  it('have the same keys in Swedish and English, so no text falls back to the other language', () => {
    const sv = Object.keys(PACKS.sv).sort();
    const en = Object.keys(PACKS.en).sort();
    expect(sv.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !sv.includes(k))).toEqual([]);
  });

  it('format numbers the Swedish way: space for thousands, comma for decimals, a real minus sign', () => {
    expect(translateCli('cli.count.rows.other', 'sv', { n: 1234 })).toBe('1\u00a0234 rader');
    expect(formatNumber(-1078, 'sv')).toBe('\u22121\u00a0078');
    expect(formatNumber(4.6, 'sv', 1)).toBe('4,6');
    expect(translate('rule.div0.name', 'en')).toBe('Division by zero');
  });
});
