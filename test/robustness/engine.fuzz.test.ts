/**
 * Engine fuzzing: generated workbooks of every odd kind (see
 * `arbitraries.ts`) through the whole engine: detection, every rule, the
 * fix planner and the commentary. Properties:
 * - nothing throws;
 * - every finding, table, planned edit and draft source lies on a sheet of
 *   the workbook and inside its grid, with a message in both languages and
 *   no NaN or Infinity in what it reports;
 * - planned fixes touch only change-% cells of detected tables, and say
 *   truthfully what the cell held;
 * - the comments sheet plan writes only to `Kommentarer`, as plain values.
 *
 * 10 000 small workbooks per run here (FUZZ_RUNS overrides); `npm run fuzz`
 * runs many more, full-size (see scripts/fuzz.js); FUZZ_SEED replays a run.
 * The seed is printed when a property fails.
 */
import fc from 'fast-check';
import { checkWorkbook, type CheckResult } from '../../src/engine/check';
import { allDrafts, draftCommentary, draftSentences } from '../../src/engine/commentary/draft';
import { COMMENTS_SHEET } from '../../src/engine/commentary/layout';
import { compareStated, sentences, statedVariance } from '../../src/engine/commentary/narrative';
import { planCommentsSheetWithReport } from '../../src/engine/commentary/sheet';
import { planTemplateSheet, readTemplateOverrides } from '../../src/engine/commentary/templates';
import type { CellEdit, Finding } from '../../src/engine/finding';
import { planFixes, reverseEdits } from '../../src/engine/fixes';
import { cellAddress, cellAt, columnCount, rowCount, type SheetGrid, type WorkbookGrid } from '../../src/engine/grid';
import { translate } from '../../src/engine/i18n';
import { FULL, SMALL, workbook } from './arbitraries';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** Small workbooks in the suite (a few seconds); full-size ones when FUZZ_SIZE=full (`npm run fuzz`). */
const SIZE = process.env.FUZZ_SIZE === 'full' ? FULL : SMALL;
const params = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true };

jest.setTimeout(Math.max(120_000, RUNS * 20));

function inGrid(sheet: SheetGrid, row: number, col: number): boolean {
  return Number.isInteger(row) && Number.isInteger(col) && row >= 0 && col >= 0 && row < rowCount(sheet) && col < columnCount(sheet);
}

function finiteOrText(v: unknown): boolean {
  return v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

/** Throws with a readable reason when a finding breaks a property (fast-check shrinks on it). */
function assertFinding(wb: WorkbookGrid, result: CheckResult, f: Finding): void {
  const sheet = wb.sheets.find((s) => s.name === f.sheet);
  if (sheet === undefined) throw new Error(`finding on unknown sheet ${f.sheet}`);
  if (!inGrid(sheet, f.row, f.col)) throw new Error(`finding ${f.rule} at ${f.cell} outside the grid of ${f.sheet}`);
  if (f.cell !== cellAddress(f.row, f.col)) throw new Error(`finding address ${f.cell} ≠ (${f.row}, ${f.col})`);
  if (f.tableId !== null && !result.tables.some((t) => t.id === f.tableId)) throw new Error(`finding names unknown table ${f.tableId}`);
  if (!finiteOrText(f.expected) || !finiteOrText(f.actual)) throw new Error(`finding ${f.rule} at ${f.cell} reports ${String(f.expected)} / ${String(f.actual)}`);
  for (const [k, v] of Object.entries(f.params)) if (!finiteOrText(v)) throw new Error(`finding ${f.rule} param ${k} = ${String(v)}`);
  for (const lang of ['sv', 'en'] as const) {
    const text = translate(f.messageId, lang, f.params);
    if (text === f.messageId) throw new Error(`no ${lang} message for ${f.messageId}`);
    if (/\{[\p{L}_0-9]+\}/u.test(text.replace(/\{[^}]*\}/gu, (m) => (Object.values(f.params).some((p) => String(p).includes(m)) ? '' : m))))
      throw new Error(`unfilled placeholder in ${f.messageId}: ${text}`);
  }
}

function assertTables(wb: WorkbookGrid, result: CheckResult): void {
  for (const t of result.tables) {
    const sheet = wb.sheets.find((s) => s.name === t.sheet);
    if (sheet === undefined) throw new Error(`table on unknown sheet ${t.sheet}`);
    if (!(t.top <= t.headerTop && t.headerTop <= t.headerBottom && t.headerBottom < t.bottom + 1 && t.left <= t.right)) throw new Error(`table ${t.id} has a bad extent`);
    if (!inGrid(sheet, t.bottom, t.right) || !inGrid(sheet, t.top, t.left)) throw new Error(`table ${t.id} outside the grid`);
    for (const r of [...t.rows, ...(t.total === null ? [] : [t.total])]) if (r.row <= t.headerBottom || r.row > t.bottom) throw new Error(`table ${t.id} row ${r.row} outside its body`);
  }
}

function assertFixes(wb: WorkbookGrid, result: CheckResult, edits: CellEdit[]): void {
  const seen = new Set<string>();
  for (const e of edits) {
    const sheet = wb.sheets.find((s) => s.name === e.sheet);
    if (sheet === undefined) throw new Error(`fix on unknown sheet ${e.sheet}`);
    if (!inGrid(sheet, e.row, e.col) || e.cell !== cellAddress(e.row, e.col)) throw new Error(`fix at ${e.cell} outside the grid`);
    const key = `${e.sheet}!${e.cell}`;
    if (seen.has(key)) throw new Error(`two fixes for ${key}`);
    seen.add(key);
    const owner = result.tables.find((t) => t.sheet === e.sheet && t.columns.change?.col === e.col && [...t.rows, ...(t.total === null ? [] : [t.total])].some((r) => r.row === e.row));
    if (owner === undefined) throw new Error(`fix at ${key} is not a change-% cell of a table`);
    const now = cellAt(sheet, e.row, e.col);
    if (now.value !== e.before.value && !(Number.isNaN(now.value) && Number.isNaN(e.before.value))) throw new Error(`fix at ${key} misstates the cell's value`);
    if (now.formula !== e.before.formula) throw new Error(`fix at ${key} misstates the cell's formula`);
    if (e.after.formula !== undefined && !e.after.formula.startsWith('=IF(')) throw new Error(`fix at ${key} writes an unguarded formula ${e.after.formula}`);
  }
  const back = reverseEdits(edits);
  if (back.length !== edits.length) throw new Error('reverseEdits lost edits');
}

function assertCommentary(wb: WorkbookGrid, result: CheckResult, lang: 'sv' | 'en'): void {
  const drafts = draftCommentary(result, wb, { lang });
  for (const d of allDrafts(drafts)) {
    if (
      /NaN|Infinity|undefined|\{[\p{L}_0-9]+\}/u.test(
        d.text.replace(/\{[^}]*\}/gu, (m) => (wb.sheets.some((s) => s.cells.some((row) => row?.some((c) => typeof c?.value === 'string' && c.value.includes(m)))) ? '' : m)),
      )
    )
      throw new Error(`draft ${d.key} says ${d.text}`);
    if (!Number.isFinite(d.varianceTkr) || !Number.isFinite(d.varianceMnkr)) throw new Error(`draft ${d.key} variance ${d.varianceTkr}`);
    for (const s of draftSentences(d)) {
      for (const ref of s.cells) {
        const sheet = wb.sheets.find((x) => x.name === ref.sheet);
        if (sheet === undefined) throw new Error(`draft ${d.key} cites unknown sheet ${ref.sheet}`);
      }
    }
  }
  const plan = planCommentsSheetWithReport(wb, drafts, { lang });
  for (const e of plan.edits) {
    if (e.sheet !== COMMENTS_SHEET) throw new Error(`comments plan writes to ${e.sheet}`);
    if (e.row < 0 || e.col < 0 || e.cell !== cellAddress(e.row, e.col)) throw new Error(`comments plan writes at ${e.cell}`);
    if (e.after.formula !== undefined && !/^='(?:[^']|'')+'!\$?[A-Z]{1,3}\$?\d+(?:\/1000)?$/.test(e.after.formula)) throw new Error(`comments plan writes the formula ${e.after.formula}`);
    if (typeof e.after.value === 'number' && !Number.isFinite(e.after.value)) throw new Error(`comments plan writes ${e.after.value}`);
  }
  planTemplateSheet(wb, readTemplateOverrides(wb));
  for (const s of wb.sheets) {
    for (const row of s.cells) {
      for (const c of row ?? []) {
        if (typeof c?.value !== 'string') continue;
        sentences(c.value);
        const stated = statedVariance(c.value);
        if (stated !== undefined) compareStated(stated, 1234, 0.5);
      }
    }
  }
}

describe(`engine fuzzing: ${RUNS} generated workbooks`, () => {
  it('checkWorkbook, planFixes and the commentary never throw and never point outside the workbook', () => {
    fc.assert(
      fc.property(workbook(SIZE), fc.boolean(), fc.constantFrom('sv' as const, 'en' as const), fc.double({ min: 0, max: 1000, noNaN: true }), (wb, meaningless, lang, tolerance) => {
        const result = checkWorkbook(wb, { tolerance });
        assertTables(wb, result);
        for (const f of result.findings) assertFinding(wb, result, f);
        const edits = planFixes(wb, result, { marker: meaningless ? 'e.j.' : '', meaningless });
        assertFixes(wb, result, edits);
        assertCommentary(wb, result, lang);
      }),
      params,
    );
  });
});
