import * as fs from 'fs';
import * as path from 'path';
import { translate } from '../../../src/engine/i18n';
import { RULES } from '../../../src/engine/rules';

describe('rules that describe themselves', () => {
  it.each(RULES.map((r) => [r.id, r] as const))('%s declares its severity, messages and description, has texts in both languages and a page in docs/rules', (id, rule) => {
    expect(['error', 'warning', 'info']).toContain(rule.severity);
    expect(rule.description.length).toBeGreaterThan(20);
    expect(rule.messages.length).toBeGreaterThan(0);
    for (const key of rule.messages) {
      expect(translate(key, 'sv', {})).not.toBe(key);
      expect(translate(key, 'en', {})).not.toBe(key);
    }
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'rules', `${id}.md`), 'utf8');
    expect(doc).toContain(`\`${id}\``);
    expect(doc).toMatch(/\n\|.*\|\n\|[-:| ]+\|\n/);
  });

  it('has one id per rule', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });
});
