import { PACKS } from '../../src/engine/i18n';
import { CLI_PACKS, translate } from '../../src/cli/texts';

describe('the command line’s texts', () => {
  it('have the same keys in Swedish and English, all under cli., none shadowing an engine text', () => {
    expect(Object.keys(CLI_PACKS.en).sort()).toEqual(Object.keys(CLI_PACKS.sv).sort());
    for (const key of Object.keys(CLI_PACKS.sv)) {
      expect(key.startsWith('cli.')).toBe(true);
      expect([key, PACKS.sv[key]]).toEqual([key, undefined]);
    }
  });

  it('are looked up together with the engine’s: a file problem, a rule name, a number in Swedish format', () => {
    expect(translate('cli.file.damaged', 'sv', { file: 'budget.xlsx' })).toBe('budget.xlsx: filen är skadad och kan inte läsas som .xlsx.');
    expect(translate('rule.div0.name', 'en')).toBe('Division by zero');
    expect(translate('cli.count.rows.other', 'sv', { n: 1234 })).toBe('1\u00a0234 rader');
  });
});
