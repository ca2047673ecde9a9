/**
 * Drafts commentary from the numbers: one draft per row of every RN table
 * (each avdelning/enhet) and one summary per table (per nämnd/förvaltning),
 * in the style of the annual reports: unit — direction — amount in mnkr —
 * a clearly marked gap for the cause, which only the economist knows.
 */
import type { CheckResult } from '../check';
import type { SheetGrid, WorkbookGrid } from '../grid';
import { translate, type Language } from '../i18n';
import type { TableRow, VarianceTable } from '../table';
import { formatMnkr, formatPercent, roundHalfAway, tkrToMnkr } from './amounts';
import { rowFigures, tableUnit, totalFigures, type CellRef, type Figure, type RowFigures } from './figures';
import { fillTemplate, readTemplateOverrides, resolveTemplates, type TemplateId, type TemplateIssue, type TemplateOverride } from './templates';
import { formatNumber } from '../i18n';

/** Settings of the drafts. */
export interface CommentaryOptions {
  lang: Language;
  /**
   * Materiality: a variance is immaterial (one short "i nivå med budget"
   * sentence, no gap) when |Avv| < `materialityTkr` AND |Avv| <
   * `materialityShare` × |Budget|. A variance that rounds to 0,0 mnkr is
   * always immaterial. Defaults 500 tkr and 5 %.
   */
  materialityTkr: number;
  materialityShare: number;
  /**
   * Last year's figure below this (in tkr, absolute) makes a change %
   * meaningless (the base rounds to 0,0 mnkr at the default 50 tkr).
   */
  tinyBaseTkr: number;
  /** Template overrides in addition to (and winning over) those on the workbook's hidden template sheet. */
  templates: readonly TemplateOverride[];
}

export const DEFAULT_COMMENTARY_OPTIONS: CommentaryOptions = {
  lang: 'sv',
  materialityTkr: 500,
  materialityShare: 0.05,
  tinyBaseTkr: 50,
  templates: [],
};

/** One sentence of a draft and the cells its numbers were computed from. */
export interface DraftSentence {
  templateId: TemplateId;
  text: string;
  cells: CellRef[];
  /** True for the marked gap the economist fills in (`[Förklara avvikelsen: …]`). */
  gap: boolean;
}

export type Direction = 'positive' | 'negative' | 'zero';

/** A draft comment for one unit row or one table summary. */
export interface Draft {
  /** Stable identity across runs: `rad:KAI`, `summa:Kommunledning`. */
  key: string;
  kind: 'row' | 'summary';
  /** The unit code (`KAI`); empty for summaries. */
  code: string;
  /** The unit's name (`Kommunikation`), or the table's unit for a summary. */
  name: string;
  /** What the comments sheet shows in Enhet (`Kommunikation`, `Kommunstyrelseförvaltning, totalt`). */
  label: string;
  /** The table's unit (nämnd/förvaltning) this draft belongs to. */
  unit: string;
  tableId: string;
  sheet: string;
  /** 0-based sheet row of the unit's row (or the total row), null when the total was summed. */
  row: number | null;
  varianceTkr: number;
  /** The variance as the draft states it (mnkr, one decimal, half away from zero). */
  varianceMnkr: number;
  /** Change % since last year (one decimal) when meaningful, else null. */
  changePercent: number | null;
  material: boolean;
  direction: Direction;
  sentences: DraftSentence[];
  /** All sentences joined: the comment as it is written to the sheet. */
  text: string;
  /** The cell(s) the variance was read from. */
  varianceCells: CellRef[];
  /** The unit of those cells (a table in kr): `varianceTkr` is already converted to tkr. */
  sourceUnit: 'tkr' | 'kr';
}

/** The drafts of one table: its summary and one draft per unit row. */
export interface UnitDraft {
  unit: string;
  tableId: string;
  sheet: string;
  kind: 'rn' | 'kontogrupp';
  summary: Draft | null;
  /** One per row of an RN table (empty for a kontogrupp table of its own). */
  rows: Draft[];
  /** The kontogrupp table whose account groups drive the summary, if any. */
  driversTableId: string | null;
}

export interface CommentaryDrafts {
  lang: Language;
  units: UnitDraft[];
  /** Overrides that could not be used (unknown placeholder, unknown id …), as data. */
  templateIssues: TemplateIssue[];
}

interface Ctx {
  lang: Language;
  opts: CommentaryOptions;
  texts: Record<TemplateId, string>;
  /** Each table's `år` and `år_föregående` texts, made once per table. */
  years: Map<VarianceTable, { year: string; previous: string }>;
}

/** Words never change within a language: each is translated once. */
const WORDS = new Map<string, string>();

function word(ctx: Ctx, key: string): string {
  const k = `${ctx.lang}:${key}`;
  let w = WORDS.get(k);
  if (w === undefined) {
    w = translate(`commentary.ord.${key}`, ctx.lang);
    WORDS.set(k, w);
  }
  return w;
}

function directionOf(mnkr: number): Direction {
  return mnkr > 0 ? 'positive' : mnkr < 0 ? 'negative' : 'zero';
}

/** Whether a variance needs an explanation (see `CommentaryOptions`). */
export function isMaterial(varianceTkr: number, budgetTkr: number | undefined, opts: Pick<CommentaryOptions, 'materialityTkr' | 'materialityShare'>): boolean {
  if (tkrToMnkr(varianceTkr) === 0) return false;
  const v = Math.abs(varianceTkr);
  const belowAmount = v < opts.materialityTkr;
  const belowShare = budgetTkr === undefined ? true : v < opts.materialityShare * Math.abs(budgetTkr);
  return !(belowAmount && belowShare);
}

/** The years the table's header names: this year from Utfall (or Budget/Avv), last year from Bokslut. */
function tableYears(table: VarianceTable): { year: number | undefined; previous: number | undefined } {
  const last = (ys: number[] | undefined): number | undefined => (ys === undefined || ys.length === 0 ? undefined : ys[ys.length - 1]);
  const year = last(table.columns.actual?.years) ?? last(table.columns.budget?.years) ?? last(table.columns.variance?.years);
  let previous = table.columns.previous?.years[0];
  if (previous === undefined && year !== undefined) previous = year - 1;
  return { year, previous };
}

function cellsOf(...figures: (Figure | undefined)[]): CellRef[] {
  const out: CellRef[] = [];
  for (const f of figures) if (f !== undefined) for (const c of f.cells) if (!out.some((o) => o.sheet === c.sheet && o.cell === c.cell)) out.push(c);
  // A copy of its own length: an array grown by push keeps room for 17 (drafts keep 100 000s of these).
  return out.slice();
}

/** A sentence from its template, `values` and (winning over them) `overlay`. */
function sentence(ctx: Ctx, id: TemplateId, values: Record<string, string>, cells: CellRef[], gap = false, overlay?: Record<string, string>): DraftSentence {
  return { templateId: id, text: fillTemplate(ctx.texts[id], values, overlay), cells, gap };
}

interface Subject {
  kind: 'row' | 'summary';
  key: string;
  code: string;
  name: string;
  label: string;
  unit: string;
  table: VarianceTable;
  row: number | null;
}

/**
 * The change % to cite: the table's own Förändr% when it agrees with Bokslut
 * and Utfall within their rounding (it was computed from the unrounded
 * figures, so it is the better number), else the % computed from them.
 */
function citedPercent(figs: RowFigures, b: Figure, u: Figure): { value: number; fromCell: boolean } {
  const computed = (u.tkr / b.tkr - 1) * 100;
  const cell = figs.change;
  if (cell === undefined) return { value: computed, fromCell: false };
  let lo = Infinity;
  let hi = -Infinity;
  for (const db of [-b.halfUnit, b.halfUnit]) {
    for (const du of [-u.halfUnit, u.halfUnit]) {
      const p = ((u.tkr + du) / (b.tkr + db) - 1) * 100;
      lo = Math.min(lo, p);
      hi = Math.max(hi, p);
    }
  }
  const ok = cell.tkr >= lo - cell.halfUnit - 1e-9 && cell.tkr <= hi + cell.halfUnit + 1e-9;
  return ok ? { value: cell.tkr, fromCell: true } : { value: computed, fromCell: false };
}

/**
 * The change-since-last-year sentence, or none when there is nothing to
 * compare; without `withSentence` only the % it would cite.
 */
function changeSentence(ctx: Ctx, figs: RowFigures, values: Record<string, string>, withSentence = true): { s: DraftSentence | undefined; percent: number | null } | undefined {
  const b = figs.previous;
  const u = figs.actual;
  if (b === undefined || u === undefined) return undefined;
  const B = b.tkr;
  const U = u.tkr;
  if (B === 0 && U === 0) return undefined;
  if (!withSentence) {
    if (B === 0 || B * U < 0 || Math.abs(B) < ctx.opts.tinyBaseTkr) return { s: undefined, percent: null };
    return { s: undefined, percent: roundHalfAway(citedPercent(figs, b, u).value, 1) };
  }
  const cells = cellsOf(b, u);
  const nettopost = (x: number): string => word(ctx, x < 0 ? 'nettokostnaden' : 'nettointäkten');
  const bokslut_mnkr = formatMnkr(tkrToMnkr(B), ctx.lang);
  // The sentence's own values lie over the draft's (no copy of them per sentence).
  if (B === 0) return { s: sentence(ctx, 'förändring.nollbas', values, cells, false, { bokslut_mnkr, nettopost: nettopost(U) }), percent: null };
  if (B * U < 0) {
    const post = (x: number): string => word(ctx, x < 0 ? 'en_nettokostnad' : 'en_nettointäkt');
    const flip = {
      bokslut_mnkr,
      från_post: post(B),
      från_mnkr: formatMnkr(tkrToMnkr(Math.abs(B)), ctx.lang),
      till_post: post(U),
      till_mnkr: formatMnkr(tkrToMnkr(Math.abs(U)), ctx.lang),
    };
    return { s: sentence(ctx, 'förändring.teckenbyte', values, cells, false, flip), percent: null };
  }
  const diff = Math.abs(U) - Math.abs(B);
  const nettopostText = nettopost(U === 0 ? B : U);
  const förändring_mnkr = formatMnkr(tkrToMnkr(Math.abs(diff)), ctx.lang);
  const förändring_riktning = word(ctx, diff >= 0 ? 'ökat' : 'minskat');
  if (Math.abs(B) < ctx.opts.tinyBaseTkr) {
    return { s: sentence(ctx, 'förändring.låg_bas', values, cells, false, { bokslut_mnkr, nettopost: nettopostText, förändring_mnkr, förändring_riktning }), percent: null };
  }
  const percent = citedPercent(figs, b, u);
  const withPercent = { bokslut_mnkr, nettopost: nettopostText, förändring_mnkr, förändring_riktning, förändring_procent: formatPercent(Math.abs(percent.value), ctx.lang) };
  const id: TemplateId = tkrToMnkr(Math.abs(diff)) === 0 ? 'förändring.oförändrad' : 'förändring';
  return { s: sentence(ctx, id, values, figs.change !== undefined && percent.fromCell ? cellsOf(b, u, figs.change) : cells, false, withPercent), percent: roundHalfAway(percent.value, 1) };
}

/** The rows of a table with their variances, strongest first in the given direction. */
function largest(sheet: SheetGrid, table: VarianceTable, direction: Direction): { row: TableRow; variance: Figure }[] {
  const out: { row: TableRow; variance: Figure }[] = [];
  for (const row of table.rows) {
    const f = rowFigures(sheet, table, row.row).variance;
    if (f === undefined || tkrToMnkr(f.tkr) === 0) continue;
    if (directionOf(f.tkr) !== direction) continue;
    out.push({ row, variance: f });
  }
  return out.sort((a, b) => Math.abs(b.variance.tkr) - Math.abs(a.variance.tkr) || a.row.row - b.row.row).slice(0, 2);
}

function accountGroupName(ctx: Ctx, row: TableRow): string {
  const key = `commentary.kontogrupp.${row.code}`;
  const known = translate(key, ctx.lang);
  if (known !== key) return known;
  const name = row.name === '' ? row.code : row.name;
  return name.charAt(0).toLocaleLowerCase('sv-SE') + name.slice(1);
}

function buildDraft(ctx: Ctx, sheet: SheetGrid, subject: Subject, figs: RowFigures, extras: (values: Record<string, string>, direction: Direction) => DraftSentence[]): Draft | undefined {
  const variance = figs.variance;
  if (variance === undefined) return undefined;
  const lang = ctx.lang;
  const mnkr = tkrToMnkr(variance.tkr);
  const direction = directionOf(mnkr);
  const material = isMaterial(variance.tkr, figs.budget?.tkr, ctx.opts);
  let years = ctx.years.get(subject.table);
  if (years === undefined) {
    const y = tableYears(subject.table);
    years = { year: y.year === undefined ? word(ctx, 'år') : String(y.year), previous: y.previous === undefined ? word(ctx, 'år_föregående') : String(y.previous) };
    ctx.years.set(subject.table, years);
  }
  const missing = '–';
  const values: Record<string, string> = {
    enhet: subject.name,
    kod: subject.code,
    år: years.year,
    år_föregående: years.previous,
    riktning: word(ctx, variance.tkr < 0 ? 'negativ' : 'positiv'),
    avvikelse_mnkr: formatMnkr(mnkr, lang),
    avvikelse_mnkr_abs: formatMnkr(Math.abs(mnkr), lang),
    avvikelse_tkr: formatNumber(variance.tkr, lang, 0),
    utfall_mnkr: figs.actual === undefined ? missing : formatMnkr(tkrToMnkr(figs.actual.tkr), lang),
    utfall_mnkr_abs: figs.actual === undefined ? missing : formatMnkr(tkrToMnkr(Math.abs(figs.actual.tkr)), lang),
    budget_mnkr: figs.budget === undefined ? missing : formatMnkr(tkrToMnkr(figs.budget.tkr), lang),
  };
  const prefix = subject.kind === 'row' ? 'avdelning' : 'summa';
  const sentences: DraftSentence[] = [];
  let changePercent: number | null = null;
  if (!material) {
    sentences.push(sentence(ctx, `${prefix}.i_nivå`, values, cellsOf(variance)));
  } else {
    sentences.push(sentence(ctx, direction === 'negative' ? `${prefix}.avvikelse.negativ` : `${prefix}.avvikelse.positiv`, values, cellsOf(variance)));
    if (figs.actual !== undefined && figs.budget !== undefined) sentences.push(sentence(ctx, 'utfall', values, cellsOf(figs.actual, figs.budget)));
    const change = changeSentence(ctx, figs, values);
    if (change !== undefined) {
      sentences.push(change.s as DraftSentence);
      changePercent = change.percent;
    }
    sentences.push(...extras(values, direction));
    sentences.push(sentence(ctx, 'lucka', values, [], true));
  }
  if (changePercent === null && material === false) {
    const change = changeSentence(ctx, figs, values, false);
    if (change !== undefined) changePercent = change.percent;
  }
  const text = sentences.map((s) => s.text).join(' ');
  // Each sentence's text as a piece of the draft's: one flat string per draft, not a tree of pieces per sentence.
  let at = 0;
  for (const s of sentences) {
    const n = s.text.length;
    s.text = text.slice(at, at + n);
    at += n + 1;
  }
  return {
    key: subject.key,
    kind: subject.kind,
    code: subject.code,
    name: subject.name,
    label: subject.label,
    unit: subject.unit,
    tableId: subject.table.id,
    sheet: subject.table.sheet,
    row: subject.row,
    varianceTkr: variance.tkr,
    varianceMnkr: mnkr,
    changePercent,
    material,
    direction,
    sentences: sentences.slice(),
    text,
    varianceCells: variance.cells,
    sourceUnit: subject.table.unit,
  };
}

function normalise(s: string): string {
  return s.toLocaleLowerCase('sv-SE').replace(/\s+/g, ' ').trim();
}

function sameTotal(sheets: Map<string, SheetGrid>, a: VarianceTable, b: VarianceTable): boolean {
  const sa = sheets.get(a.sheet);
  const sb = sheets.get(b.sheet);
  if (sa === undefined || sb === undefined) return false;
  const va = totalFigures(sa, a).variance;
  const vb = totalFigures(sb, b).variance;
  return va !== undefined && vb !== undefined && Math.abs(va.tkr - vb.tkr) <= va.halfUnit + vb.halfUnit + 1e-9;
}

/**
 * The kontogrupp table of the same unit as an RN table: same title, else
 * same sheet; among several, the one whose total variance equals the RN
 * table's, else the first below it.
 */
export function kontogruppTableFor(rn: VarianceTable, tables: readonly VarianceTable[], workbook: WorkbookGrid): VarianceTable | undefined {
  const kg = tables.filter((t) => t.kind === 'kontogrupp');
  const byTitle = rn.title === null ? [] : kg.filter((t) => t.title !== null && normalise(t.title) === normalise(rn.title as string));
  const candidates = byTitle.length > 0 ? byTitle : kg.filter((t) => t.sheet === rn.sheet);
  if (candidates.length <= 1) return candidates[0];
  const sheets = new Map(workbook.sheets.map((s) => [s.name, s] as const));
  const matching = candidates.filter((t) => sameTotal(sheets, rn, t));
  const pool = matching.length > 0 ? matching : candidates;
  return pool.find((t) => t.sheet === rn.sheet && t.top > rn.bottom) ?? pool[0];
}

function uniqueKey(seen: Set<string>, key: string): string {
  let k = key;
  for (let i = 2; seen.has(k); i++) k = `${key}#${i}`;
  seen.add(k);
  return k;
}

/**
 * Drafts the commentary of every table found by the check.
 *
 * - RN tables: one `Draft` per row (avdelning/enhet) and a summary of the
 *   table (its total, the two units contributing most, and, when a kontogrupp
 *   table of the same unit exists, the two account groups driving it).
 * - A kontogrupp table with no RN table of its own (Stadsrevisionen) gets a
 *   summary with its account groups as drivers.
 *
 * Amounts are mnkr with one decimal rounded half away from zero, directions
 * agree with the signs, years come from the table's header, the change % is
 * computed from Bokslut and Utfall and only cited when meaningful. Every
 * sentence keeps the cells it was computed from. Templates: the language's
 * defaults, the workbook's hidden template sheet, then `options.templates`.
 * Pure; never throws on bad data (a row without a variance gets no draft).
 */
export function draftCommentary(result: Pick<CheckResult, 'tables'>, workbook: WorkbookGrid, options: Partial<CommentaryOptions> = {}): CommentaryDrafts {
  const opts: CommentaryOptions = { ...DEFAULT_COMMENTARY_OPTIONS, ...options };
  const overrides = [...readTemplateOverrides(workbook), ...opts.templates];
  const set = resolveTemplates(opts.lang, overrides);
  const ctx: Ctx = { lang: opts.lang, opts, texts: set.texts, years: new Map() };
  const sheets = new Map(workbook.sheets.map((s) => [s.name, s] as const));
  const units: UnitDraft[] = [];
  const usedAsDrivers = new Set<string>();
  const keys = new Set<string>();
  const rnTables = result.tables.filter((t) => t.kind === 'rn');
  const driversOf = new Map<string, VarianceTable>();
  for (const rn of rnTables) {
    const kg = kontogruppTableFor(rn, result.tables, workbook);
    if (kg !== undefined) {
      driversOf.set(rn.id, kg);
      usedAsDrivers.add(kg.id);
    }
  }

  const driverSentences = (kg: VarianceTable | undefined, values: Record<string, string>, direction: Direction): DraftSentence[] => {
    if (kg === undefined) return [];
    const kgSheet = sheets.get(kg.sheet);
    if (kgSheet === undefined) return [];
    const top = largest(kgSheet, kg, direction);
    const [first, second] = top;
    if (first === undefined) return [];
    const v: Record<string, string> = {
      ...values,
      kontogrupp_1: accountGroupName(ctx, first.row),
      kontogrupp_1_mnkr: formatMnkr(tkrToMnkr(first.variance.tkr), ctx.lang, 1, true),
    };
    if (second === undefined) return [sentence(ctx, 'summa.kontogrupper.en', v, cellsOf(first.variance))];
    v.kontogrupp_2 = accountGroupName(ctx, second.row);
    v.kontogrupp_2_mnkr = formatMnkr(tkrToMnkr(second.variance.tkr), ctx.lang, 1, true);
    return [sentence(ctx, 'summa.kontogrupper.två', v, cellsOf(first.variance, second.variance))];
  };

  for (const table of result.tables) {
    const sheet = sheets.get(table.sheet);
    if (sheet === undefined) continue;
    if (table.kind === 'kontogrupp' && usedAsDrivers.has(table.id)) continue;
    const unit = tableUnit(table);
    const rows: Draft[] = [];
    if (table.kind === 'rn') {
      for (const row of table.rows) {
        const name = row.name === '' ? row.code : row.name;
        const subject: Subject = {
          kind: 'row',
          key: uniqueKey(keys, `rad:${row.code === '' ? name : row.code}`),
          code: row.code,
          name,
          label: name,
          unit,
          table,
          row: row.row,
        };
        const d = buildDraft(ctx, sheet, subject, rowFigures(sheet, table, row.row), () => []);
        if (d !== undefined) rows.push(d);
      }
    }
    const kg = table.kind === 'rn' ? driversOf.get(table.id) : table;
    const summarySubject: Subject = {
      kind: 'summary',
      key: uniqueKey(keys, `summa:${unit}`),
      code: '',
      name: unit,
      label: translate('commentary.sheet.summa', ctx.lang, { enhet: unit }),
      unit,
      table,
      row: table.total?.row ?? null,
    };
    const summary = buildDraft(ctx, sheet, summarySubject, totalFigures(sheet, table), (values, direction) => {
      const out: DraftSentence[] = [];
      if (table.kind === 'rn' && table.rows.length > 1) {
        const [first, second] = largest(sheet, table, direction);
        if (first !== undefined) {
          const v: Record<string, string> = {
            ...values,
            enhet_1: first.row.name === '' ? first.row.code : first.row.name,
            avvikelse_1_mnkr: formatMnkr(tkrToMnkr(first.variance.tkr), ctx.lang),
          };
          if (second === undefined) {
            out.push(sentence(ctx, 'summa.bidrag.en', v, cellsOf(first.variance)));
          } else {
            v.enhet_2 = second.row.name === '' ? second.row.code : second.row.name;
            v.avvikelse_2_mnkr = formatMnkr(tkrToMnkr(second.variance.tkr), ctx.lang);
            out.push(sentence(ctx, 'summa.bidrag.två', v, cellsOf(first.variance, second.variance)));
          }
        }
      }
      out.push(...driverSentences(kg, values, direction));
      return out;
    });
    units.push({
      unit,
      tableId: table.id,
      sheet: table.sheet,
      kind: table.kind,
      summary: summary ?? null,
      rows,
      driversTableId: table.kind === 'rn' ? (kg?.id ?? null) : table.id,
    });
  }
  return { lang: opts.lang, units, templateIssues: set.issues };
}

/** Every draft in sheet order: for each table its summary, then its rows. */
export function allDrafts(drafts: CommentaryDrafts): Draft[] {
  const out: Draft[] = [];
  for (const u of drafts.units) {
    if (u.summary !== null) out.push(u.summary);
    out.push(...u.rows);
  }
  return out;
}
