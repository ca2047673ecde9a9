/**
 * Drafts commentary from the numbers: one draft per row of every RN table
 * (each avdelning/enhet) and one summary per table (per nämnd/förvaltning),
 * in the style of the annual reports: unit — direction — amount in mnkr —
 * a clearly marked gap for the cause, which only the economist knows.
 *
 * A workbook can hold 100 000 rows, and the caller keeps every draft: a
 * draft is kept compact (its figures, its one text, its table and row, and
 * per sentence one number in its table's shared `DraftBook`: template,
 * where it ends in the text, which cells it cites). The sentences and the cells
 * every number came from are made on request (`draftSentences`,
 * `draftVarianceCells`) from the table's columns and the row; a summary,
 * whose numbers span many rows, has its cells listed in the book.
 */
import type { CheckResult } from '../check';
import { cellAddress, cellAt, type SheetGrid, type WorkbookGrid } from '../grid';
import { formatNumber, translate, type Language } from '../i18n';
import { NUMBER_READ, readNumberInto } from '../numbers';
import { tkrFactor, type Measure, type TableRow, type VarianceTable } from '../table';
import { formatMnkr, roundHalfAway, tkrToMnkr } from './amounts';
import { rowFigures, tableUnit, totalFigures, type CellRef, type Figure, type RowFigures } from './figures';
import { readTemplateOverrides, resolveTemplates, splitTemplate, TEMPLATE_IDS, type TemplateId, type TemplateIssue, type TemplateOverride } from './templates';

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

/** One sentence of a draft and the cells its numbers were computed from (made by `draftSentences`). */
export interface DraftSentence {
  templateId: TemplateId;
  text: string;
  cells: CellRef[];
  /** True for the marked gap the economist fills in (`[Förklara avvikelsen: …]`). */
  gap: boolean;
}

export type Direction = 'positive' | 'negative' | 'zero';

/** The cells of a summary's sentences and variance, listed (they span many rows and tables). */
export interface ListedCells {
  /** One list per sentence, in order. */
  sentences: CellRef[][];
  /** The cell(s) the variance was read from. */
  variance: CellRef[];
}

/** What the drafts of one table share: the sentences of every draft, and the cells of the summary. */
export interface DraftBook {
  /**
   * Every draft's sentences, one number each: template (index in
   * `TEMPLATE_IDS`) + 32 × which cells it cites (1: the variance as
   * Utfall − Budget, or the table's own Förändr% cited) + 64 × where the
   * sentence ends in the draft's text.
   */
  parts: number[];
  /** The cells of the table's summary. */
  summaryCells: ListedCells | null;
}

/**
 * A draft comment for one unit row or one table summary. Its sentences, each
 * with the cells its numbers came from, are read with `draftSentences`; the
 * cells of the variance with `draftVarianceCells`.
 */
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
  /** The table the figures were read from (`table.id`, `table.sheet`; `table.unit`: tkr or kr); its columns and `row` locate the cells. */
  table: VarianceTable;
  /** 0-based sheet row of the unit's row (or the total row), null when the total was summed. */
  row: number | null;
  varianceTkr: number;
  /** The variance as the draft states it (mnkr, one decimal, half away from zero). */
  varianceMnkr: number;
  /** Change % since last year (one decimal) when meaningful, else null. */
  changePercent: number | null;
  material: boolean;
  direction: Direction;
  /** All sentences joined by a space: the comment as it is written to the sheet. */
  text: string;
  /** The sentences and summary cells shared by the table's drafts (read with `draftSentences`). */
  book: DraftBook;
  /** Where this draft's sentences start in `book.parts` × 8 + how many there are. */
  sentencesAt: number;
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

/** The placeholders a draft fills, by number (the first 11 are every template's). */
const P = {
  enhet: 0,
  kod: 1,
  år: 2,
  år_föregående: 3,
  riktning: 4,
  avvikelse_mnkr: 5,
  avvikelse_mnkr_abs: 6,
  avvikelse_tkr: 7,
  utfall_mnkr: 8,
  utfall_mnkr_abs: 9,
  budget_mnkr: 10,
  bokslut_mnkr: 11,
  förändring_mnkr: 12,
  förändring_riktning: 13,
  nettopost: 14,
  förändring_procent: 15,
  från_post: 16,
  från_mnkr: 17,
  till_post: 18,
  till_mnkr: 19,
  enhet_1: 20,
  avvikelse_1_mnkr: 21,
  enhet_2: 22,
  avvikelse_2_mnkr: 23,
  kontogrupp_1: 24,
  kontogrupp_1_mnkr: 25,
  kontogrupp_2: 26,
  kontogrupp_2_mnkr: 27,
} as const;
type Placeholder = keyof typeof P;

const COMMON: readonly Placeholder[] = ['enhet', 'kod', 'år', 'år_föregående', 'riktning', 'avvikelse_mnkr', 'avvikelse_mnkr_abs', 'avvikelse_tkr', 'utfall_mnkr', 'utfall_mnkr_abs', 'budget_mnkr'];
const WITH_PERCENT: readonly Placeholder[] = ['bokslut_mnkr', 'nettopost', 'förändring_mnkr', 'förändring_riktning', 'förändring_procent'];

/**
 * The values each template is given besides the common ones (what a sentence
 * knows): a placeholder outside them stays visible as written (`{name}`).
 */
const SUPPLIED: Partial<Record<TemplateId, readonly Placeholder[]>> = {
  förändring: WITH_PERCENT,
  'förändring.oförändrad': WITH_PERCENT,
  'förändring.teckenbyte': ['bokslut_mnkr', 'från_post', 'från_mnkr', 'till_post', 'till_mnkr'],
  'förändring.nollbas': ['bokslut_mnkr', 'nettopost'],
  'förändring.låg_bas': ['bokslut_mnkr', 'nettopost', 'förändring_mnkr', 'förändring_riktning'],
  'summa.bidrag.två': ['enhet_1', 'avvikelse_1_mnkr', 'enhet_2', 'avvikelse_2_mnkr'],
  'summa.bidrag.en': ['enhet_1', 'avvikelse_1_mnkr'],
  'summa.kontogrupper.två': ['kontogrupp_1', 'kontogrupp_1_mnkr', 'kontogrupp_2', 'kontogrupp_2_mnkr'],
  'summa.kontogrupper.en': ['kontogrupp_1', 'kontogrupp_1_mnkr'],
};

/**
 * A template ready to fill: its index in `TEMPLATE_IDS`, its texts around the
 * placeholders (the first also after the space that follows the sentence
 * before), each placeholder's number (−1: not given) and `{name}` as written.
 */
interface Filler {
  index: number;
  texts: string[];
  spacedFirst: string;
  slots: number[];
  written: string[];
}

function filler(id: TemplateId, text: string): Filler {
  const parts = splitTemplate(text);
  const given = new Set<string>([...COMMON, ...(SUPPLIED[id] ?? [])]);
  const f: Filler = { index: TEMPLATE_IDS.indexOf(id), texts: [parts[0] as string], spacedFirst: ` ${parts[0] as string}`, slots: [], written: [] };
  for (let i = 1; i < parts.length; i += 3) {
    const name = parts[i] as string;
    f.slots.push(given.has(name) ? P[name as Placeholder] : -1);
    f.written.push(parts[i + 1] as string);
    f.texts.push(parts[i + 2] as string);
  }
  return f;
}

/** A sentence as a number of `DraftBook.parts`. */
function part(f: Filler, flag: boolean, end: number): number {
  return f.index + (flag ? 32 : 0) + 64 * end;
}

/** The words of a language, translated once per call. */
interface Words {
  positiv: string;
  negativ: string;
  ökat: string;
  minskat: string;
  nettokostnaden: string;
  nettointäkten: string;
  en_nettokostnad: string;
  en_nettointäkt: string;
  år: string;
  år_föregående: string;
}

function wordsOf(lang: Language): Words {
  const w = (key: string): string => translate(`commentary.ord.${key}`, lang);
  return {
    positiv: w('positiv'),
    negativ: w('negativ'),
    ökat: w('ökat'),
    minskat: w('minskat'),
    nettokostnaden: w('nettokostnaden'),
    nettointäkten: w('nettointäkten'),
    en_nettokostnad: w('en_nettokostnad'),
    en_nettointäkt: w('en_nettointäkt'),
    år: w('år'),
    år_föregående: w('år_föregående'),
  };
}

/**
 * What one draft is made from, reused from draft to draft (a workbook's
 * 100 000 drafts allocate no figures of their own): the figures in tkr, each
 * with `has*` and the half unit it is known to, and the pieces of the text
 * being written.
 */
class Work {
  hasPrevious = false;
  previous = 0;
  previousHalf = 0;
  hasActual = false;
  actual = 0;
  actualHalf = 0;
  hasBudget = false;
  budget = 0;
  budgetHalf = 0;
  hasVariance = false;
  variance = 0;
  /** True when the variance is Utfall − Budget (the Avv cell holds no number). */
  varianceIsDifference = false;
  hasChange = false;
  change = 0;
  changeHalf = 0;
  name = '';
  code = '';
  year = '';
  previousYear = '';
  mnkr = 0;
  /** |Utfall| − |Bokslut| and the cited %, for the change sentence. */
  diff = 0;
  percent = 0;
  /** A summary's contributors and account groups (`enhet_1` …), by placeholder number. */
  extra: string[] = [];
  /**
   * The text of the draft being written, piece by piece (template text,
   * value, template text …, a space between sentences; the first `count`),
   * joined once into the draft's text; `length` its length so far.
   */
  pieces: string[] = [];
  count = 0;
  length = 0;
  /** Where the draft's sentences start in the book. */
  partsStart = 0;
  /** The variance of each row of the RN table being drafted (NaN: none), for its summary. */
  variances = new Float64Array(1024);
}

function piece(w: Work, text: string): void {
  if (text.length === 0) return;
  w.pieces[w.count++] = text;
  w.length += text.length;
}

/** The draft's text: its pieces joined (one flat string, no string per sentence). */
function joined(w: Work): string {
  // The array is reused, never emptied (emptying it gives up its room, and it grows again).
  w.pieces.length = w.count;
  return w.pieces.join('');
}

interface Ctx {
  lang: Language;
  book: DraftBook;
  opts: CommentaryOptions;
  fillers: Map<TemplateId, Filler>;
  words: Words;
  /** mnkr (one decimal) as text, by tenths: the same amounts recur 100 000s of times. */
  mnkrTexts: Map<number, string>;
  /** The same for |k| < `SMALL_TENTHS`, by k + `SMALL_TENTHS` (an array lookup, not a hash). */
  smallMnkrTexts: (string | undefined)[];
  work: Work;
}

/** Amounts up to ±3 276,7 mnkr are remembered in an array. */
const SMALL_TENTHS = 1 << 15;

/**
 * An amount as `formatMnkr` writes it; one rounded to one decimal (k / 10,
 * as `tkrToMnkr` and `roundHalfAway(…, 1)` give them) remembered by k.
 */
function mnkrText(ctx: Ctx, mnkr: number): string {
  const k = Math.round(mnkr * 10);
  if (k / 10 !== mnkr) return formatMnkr(mnkr, ctx.lang);
  if (k > -SMALL_TENTHS && k < SMALL_TENTHS) {
    let small = ctx.smallMnkrTexts[k + SMALL_TENTHS];
    if (small === undefined) {
      small = formatMnkr(mnkr, ctx.lang);
      ctx.smallMnkrTexts[k + SMALL_TENTHS] = small;
    }
    return small;
  }
  let t = ctx.mnkrTexts.get(k);
  if (t === undefined) {
    t = formatMnkr(mnkr, ctx.lang);
    ctx.mnkrTexts.set(k, t);
  }
  return t;
}

const MISSING = '–';

/** The value of placeholder `slot` for the draft being written. */
function valueOf(ctx: Ctx, w: Work, slot: number): string {
  switch (slot) {
    case P.enhet:
      return w.name;
    case P.kod:
      return w.code;
    case P.år:
      return w.year;
    case P.år_föregående:
      return w.previousYear;
    case P.riktning:
      return w.variance < 0 ? ctx.words.negativ : ctx.words.positiv;
    case P.avvikelse_mnkr:
      return mnkrText(ctx, w.mnkr);
    case P.avvikelse_mnkr_abs:
      return mnkrText(ctx, Math.abs(w.mnkr));
    case P.avvikelse_tkr:
      return formatNumber(w.variance, ctx.lang, 0);
    case P.utfall_mnkr:
      return w.hasActual ? mnkrText(ctx, tkrToMnkr(w.actual)) : MISSING;
    case P.utfall_mnkr_abs:
      return w.hasActual ? mnkrText(ctx, tkrToMnkr(Math.abs(w.actual))) : MISSING;
    case P.budget_mnkr:
      return w.hasBudget ? mnkrText(ctx, tkrToMnkr(w.budget)) : MISSING;
    case P.bokslut_mnkr:
      return mnkrText(ctx, tkrToMnkr(w.previous));
    case P.förändring_mnkr:
      return mnkrText(ctx, tkrToMnkr(Math.abs(w.diff)));
    case P.förändring_riktning:
      return w.diff >= 0 ? ctx.words.ökat : ctx.words.minskat;
    case P.nettopost:
      return (w.actual === 0 ? w.previous : w.actual) < 0 ? ctx.words.nettokostnaden : ctx.words.nettointäkten;
    case P.förändring_procent:
      // formatPercent: the % rounded to one decimal, written as a one-decimal amount is.
      return mnkrText(ctx, roundHalfAway(Math.abs(w.percent), 1));
    case P.från_post:
      return w.previous < 0 ? ctx.words.en_nettokostnad : ctx.words.en_nettointäkt;
    case P.från_mnkr:
      return mnkrText(ctx, tkrToMnkr(Math.abs(w.previous)));
    case P.till_post:
      return w.actual < 0 ? ctx.words.en_nettokostnad : ctx.words.en_nettointäkt;
    case P.till_mnkr:
      return mnkrText(ctx, tkrToMnkr(Math.abs(w.actual)));
    default:
      return w.extra[slot] as string;
  }
}

/** Writes sentence `id` of the draft being written (after a space, unless it is the first). */
function say(ctx: Ctx, id: TemplateId, flag = false): void {
  const f = ctx.fillers.get(id) as Filler;
  const w = ctx.work;
  const parts = ctx.book.parts;
  piece(w, parts.length > w.partsStart ? f.spacedFirst : (f.texts[0] as string));
  for (let i = 0; i < f.slots.length; i++) {
    const slot = f.slots[i] as number;
    piece(w, slot < 0 ? (f.written[i] as string) : valueOf(ctx, w, slot));
    piece(w, f.texts[i + 1] as string);
  }
  parts.push(part(f, flag, w.length));
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

/** The cells of the figures, each once, in order. */
function cellsOf(...figures: (Figure | undefined)[]): CellRef[] {
  const out: CellRef[] = [];
  for (const f of figures) if (f !== undefined) for (const c of f.cells) if (!out.some((o) => o.sheet === c.sheet && o.cell === c.cell)) out.push(c);
  return out;
}

/**
 * Reads the figures of one table row into `w`, as `rowFigures` reads them
 * (same numbers, same half units), without making a figure per cell.
 */
function readRow(sheet: SheetGrid, table: VarianceTable, row: number, w: Work): void {
  const k = tkrFactor(table.unit);
  const cols = table.columns;
  const n = NUMBER_READ;
  w.hasPrevious = cols.previous !== undefined && readNumberInto(cellAt(sheet, row, cols.previous.col));
  if (w.hasPrevious) {
    w.previous = n.value * k;
    w.previousHalf = n.halfUnit * k;
  }
  w.hasActual = cols.actual !== undefined && readNumberInto(cellAt(sheet, row, cols.actual.col));
  if (w.hasActual) {
    w.actual = n.value * k;
    w.actualHalf = n.halfUnit * k;
  }
  w.hasBudget = cols.budget !== undefined && readNumberInto(cellAt(sheet, row, cols.budget.col));
  if (w.hasBudget) {
    w.budget = n.value * k;
    w.budgetHalf = n.halfUnit * k;
  }
  w.hasVariance = cols.variance !== undefined && readNumberInto(cellAt(sheet, row, cols.variance.col));
  w.varianceIsDifference = false;
  if (w.hasVariance) {
    w.variance = n.value * k;
  } else if (w.hasActual && w.hasBudget) {
    w.hasVariance = true;
    w.varianceIsDifference = true;
    w.variance = w.actual - w.budget;
  }
  w.hasChange = cols.change !== undefined && readNumberInto(cellAt(sheet, row, cols.change.col));
  if (w.hasChange) {
    const scale = n.percentText || table.changeUnit === 'percent' ? 1 : 100;
    w.change = n.value * scale;
    w.changeHalf = n.halfUnit * scale;
  }
}

/** The same from figures already read (a summary's total row, or its rows summed). */
function useFigures(figs: RowFigures, w: Work): void {
  const set = (f: Figure | undefined): [boolean, number, number] => (f === undefined ? [false, 0, 0] : [true, f.tkr, f.halfUnit]);
  [w.hasPrevious, w.previous, w.previousHalf] = set(figs.previous);
  [w.hasActual, w.actual, w.actualHalf] = set(figs.actual);
  [w.hasBudget, w.budget, w.budgetHalf] = set(figs.budget);
  [w.hasChange, w.change, w.changeHalf] = set(figs.change);
  w.hasVariance = figs.variance !== undefined;
  w.variance = figs.variance?.tkr ?? 0;
  w.varianceIsDifference = false;
}

/**
 * The change % to cite: the table's own Förändr% when it agrees with Bokslut
 * and Utfall within their rounding (it was computed from the unrounded
 * figures, so it is the better number), else the % computed from them.
 * Sets `w.percent`; true when it is the table's own.
 */
function citePercent(w: Work): boolean {
  const computed = (w.actual / w.previous - 1) * 100;
  w.percent = computed;
  if (!w.hasChange) return false;
  // The % at the four corners of Bokslut ± its half unit and Utfall ± its half unit.
  const b = w.previous;
  const u = w.actual;
  const bh = w.previousHalf;
  const uh = w.actualHalf;
  const p1 = ((u - uh) / (b - bh) - 1) * 100;
  const p2 = ((u + uh) / (b - bh) - 1) * 100;
  const p3 = ((u - uh) / (b + bh) - 1) * 100;
  const p4 = ((u + uh) / (b + bh) - 1) * 100;
  const lo = Math.min(Infinity, p1, p2, p3, p4);
  const hi = Math.max(-Infinity, p1, p2, p3, p4);
  const ok = w.change >= lo - w.changeHalf - 1e-9 && w.change <= hi + w.changeHalf + 1e-9;
  if (ok) w.percent = w.change;
  return ok;
}

/**
 * The change-since-last-year sentence, when there is something to compare
 * (without `withSentence` only the % it would cite). Returns the % cited
 * (one decimal), null when none is meaningful, undefined when there is no
 * comparison.
 */
function changeSentence(ctx: Ctx, withSentence: boolean): number | null | undefined {
  const w = ctx.work;
  if (!w.hasPrevious || !w.hasActual) return undefined;
  const B = w.previous;
  const U = w.actual;
  if (B === 0 && U === 0) return undefined;
  if (!withSentence) {
    if (B === 0 || B * U < 0 || Math.abs(B) < ctx.opts.tinyBaseTkr) return null;
    citePercent(w);
    return roundHalfAway(w.percent, 1);
  }
  if (B === 0) {
    say(ctx, 'förändring.nollbas');
    return null;
  }
  if (B * U < 0) {
    say(ctx, 'förändring.teckenbyte');
    return null;
  }
  w.diff = Math.abs(U) - Math.abs(B);
  if (Math.abs(B) < ctx.opts.tinyBaseTkr) {
    say(ctx, 'förändring.låg_bas');
    return null;
  }
  const fromCell = citePercent(w);
  say(ctx, tkrToMnkr(Math.abs(w.diff)) === 0 ? 'förändring.oförändrad' : 'förändring', fromCell);
  return roundHalfAway(w.percent, 1);
}

/** A draft as written: own fields only, one shape for every draft. */
class DraftRecord implements Draft {
  key: string;
  kind: 'row' | 'summary';
  code: string;
  name: string;
  label: string;
  unit: string;
  table: VarianceTable;
  row: number | null;
  varianceTkr: number;
  varianceMnkr: number;
  changePercent: number | null;
  material: boolean;
  direction: Direction;
  text: string;
  book: DraftBook;
  sentencesAt: number;

  constructor(kind: 'row' | 'summary', key: string, code: string, name: string, label: string, unit: string, table: VarianceTable, row: number | null, book: DraftBook) {
    this.key = key;
    this.kind = kind;
    this.code = code;
    this.name = name;
    this.label = label;
    this.unit = unit;
    this.table = table;
    this.row = row;
    this.varianceTkr = 0;
    this.varianceMnkr = 0;
    this.changePercent = null;
    this.material = false;
    this.direction = 'zero';
    // Written by `writeDraft`.
    this.text = '';
    this.book = book;
    this.sentencesAt = 0;
  }
}

/**
 * Writes the draft of the figures in `ctx.work` into `d` (true), or nothing
 * when there is no variance (false). `extras` writes a summary's sentences
 * between the change and the gap (material drafts only).
 */
function writeDraft(ctx: Ctx, d: DraftRecord, extras: ((direction: Direction) => void) | null): boolean {
  const w = ctx.work;
  if (!w.hasVariance) return false;
  w.count = 0;
  w.length = 0;
  w.partsStart = ctx.book.parts.length;
  const mnkr = tkrToMnkr(w.variance);
  w.mnkr = mnkr;
  w.name = d.name;
  w.code = d.code;
  const direction = directionOf(mnkr);
  const material = isMaterial(w.variance, w.hasBudget ? w.budget : undefined, ctx.opts);
  const row = d.kind === 'row';
  let changePercent: number | null = null;
  if (!material) {
    say(ctx, row ? 'avdelning.i_nivå' : 'summa.i_nivå', w.varianceIsDifference);
    changePercent = changeSentence(ctx, false) ?? null;
  } else {
    const negative = direction === 'negative';
    say(ctx, row ? (negative ? 'avdelning.avvikelse.negativ' : 'avdelning.avvikelse.positiv') : negative ? 'summa.avvikelse.negativ' : 'summa.avvikelse.positiv', w.varianceIsDifference);
    if (w.hasActual && w.hasBudget) say(ctx, 'utfall');
    changePercent = changeSentence(ctx, true) ?? null;
    if (extras !== null) extras(direction);
    say(ctx, 'lucka');
  }
  d.varianceTkr = w.variance;
  d.varianceMnkr = mnkr;
  d.changePercent = changePercent;
  d.material = material;
  d.direction = direction;
  d.sentencesAt = w.partsStart * 8 + (ctx.book.parts.length - w.partsStart);
  d.text = joined(w);
  return true;
}

/** The variance of a row in tkr (the Avv cell, else Utfall − Budget), as `rowFigures` reads it. */
function rowVariance(sheet: SheetGrid, table: VarianceTable, row: number): number | undefined {
  const k = tkrFactor(table.unit);
  const cols = table.columns;
  if (cols.variance !== undefined && readNumberInto(cellAt(sheet, row, cols.variance.col))) return NUMBER_READ.value * k;
  if (cols.actual === undefined || cols.budget === undefined || !readNumberInto(cellAt(sheet, row, cols.actual.col))) return undefined;
  const a = NUMBER_READ.value * k;
  return readNumberInto(cellAt(sheet, row, cols.budget.col)) ? a - NUMBER_READ.value * k : undefined;
}

/**
 * The (at most two) rows of a table with the largest variances in the given
 * direction, largest first (ties: upper row first). `known`: the variances
 * of `table.rows` already read (NaN: none), else they are read.
 */
function largest(sheet: SheetGrid, table: VarianceTable, direction: Direction, known?: Float64Array): { row: TableRow; variance: Figure }[] {
  let first: TableRow | undefined;
  let second: TableRow | undefined;
  let a1 = 0;
  let a2 = 0;
  // Whether (abs, row) comes before (a, r): larger |variance| first, then the upper row.
  const before = (abs: number, row: TableRow, a: number, r: TableRow): boolean => (a - abs || row.row - r.row) < 0;
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i] as TableRow;
    const tkr = known === undefined ? rowVariance(sheet, table, row.row) : known[i];
    if (tkr === undefined || Number.isNaN(tkr) || tkrToMnkr(tkr) === 0) continue;
    if (directionOf(tkr) !== direction) continue;
    const abs = Math.abs(tkr);
    if (first === undefined || before(abs, row, a1, first)) {
      second = first;
      a2 = a1;
      first = row;
      a1 = abs;
    } else if (second === undefined || before(abs, row, a2, second)) {
      second = row;
      a2 = abs;
    }
  }
  const out: { row: TableRow; variance: Figure }[] = [];
  for (const row of [first, second]) if (row !== undefined) out.push({ row, variance: rowFigures(sheet, table, row.row).variance as Figure });
  return out;
}

function accountGroupName(ctx: Ctx, row: TableRow): string {
  const key = `commentary.kontogrupp.${row.code}`;
  const known = translate(key, ctx.lang);
  if (known !== key) return known;
  const name = row.name === '' ? row.code : row.name;
  return name.charAt(0).toLocaleLowerCase('sv-SE') + name.slice(1);
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

/** FNV-1a (32 bit) of a string's UTF-16 code units. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * The draft keys taken so far: an open-addressing table of hashes in typed
 * arrays (a `Set` of 100 000 fresh strings costs several times as much).
 */
class KeySet {
  private keys: string[] = [];
  /** Per slot: 0 (empty) or 1 + the key's index in `keys`, and the key's hash. */
  private slots = new Int32Array(1 << 10);
  private hashes = new Int32Array(1 << 10);

  /** The slot holding `key`, or the empty slot where it would go. */
  private find(key: string, h: number): number {
    const mask = this.slots.length - 1;
    let i = h & mask;
    for (;;) {
      const at = this.slots[i] as number;
      if (at === 0 || (this.hashes[i] === h && this.keys[at - 1] === key)) return i;
      i = (i + 1) & mask;
    }
  }

  has(key: string): boolean {
    return this.slots[this.find(key, hashOf(key))] !== 0;
  }

  /** Takes `key`; false when it was taken already. */
  add(key: string): boolean {
    const h = hashOf(key);
    const i = this.find(key, h);
    if (this.slots[i] !== 0) return false;
    this.keys.push(key);
    this.slots[i] = this.keys.length;
    this.hashes[i] = h;
    if (this.keys.length * 2 > this.slots.length) this.grow();
    return true;
  }

  private grow(): void {
    const old = this.hashes;
    const oldSlots = this.slots;
    this.slots = new Int32Array(oldSlots.length * 2);
    this.hashes = new Int32Array(oldSlots.length * 2);
    const mask = this.slots.length - 1;
    for (let j = 0; j < oldSlots.length; j++) {
      const at = oldSlots[j] as number;
      if (at === 0) continue;
      const h = old[j] as number;
      let i = h & mask;
      while (this.slots[i] !== 0) i = (i + 1) & mask;
      this.slots[i] = at;
      this.hashes[i] = h;
    }
  }
}

/** `key`, or `key#2`, `key#3` … when it is taken. */
function uniqueKey(seen: KeySet, key: string): string {
  if (seen.add(key)) return key;
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
 * sentence's cells (the cells its numbers were computed from) are given by
 * `draftSentences`. Templates: the language's defaults, the workbook's
 * hidden template sheet, then `options.templates`. Pure; never throws on bad
 * data (a row without a variance gets no draft).
 */
export function draftCommentary(result: Pick<CheckResult, 'tables'>, workbook: WorkbookGrid, options: Partial<CommentaryOptions> = {}): CommentaryDrafts {
  const opts: CommentaryOptions = { ...DEFAULT_COMMENTARY_OPTIONS, ...options };
  const overrides = [...readTemplateOverrides(workbook), ...opts.templates];
  const set = resolveTemplates(opts.lang, overrides);
  const fillers = new Map<TemplateId, Filler>(TEMPLATE_IDS.map((id) => [id, filler(id, set.texts[id])]));
  const ctx: Ctx = { lang: opts.lang, book: { parts: [], summaryCells: null }, opts, fillers, words: wordsOf(opts.lang), mnkrTexts: new Map(), smallMnkrTexts: new Array<string | undefined>(2 * SMALL_TENTHS), work: new Work() };
  const w = ctx.work;
  const sheets = new Map(workbook.sheets.map((s) => [s.name, s] as const));
  const units: UnitDraft[] = [];
  const usedAsDrivers = new Set<string>();
  const keys = new KeySet();
  const rnTables = result.tables.filter((t) => t.kind === 'rn');
  const driversOf = new Map<string, VarianceTable>();
  for (const rn of rnTables) {
    const kg = kontogruppTableFor(rn, result.tables, workbook);
    if (kg !== undefined) {
      driversOf.set(rn.id, kg);
      usedAsDrivers.add(kg.id);
    }
  }

  for (const table of result.tables) {
    const sheet = sheets.get(table.sheet);
    if (sheet === undefined) continue;
    if (table.kind === 'kontogrupp' && usedAsDrivers.has(table.id)) continue;
    const unit = tableUnit(table);
    const y = tableYears(table);
    w.year = y.year === undefined ? ctx.words.år : String(y.year);
    w.previousYear = y.previous === undefined ? ctx.words.år_föregående : String(y.previous);
    const rows: Draft[] = [];
    const book: DraftBook = { parts: [], summaryCells: null };
    ctx.book = book;
    if (table.kind === 'rn') {
      if (w.variances.length < table.rows.length) w.variances = new Float64Array(table.rows.length);
      for (let i = 0; i < table.rows.length; i++) {
        const row = table.rows[i] as TableRow;
        const name = row.name === '' ? row.code : row.name;
        // The key is taken even by a row that gets no draft, so the keys of the rows after it do not depend on its figures.
        const key = uniqueKey(keys, `rad:${row.code === '' ? name : row.code}`);
        readRow(sheet, table, row.row, w);
        w.variances[i] = w.hasVariance ? w.variance : NaN;
        if (!w.hasVariance) continue;
        const d = new DraftRecord('row', key, row.code, name, name, unit, table, row.row, book);
        writeDraft(ctx, d, null);
        rows.push(d);
      }
    }
    const kg = table.kind === 'rn' ? driversOf.get(table.id) : table;
    const summaryKey = uniqueKey(keys, `summa:${unit}`);
    const summary = new DraftRecord('summary', summaryKey, '', unit, translate('commentary.sheet.summa', ctx.lang, { enhet: unit }), unit, table, table.total?.row ?? null, book);
    const figs = totalFigures(sheet, table);
    useFigures(figs, w);
    // The cells of the contributors' and the account groups' sentences, in the order they are written.
    const extraCells: CellRef[][] = [];
    const written = writeDraft(ctx, summary, (direction) => {
      if (table.kind === 'rn' && table.rows.length > 1) {
        const [first, second] = largest(sheet, table, direction, w.variances);
        if (first !== undefined) {
          w.extra[P.enhet_1] = first.row.name === '' ? first.row.code : first.row.name;
          w.extra[P.avvikelse_1_mnkr] = formatMnkr(tkrToMnkr(first.variance.tkr), ctx.lang);
          if (second === undefined) {
            say(ctx, 'summa.bidrag.en');
          } else {
            w.extra[P.enhet_2] = second.row.name === '' ? second.row.code : second.row.name;
            w.extra[P.avvikelse_2_mnkr] = formatMnkr(tkrToMnkr(second.variance.tkr), ctx.lang);
            say(ctx, 'summa.bidrag.två');
          }
          extraCells.push(cellsOf(first.variance, second?.variance));
        }
      }
      const kgSheet = kg === undefined ? undefined : sheets.get(kg.sheet);
      if (kg !== undefined && kgSheet !== undefined) {
        const [first, second] = largest(kgSheet, kg, direction);
        if (first !== undefined) {
          w.extra[P.kontogrupp_1] = accountGroupName(ctx, first.row);
          w.extra[P.kontogrupp_1_mnkr] = formatMnkr(tkrToMnkr(first.variance.tkr), ctx.lang, 1, true);
          if (second === undefined) {
            say(ctx, 'summa.kontogrupper.en');
          } else {
            w.extra[P.kontogrupp_2] = accountGroupName(ctx, second.row);
            w.extra[P.kontogrupp_2_mnkr] = formatMnkr(tkrToMnkr(second.variance.tkr), ctx.lang, 1, true);
            say(ctx, 'summa.kontogrupper.två');
          }
          extraCells.push(cellsOf(first.variance, second?.variance));
        }
      }
    });
    if (written) book.summaryCells = listCells(summary, figs, extraCells);
    units.push({
      unit,
      tableId: table.id,
      sheet: table.sheet,
      kind: table.kind,
      summary: written ? summary : null,
      rows,
      driversTableId: table.kind === 'rn' ? (kg?.id ?? null) : table.id,
    });
  }
  return { lang: opts.lang, units, templateIssues: set.issues };
}

/** How many sentences a draft has. */
function sentenceCount(draft: Draft): number {
  return draft.sentencesAt % 8;
}

/** Decodes the draft's sentence `i` from the book. */
function partOf(draft: Draft, i: number): { id: TemplateId; flag: boolean; end: number } {
  const p = draft.book.parts[Math.floor(draft.sentencesAt / 8) + i] as number;
  return { id: TEMPLATE_IDS[p % 32] as TemplateId, flag: Math.floor(p / 32) % 2 === 1, end: Math.floor(p / 64) };
}

/** A summary's cells from its figures: what each sentence was computed from. */
function listCells(draft: Draft, figs: RowFigures, extraCells: CellRef[][]): ListedCells {
  const sentences: CellRef[][] = [];
  let extra = 0;
  for (let i = 0; i < sentenceCount(draft); i++) {
    const { id, flag } = partOf(draft, i);
    if (i === 0) sentences.push(cellsOf(figs.variance));
    else if (id === 'utfall') sentences.push(cellsOf(figs.actual, figs.budget));
    else if (id.startsWith('förändring')) sentences.push(flag ? cellsOf(figs.previous, figs.actual, figs.change) : cellsOf(figs.previous, figs.actual));
    else if (id === 'lucka') sentences.push([]);
    else sentences.push(extraCells[extra++] ?? []);
  }
  return { sentences, variance: (figs.variance as Figure).cells };
}

/** A unit row's cell of `measure`. */
function cellOf(draft: Draft, measure: Measure): CellRef {
  const col = draft.table.columns[measure]?.col ?? -1;
  return { sheet: draft.table.sheet, cell: cellAddress(draft.row as number, col) };
}

/** The cells, each once, in order. */
function distinct(cells: CellRef[]): CellRef[] {
  const out: CellRef[] = [];
  for (const c of cells) if (!out.some((o) => o.sheet === c.sheet && o.cell === c.cell)) out.push(c);
  return out;
}

/**
 * The cells a sentence's numbers were computed from (a unit's row): the
 * variance (its Avv cell, or Utfall and Budget), Utfall and Budget, Bokslut
 * and Utfall with the table's Förändr% when cited; none for the gap.
 */
function rowCells(draft: Draft, i: number): CellRef[] {
  const { id, flag } = partOf(draft, i);
  if (i === 0) return flag ? distinct([cellOf(draft, 'actual'), cellOf(draft, 'budget')]) : [cellOf(draft, 'variance')];
  if (id === 'utfall') return distinct([cellOf(draft, 'actual'), cellOf(draft, 'budget')]);
  if (id.startsWith('förändring')) return distinct(flag ? [cellOf(draft, 'previous'), cellOf(draft, 'actual'), cellOf(draft, 'change')] : [cellOf(draft, 'previous'), cellOf(draft, 'actual')]);
  return [];
}

/**
 * The sentences of a draft, in order: each one's template, its text (a piece
 * of `draft.text`) and the cells its numbers were computed from; the gap the
 * economist fills in is marked. Made on request from the draft and its table.
 */
export function draftSentences(draft: Draft): DraftSentence[] {
  const out: DraftSentence[] = [];
  let start = 0;
  const listed = draft.kind === 'summary' ? draft.book.summaryCells : null;
  for (let i = 0; i < sentenceCount(draft); i++) {
    const { id, end } = partOf(draft, i);
    const cells = listed === null ? rowCells(draft, i) : (listed.sentences[i] ?? []);
    out.push({ templateId: id, text: draft.text.slice(start, end), cells, gap: id === 'lucka' });
    start = end + 1;
  }
  return out;
}

/** The cell(s) a draft's variance was read from: the Avv cell, Utfall and Budget, or (a summed total) every row's. */
export function draftVarianceCells(draft: Draft): CellRef[] {
  const listed = draft.kind === 'summary' ? draft.book.summaryCells : null;
  if (listed !== null) return listed.variance;
  return partOf(draft, 0).flag ? [cellOf(draft, 'actual'), cellOf(draft, 'budget')] : [cellOf(draft, 'variance')];
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
