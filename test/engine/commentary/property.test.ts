/**
 * Properties of fresh drafts, whatever the figures, in both sign
 * conventions and in kr, tkr and mnkr: the direction a draft states agrees
 * with the sign of the favourable variance, no figure carries a minus sign
 * after a direction word, every number in a sentence traces to the cells
 * the sentence lists, and reading a draft back with the narrative check
 * never gives a narrative-mismatch.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../../src/engine/check';
import { roundHalfAway, tkrToMnkr } from '../../../src/engine/commentary/amounts';
import { allDrafts, draftCommentary, type Draft } from '../../../src/engine/commentary/draft';
import type { CellRef } from '../../../src/engine/commentary/figures';
import { compareStated, statedVariance } from '../../../src/engine/commentary/narrative';
import { planCommentsSheet } from '../../../src/engine/commentary/sheet';
import { cellAt, parseAddress, type WorkbookGrid } from '../../../src/engine/grid';
import { tkrFactor, type AmountUnit, type SignConvention } from '../../../src/engine/table';
import { applyToGrid, narrativeFindings } from './helpers';
import { draftsFor, favourable, followUpWorkbook, SHEET, type PrintedRow, type TableShape } from './tables';

interface GenRow {
  code: string;
  name: string;
  previous: number;
  actual: number;
  budget: number;
}

const amount = fc.oneof(
  fc.integer({ min: -2_000_000, max: 2_000_000 }),
  fc.integer({ min: -2_000, max: 2_000 }),
  // Exact halves of 0,1 mnkr, where rounding is easiest to get wrong.
  fc.integer({ min: -500, max: 500 }).map((n) => n * 100 + 50),
  fc.constant(0),
);
const row = fc.record({
  name: fc.stringMatching(/^[A-ZÅÄÖ][a-zåäö]{2,10}( [a-zåäö]{2,8})?$/),
  previous: amount,
  actual: amount,
  budget: amount,
});
const table = fc
  .uniqueArray(fc.stringMatching(/^K[A-ZÅÄÖ]{1,4}$/), { minLength: 1, maxLength: 8 })
  .chain((codes) => fc.tuple(...codes.map(() => row)).map((rows) => rows.map((r, i): GenRow => ({ ...r, code: codes[i] as string }))));
const shape: fc.Arbitrary<TableShape> = fc.record({
  convention: fc.constantFrom<SignConvention>('costs-negative', 'costs-positive'),
  unit: fc.constantFrom<AmountUnit>('tkr', 'mnkr', 'kr'),
  varianceColumn: fc.boolean(),
});

/** Generated figures (tkr, costs negative) as a table of that shape prints them. */
function printed(rows: readonly GenRow[], s: TableShape): PrintedRow[] {
  const sign = s.convention === 'costs-positive' ? -1 : 1;
  const scale = 1 / tkrFactor(s.unit);
  const unit = (tkr: number): number => (s.unit === 'mnkr' ? Math.round(sign * tkr * scale * 10) / 10 : sign * tkr * scale);
  return rows.map((r) => ({ code: r.code, name: r.name, previous: unit(r.previous), actual: unit(r.actual), budget: unit(r.budget) }));
}

/** The amounts a sentence states: [value, decimals, unit]. */
function statedAmounts(text: string, lang: 'sv' | 'en'): { value: number; decimals: number; percent: boolean }[] {
  const re = lang === 'sv' ? /(\d{1,3}(?:\u00a0\d{3})*)(?:,(\d+))?\u00a0(mnkr|%)/g : /(?:SEK\u00a0(\d{1,3}(?:,\d{3})*)(?:\.(\d+))?\u00a0million)|(?:(\d{1,3}(?:,\d{3})*)(?:\.(\d+))?%)/g;
  const out: { value: number; decimals: number; percent: boolean }[] = [];
  for (const m of text.matchAll(re)) {
    const whole = (m[1] ?? m[3] ?? '').replace(/[\u00a0,]/g, '');
    const frac = m[2] ?? m[4];
    out.push({ value: Number(frac === undefined ? whole : `${whole}.${frac}`), decimals: frac === undefined ? 0 : frac.length, percent: lang === 'sv' ? m[3] === '%' : m[3] !== undefined });
  }
  return out;
}

/** Whether a stated amount is what the cited cells give: a cell, or the difference or change between two of them. */
function traces(stated: { value: number; decimals: number; percent: boolean }, cells: readonly CellRef[], wb: WorkbookGrid, s: TableShape): boolean {
  const sheet = wb.sheets.find((x) => x.name === SHEET);
  if (sheet === undefined) return false;
  const changeCol = s.varianceColumn ? 5 : 4;
  const values = cells.map((c) => {
    const at = parseAddress(c.cell) as { row: number; col: number };
    const v = cellAt(sheet, at.row, at.col).value;
    return { percent: at.col === changeCol, value: typeof v === 'number' ? v : NaN };
  });
  const amounts = values.filter((v) => !v.percent).map((v) => v.value * tkrFactor(s.unit));
  const same = (x: number): boolean => Math.abs(roundHalfAway(Math.abs(x), stated.decimals) - stated.value) < 1e-9;
  if (stated.percent) {
    if (values.some((v) => v.percent && same(v.value))) return true;
    return amounts.some((b) => amounts.some((u) => b !== 0 && same((u / b - 1) * 100)));
  }
  const mnkr = amounts.map((a) => a / 1000);
  return mnkr.some((a) => same(a) || mnkr.some((b) => same(a - b) || same(Math.abs(a) - Math.abs(b))));
}

/** The row's favourable variance in tkr as the table prints it. */
function favourableTkr(r: PrintedRow, s: TableShape): number {
  return favourable(r, s.convention) * tkrFactor(s.unit);
}

describe('property: a fresh draft agrees with its row', () => {
  it('states the direction of the favourable variance in words, never with a minus sign, and every number traces to its cells', () => {
    let traced = 0;
    fc.assert(
      fc.property(table, shape, fc.constantFrom('sv' as const, 'en' as const), fc.integer({ min: 0, max: 2000 }), (gen, s, lang, materialityTkr) => {
        const rows = printed(gen, s);
        const wb = followUpWorkbook(rows, s);
        const drafts: Draft[] = allDrafts(draftsFor(wb, s, { lang, materialityTkr }));
        for (const d of drafts) {
          expect(d.text).not.toMatch(/[−-]\s?\d/);
          for (const sentence of d.sentences) {
            for (const stated of statedAmounts(sentence.text, lang)) {
              expect({ sentence: sentence.text, traced: traces(stated, sentence.cells, wb, s) }).toEqual({ sentence: sentence.text, traced: true });
              traced++;
            }
            // Besides the amounts, the only numbers are the years of the header.
            const rest = sentence.text.replace(/\d[\d\u00a0,.]*\u00a0(mnkr|%|million)|\d[\d,.]*%/g, '');
            for (const n of rest.match(/\d+/g) ?? []) expect(['2020', '2021']).toContain(n);
          }
          if (d.kind !== 'row') continue;
          const r = rows.find((x) => x.code === d.code) as PrintedRow;
          const fav = favourableTkr(r, s);
          expect(d.varianceTkr).toBeCloseTo(fav, 6);
          const stated = statedVariance(d.text);
          if (tkrToMnkr(fav) === 0) {
            expect(stated).toBeUndefined();
            continue;
          }
          expect(stated).toBeDefined();
          if (stated === undefined) continue;
          expect(stated.sign).toBe(0);
          expect(stated.word).toBe(fav > 0 ? 'positive' : 'negative');
          expect(d.direction).toBe(fav > 0 ? 'positive' : 'negative');
          expect(compareStated(stated, d.varianceTkr).kind).toBe('ok');
          // Never a % across a sign flip or from a zero base.
          if (r.previous === 0 || r.previous * r.actual < 0) expect(d.text).not.toMatch(/%/);
        }
      }),
      { numRuns: 300 },
    );
    // The amounts were found and checked (mnkr and % in both languages).
    expect(traced).toBeGreaterThan(1000);
  });

  it('never gives a narrative-mismatch on the comments sheet it plans, with any materiality thresholds', () => {
    // As detection reads the table today: costs negative, tkr.
    const s: TableShape = { convention: 'costs-negative', unit: 'tkr', varianceColumn: true };
    fc.assert(
      fc.property(
        table,
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('sv' as const, 'en' as const),
        (gen, materialityTkr, materialityShare, lang) => {
          const wb = followUpWorkbook(printed(gen, s), s);
          const drafts = draftCommentary(checkWorkbook(wb), wb, { lang, materialityTkr, materialityShare });
          const written = applyToGrid(wb, planCommentsSheet(wb, drafts));
          expect(narrativeFindings(written)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
