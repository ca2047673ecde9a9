/**
 * Golden drafts: for the seed's tables, the Swedish and the English draft of
 * a handful of rows and of every unit summary, side by side with the figures
 * as printed in the report. A reviewer reads
 * test/fixtures/commentary/seed-drafts.sv.md and seed-drafts.en.md.
 * To regenerate after an intended change: UPDATE_GOLDEN=1 npx jest golden
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../../../src/engine/check';
import { draftCommentary, draftSentences, type Draft } from '../../../src/engine/commentary/draft';
import type { Language } from '../../../src/engine/i18n';
import type { SeedTable } from '../../../src/example/seed';
import { loadSeed } from '../../helpers/seed';
import { seedWorkbook } from './helpers';

const golden = (lang: Language): string => path.join(__dirname, '..', '..', 'fixtures', 'commentary', `seed-drafts.${lang}.md`);

/** Rows chosen for what they show: the example, rounding, immaterial, sign flips, #DIV/0!, net revenue, a tiny budget. */
const ROWS = ['KAI', 'KSÄ', 'KEK', 'KAS', 'KAFP', 'KLFÖ', 'KLS', 'KLMP', 'KGAMT', 'KGST', 'KGIT', 'KGFC', 'KGI'];

const COLUMNS = ['Bokslut 2020', 'Utfall 2021', 'Budget 2021', 'Avv', 'Förändr%'];

function printedRow(values: readonly string[]): string {
  return COLUMNS.map((c, i) => `${c} ${values[i] === undefined || values[i] === '' ? '(tom)' : values[i]}`).join(' · ');
}

function sources(d: Draft): string {
  return draftSentences(d)
    .map((s) => (s.cells.length === 0 ? '–' : s.cells.map((c) => `${c.sheet}!${c.cell}`).join(', ')))
    .join(' | ');
}

function render(lang: Language): string {
  const seed = loadSeed();
  const wb = seedWorkbook();
  const drafts = draftCommentary(checkWorkbook(wb), wb, { lang });
  const out: string[] = [
    `# Utkast till kommentarer, seedens tabeller (${lang === 'sv' ? 'svenska' : 'engelska'})`,
    '',
    'Genererad av `test/engine/commentary/golden.test.ts` ur `examples/source/kommunstyrelsen-2021-tables.json`',
    '(tabellerna i årsberättelsen 2021, avsnitt 6, inklistrade som värden). Belopp i tkr som tryckta.',
    'Källceller: cellerna varje mening räknades fram ur, mening för mening.',
    '',
  ];
  for (const unit of drafts.units) {
    const tables = seed.tables.filter((t) => t.unit === unit.unit);
    out.push(`## ${unit.unit}`, '');
    const rn = tables.find((t) => t.header.startsWith('RN'));
    const kg = tables.find((t) => t.header.startsWith('KONTOGRUPP'));
    const own = unit.kind === 'rn' ? rn : kg;
    if (unit.summary !== null && own !== undefined) {
      out.push(`### Sammanfattning (${own.header}, totalrad)`, '', `Indata: ${printedRow(own.total)}`);
      if (kg !== undefined && unit.driversTableId !== null) {
        out.push('', 'Kontogrupper:', '');
        for (const r of kg.rows) out.push(`- ${r.code} ${r.name}: Avv ${r.values[3] ?? '(tom)'}`);
      }
      out.push('', `> ${unit.summary.text}`, '', `Källceller: ${sources(unit.summary)}`, '');
    }
    for (const d of unit.rows.filter((x) => ROWS.includes(x.code))) {
      const printed = (rn as SeedTable).rows.find((r) => r.code === d.code);
      out.push(`### ${d.code} ${d.name}`, '', `Indata: ${printedRow(printed?.values ?? [])}`, '', `> ${d.text}`, '', `Källceller: ${sources(d)}`, '');
    }
  }
  return out.join('\n');
}

describe('golden drafts for the seed', () => {
  it.each(['sv', 'en'] as const)('matches test/fixtures/commentary/seed-drafts.%s.md', (lang) => {
    const text = render(lang);
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden(lang), text);
    expect(text).toBe(fs.readFileSync(golden(lang), 'utf8'));
  });
});
