/**
 * Drafts commentary from the numbers: one draft per row of every RN table
 * (each avdelning/enhet) and one summary per table (per nämnd/förvaltning),
 * in the style of the annual reports: unit — direction — amount in mnkr —
 * a clearly marked gap for the cause, which only the economist knows.
 *
 * Each draft is plain data: its figures, its text, and its sentences, each
 * with its template and the cells its numbers came from. The figures are
 * read with `figures.ts`, the sentences written with `wording.ts` from the
 * templates of `templates.ts`, the drivers of a summary found by `drivers.ts`.
 */
import type { CheckResult } from '../check';
import type { SheetGrid, WorkbookGrid } from '../grid';
import { translate, type Language } from '../i18n';
import type { VarianceTable } from '../table';
import { amountFormats, mnkrText, tkrToMnkr } from './amounts';
import { accountGroupName, addContributor, kontogruppTableFor, largestContributors, noContributors, rowVariances, unitName, type Contributors, type RowVariance } from './drivers';
import { rowFiguresIn, tableColumns, tableUnit, totalFigures, type CellRef, type RowFigures } from './figures';
import { readTemplateOverrides, resolveTemplates, splitTemplate, TEMPLATE_IDS, type SplitTemplate, type TemplateId, type TemplateIssue, type TemplateOverride } from './templates';
import { cellsOf, plan, sharedGapOf, writeDraft, type Direction, type DraftSentence, type DriverSentences, type SentencePlan, type Subject, type Words, type Wording } from './wording';

export { kontogruppTableFor } from './drivers';
export type { Direction, DraftSentence } from './wording';

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
  /** The table the figures were read from (its `convention` and `unit` say how to read them). */
  table: VarianceTable;
  /** 0-based sheet row of the unit's row (or the total row), null when the total was summed. */
  row: number | null;
  /** The variance in tkr, positive when favourable under the table's convention. */
  varianceTkr: number;
  /** The variance as the draft states it: mnkr, rounded half away from zero to the decimals written (one, more when needed to tell Utfall from Budget). */
  varianceMnkr: number;
  /** Change % since last year (one decimal) when meaningful, else null. */
  changePercent: number | null;
  material: boolean;
  direction: Direction;
  /** All sentences joined by a space: the comment as it is written to the sheet. */
  text: string;
  /** The sentences in order, each with its template and the cells its numbers were computed from. */
  sentences: DraftSentence[];
  /** The cell(s) the variance was read from: the Avv cell, Utfall and Budget, or (a summed total) every row's. */
  varianceCells: CellRef[];
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

function wordsOf(lang: Language): Words {
  const w = (key: keyof Words): string => translate(`commentary.ord.${key}`, lang);
  return {
    positiv: w('positiv'),
    negativ: w('negativ'),
    en_positiv: w('en_positiv'),
    en_negativ: w('en_negativ'),
    ökat: w('ökat'),
    minskat: w('minskat'),
    nettokostnaden: w('nettokostnaden'),
    nettointäkten: w('nettointäkten'),
    en_nettokostnad: w('en_nettokostnad'),
    en_nettointäkt: w('en_nettointäkt'),
  };
}

/** The names taken by the drafts' keys of one kind (`rad:`, `summa:`), and per name the number its next `#n` starts from (every number below it is taken). */
interface TakenNames {
  names: Set<string>;
  nextNumber: Map<string, number>;
}

function takenNames(): TakenNames {
  return { names: new Set(), nextNumber: new Map() };
}

/** `name`, or `name#2`, `name#3` … when it is taken; takes it. */
function uniqueName(taken: TakenNames, name: string): string {
  const size = taken.names.size;
  taken.names.add(name);
  if (taken.names.size > size) return name;
  let i = taken.nextNumber.get(name) ?? 2;
  while (taken.names.has(`${name}#${i}`)) i++;
  const numbered = `${name}#${i}`;
  taken.names.add(numbered);
  taken.nextNumber.set(name, i + 1);
  return numbered;
}

/** The sentences naming a summary's largest contributing units and account groups. */
function driverSentences(wording: Wording, units: Contributors | null, accountGroups: readonly RowVariance[] | null): DriverSentences {
  return (favourable) => {
    const out: SentencePlan[] = [];
    const formats = wording.formats;
    const lang = wording.lang;
    const [u1, u2] = units === null ? [] : largestContributors(favourable ? units.favourable : units.unfavourable, favourable);
    if (u1 !== undefined) {
      const own = { enhet_1: unitName(u1.row), avvikelse_1_mnkr: mnkrText(u1.variance.tkr, formats) };
      if (u2 === undefined) out.push(plan('summa.bidrag.en', cellsOf(u1.variance), own));
      else out.push(plan('summa.bidrag.två', cellsOf(u1.variance, u2.variance), { ...own, enhet_2: unitName(u2.row), avvikelse_2_mnkr: mnkrText(u2.variance.tkr, formats) }));
    }
    const [g1, g2] = accountGroups === null ? [] : largestContributors(accountGroups, favourable);
    if (g1 !== undefined) {
      const own = { kontogrupp_1: accountGroupName(g1.row, lang), kontogrupp_1_mnkr: mnkrText(g1.variance.tkr, formats) };
      if (g2 === undefined) out.push(plan('summa.kontogrupper.en', cellsOf(g1.variance), own));
      else {
        const both = { ...own, kontogrupp_2: accountGroupName(g2.row, lang), kontogrupp_2_mnkr: mnkrText(g2.variance.tkr, formats) };
        out.push(plan('summa.kontogrupper.två', cellsOf(g1.variance, g2.variance), both));
      }
    }
    return out;
  };
}

/** Where a draft goes and whose it is. */
interface DraftPlace extends Subject {
  key: string;
  label: string;
  unit: string;
  table: VarianceTable;
  row: number | null;
}

function draftOf(wording: Wording, opts: CommentaryOptions, place: DraftPlace, figures: RowFigures, drivers?: DriverSentences): Draft | undefined {
  const variance = figures.variance;
  if (variance === undefined) return undefined;
  const material = isMaterial(variance.tkr, figures.budget?.tkr, opts);
  const written = writeDraft(wording, place, figures, material, drivers);
  if (written === undefined) return undefined;
  return {
    key: place.key,
    kind: place.kind,
    code: place.code,
    name: place.name,
    label: place.label,
    unit: place.unit,
    table: place.table,
    row: place.row,
    varianceTkr: variance.tkr,
    varianceMnkr: written.varianceMnkr,
    changePercent: written.changePercent,
    material,
    direction: written.direction,
    text: written.text,
    sentences: written.sentences,
    varianceCells: variance.cells,
  };
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
 * Amounts are mnkr rounded half away from zero, written without a sign in
 * words that carry the direction, under each table's sign convention and
 * converted from its unit; years come from the table's header; the change %
 * is only cited when meaningful. Templates: the language's defaults, the
 * workbook's hidden template sheet, then `options.templates`. Pure; never
 * throws on bad data (a row without a variance gets no draft).
 */
export function draftCommentary(result: Pick<CheckResult, 'tables'>, workbook: WorkbookGrid, options: Partial<CommentaryOptions> = {}): CommentaryDrafts {
  const opts: CommentaryOptions = { ...DEFAULT_COMMENTARY_OPTIONS, ...options };
  const lang = opts.lang;
  const templates = resolveTemplates(lang, [...readTemplateOverrides(workbook), ...opts.templates]);
  const splitTemplates = new Map<TemplateId, SplitTemplate>(TEMPLATE_IDS.map((id) => [id, splitTemplate(templates.texts[id])]));
  const formats = amountFormats(lang);
  const words = wordsOf(lang);
  const noCells: CellRef[] = [];
  const sharedGap = sharedGapOf(splitTemplates.get('lucka') as SplitTemplate, noCells);
  const sheets = new Map<string, SheetGrid>(workbook.sheets.map((s) => [s.name, s]));
  const driversOf = new Map<string, VarianceTable>();
  for (const rn of result.tables.filter((t) => t.kind === 'rn')) {
    const kg = kontogruppTableFor(rn, result.tables, workbook);
    if (kg !== undefined) driversOf.set(rn.id, kg);
  }
  const usedAsDrivers = new Set([...driversOf.values()].map((t) => t.id));
  // A key is its kind's prefix and a name unique among that kind's (`rad:KAI`, `rad:KAI#2`, `summa:Kommunledning`).
  const rowNames = takenNames();
  const summaryNames = takenNames();
  const units: UnitDraft[] = [];

  for (const table of result.tables) {
    const sheet = sheets.get(table.sheet);
    if (sheet === undefined || (table.kind === 'kontogrupp' && usedAsDrivers.has(table.id))) continue;
    const unit = tableUnit(table);
    const years = tableYears(table);
    const wording: Wording = {
      lang,
      formats,
      templates: splitTemplates,
      words,
      convention: table.convention,
      year: years.year === undefined ? translate('commentary.ord.år', lang) : String(years.year),
      previousYear: years.previous === undefined ? translate('commentary.ord.år_föregående', lang) : String(years.previous),
      tinyBaseTkr: opts.tinyBaseTkr,
      noCells,
      sharedGap,
    };
    const rows: Draft[] = [];
    const contributors = noContributors();
    if (table.kind === 'rn') {
      const columns = tableColumns(table);
      for (const row of table.rows) {
        const name = unitName(row);
        // The key is taken even by a row that gets no draft, so the keys of the rows after it do not depend on its figures.
        const key = `rad:${uniqueName(rowNames, row.code === '' ? name : row.code)}`;
        const figures = rowFiguresIn(sheet, table, columns, row.row);
        if (figures.variance !== undefined) addContributor(contributors, row, figures.variance);
        const place: DraftPlace = { kind: 'row', key, name, code: row.code, label: name, unit, table, row: row.row };
        const draft = draftOf(wording, opts, place, figures);
        if (draft !== undefined) rows.push(draft);
      }
    }
    const kg = table.kind === 'rn' ? driversOf.get(table.id) : table;
    const kgSheet = kg === undefined ? undefined : sheets.get(kg.sheet);
    const accountGroups = kg === undefined || kgSheet === undefined ? null : rowVariances(kgSheet, kg);
    const drivers = driverSentences(wording, table.kind === 'rn' && table.rows.length > 1 ? contributors : null, accountGroups);
    const place: DraftPlace = {
      kind: 'summary',
      key: `summa:${uniqueName(summaryNames, unit)}`,
      name: unit,
      code: '',
      label: translate('commentary.sheet.summa', lang, { enhet: unit }),
      unit,
      table,
      row: table.total?.row ?? null,
    };
    const summary = draftOf(wording, opts, place, totalFigures(sheet, table), drivers) ?? null;
    units.push({ unit, tableId: table.id, sheet: table.sheet, kind: table.kind, summary, rows, driversTableId: table.kind === 'rn' ? (kg?.id ?? null) : table.id });
  }
  return { lang, units, templateIssues: templates.issues };
}

/** The sentences of a draft, in order, each with its template, its text and the cells its numbers came from. */
export function draftSentences(draft: Draft): DraftSentence[] {
  return draft.sentences;
}

/** The cell(s) a draft's variance was read from: the Avv cell, Utfall and Budget, or (a summed total) every row's. */
export function draftVarianceCells(draft: Draft): CellRef[] {
  return draft.varianceCells;
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
