/**
 * The sentences of one draft, from the figures of one row or one table total,
 * written as a controller writes them in an årsredovisning:
 *
 * - amounts without a sign: the words say which way a variance goes
 *   ("negativ budgetavvikelse med 113,4 mnkr") and whether a figure is a net
 *   cost or a net income ("Nettokostnaden blev 43,5 mnkr mot en budget på
 *   56,3 mnkr"), under the table's sign convention;
 * - no contradiction from rounding: when Utfall and Budget would read the
 *   same at one decimal, both and the variance get the decimals that tell
 *   them apart (0,84 against 0,78 mnkr); a small amount is never written as
 *   0,0 where it matters (a low base of 30 tkr is 0,03 mnkr); a variance
 *   that rounds to 0,0 mnkr is "i nivå med budget" without a figure;
 * - every sentence lists the cells its numbers were computed from.
 */
import type { Language } from '../i18n';
import type { SignConvention } from '../table';
import { decimalsShowing, decimalsTellingApart, formatIn, formatMnkrIn, formatPercentIn, roundHalfAway, tkrToMnkr, type AmountFormats } from './amounts';
import { netCost, type CellRef, type Figure, type RowFigures } from './figures';
import type { SplitTemplate, TemplateId } from './templates';

/** Which way a variance goes, at one decimal in mnkr. */
export type Direction = 'positive' | 'negative' | 'zero';

/** One sentence of a draft: its template, its text and the cells its numbers were computed from. */
export interface DraftSentence {
  template: TemplateId;
  text: string;
  cells: CellRef[];
  /** True for the marked gap the economist fills in (`[Förklara avvikelsen: …]`). */
  gap: boolean;
}

/** The words templates are filled with, in one language (`commentary.ord.*`). */
export interface Words {
  positiv: string;
  negativ: string;
  en_positiv: string;
  en_negativ: string;
  ökat: string;
  minskat: string;
  nettokostnaden: string;
  nettointäkten: string;
  en_nettokostnad: string;
  en_nettointäkt: string;
}

/** What the drafts of one table are written with. */
export interface Wording {
  lang: Language;
  /** The run's number formats. */
  formats: AmountFormats;
  /** The templates in use, split once for filling. */
  templates: ReadonlyMap<TemplateId, SplitTemplate>;
  words: Words;
  convention: SignConvention;
  /** This year and last year as the text names them (`2021`, or "i år" when the header has no year). */
  year: string;
  previousYear: string;
  /** Last year's figure below this (tkr, absolute) makes a change % meaningless. */
  tinyBaseTkr: number;
  /** The run's empty list of cells, cited by the gap of every draft (lists of cells are never changed). */
  noCells: CellRef[];
}

/** Whose draft it is: a unit's row or a table's summary. */
export interface Subject {
  kind: 'row' | 'summary';
  name: string;
  code: string;
}

/** A draft's sentences and what they state. */
export interface WrittenDraft {
  /** All sentences joined by a space. */
  text: string;
  sentences: DraftSentence[];
  /** The variance as stated: mnkr rounded to the decimals written, signed (positive is favourable). */
  varianceMnkr: number;
  direction: Direction;
  /** The change % cited (one decimal), or the one that would be cited; null when none is meaningful. */
  changePercent: number | null;
}

/**
 * A summary's sentences about what drives its variance, written after the
 * change sentence: given whether the variance is favourable and the common
 * placeholder values.
 */
export type DriverSentences = (favourable: boolean) => SentencePlan[];

/** Whether `cells` lists `cell`. */
function lists(cells: readonly CellRef[], cell: CellRef): boolean {
  for (const c of cells) if (c.sheet === cell.sheet && c.cell === cell.cell) return true;
  return false;
}

/** `cells` followed by the cells of `figure` they do not list yet. */
function withCellsOf(cells: CellRef[], figure: Figure | undefined): CellRef[] {
  if (figure === undefined) return cells;
  // A list of cells is shared as it is (lists of cells are never changed).
  if (cells.length === 0) return figure.cells;
  let missing = 0;
  for (const c of figure.cells) if (!lists(cells, c)) missing++;
  if (missing === 0) return cells;
  const out = new Array<CellRef>(cells.length + missing);
  let at = 0;
  for (const c of cells) out[at++] = c;
  for (const c of figure.cells) if (!lists(cells, c)) out[at++] = c;
  return out;
}

/** The cells of the figures, each once, in order. */
export function cellsOf(first: Figure | undefined, second?: Figure, third?: Figure): CellRef[] {
  return withCellsOf(withCellsOf(first === undefined ? [] : first.cells, second), third);
}

/** A sentence to write: its template, the values only it has (besides the draft's common ones), and the cells its numbers come from. */
export interface SentencePlan {
  template: TemplateId;
  cells: CellRef[];
  own?: Readonly<Record<string, string>>;
}

/** A sentence to write (see `SentencePlan`). */
export function plan(template: TemplateId, cells: CellRef[], own?: Readonly<Record<string, string>>): SentencePlan {
  return own === undefined ? { template, cells } : { template, cells, own };
}

/** The figures and words every template of one draft may use (see `commonValue`). */
interface DraftValues {
  wording: Wording;
  subject: Subject;
  variance: Figure;
  actual: Figure | undefined;
  budget: Figure | undefined;
  favourable: boolean;
  /** The decimals the variance, Utfall and Budget are written with. */
  decimals: number;
  varianceMnkr: number;
}

/** The value of a placeholder every template may use, computed when a template uses it; undefined for any other name. */
function commonValue(values: DraftValues, name: string): string | undefined {
  const { wording, subject, variance, actual, budget, favourable, decimals } = values;
  const words = wording.words;
  switch (name) {
    case 'enhet':
      return subject.name;
    case 'kod':
      return subject.code;
    case 'år':
      return wording.year;
    case 'år_föregående':
      return wording.previousYear;
    case 'riktning':
      return favourable ? words.positiv : words.negativ;
    case 'riktning_med_artikel':
      return favourable ? words.en_positiv : words.en_negativ;
    case 'avvikelse_mnkr':
    case 'avvikelse_mnkr_abs':
      return mnkrText(variance.tkr, wording.formats, decimals);
    case 'avvikelse_mnkr_med_tecken':
      return formatMnkrIn(wording.formats, values.varianceMnkr, decimals);
    case 'avvikelse_tkr':
      return formatIn(wording.formats, roundHalfAway(Math.abs(variance.tkr), 0), 0);
    case 'utfall_mnkr':
    case 'utfall_mnkr_abs':
      return actual === undefined ? '–' : mnkrText(actual.tkr, wording.formats, decimals);
    case 'budget_mnkr':
      return budget === undefined ? '–' : mnkrText(budget.tkr, wording.formats, decimals);
    default:
      return undefined;
  }
}

/**
 * Writes a draft's sentences: the draft's text in one piece (sentences
 * joined by a space), each sentence's text a part of it. A placeholder takes
 * the sentence's own value, else the draft's common one; one with neither
 * stays visible as written (`{name}`), so a sentence is never silently broken.
 */
function writeSentences(values: DraftValues, plans: readonly SentencePlan[]): { text: string; sentences: DraftSentence[] } {
  const templates = values.wording.templates;
  // The text's pieces: each sentence's texts and values, a space between sentences.
  let count = plans.length - 1;
  for (const p of plans) count += 1 + 2 * (templates.get(p.template) as SplitTemplate).names.length;
  const pieces = new Array<string>(count);
  const ends = new Array<number>(plans.length);
  let at = 0;
  let length = 0;
  for (let i = 0; i < plans.length; i++) {
    const p = plans[i] as SentencePlan;
    const template = templates.get(p.template) as SplitTemplate;
    if (i > 0) {
      pieces[at++] = ' ';
      length += 1;
    }
    let piece = template.texts[0] as string;
    pieces[at++] = piece;
    length += piece.length;
    for (let j = 0; j < template.names.length; j++) {
      const name = template.names[j] as string;
      piece = p.own?.[name] ?? commonValue(values, name) ?? (template.written[j] as string);
      pieces[at++] = piece;
      length += piece.length;
      piece = template.texts[j + 1] as string;
      pieces[at++] = piece;
      length += piece.length;
    }
    ends[i] = length;
  }
  const text = pieces.join('');
  const sentences = new Array<DraftSentence>(plans.length);
  let start = 0;
  for (let i = 0; i < plans.length; i++) {
    const p = plans[i] as SentencePlan;
    const template = templates.get(p.template) as SplitTemplate;
    const end = ends[i] as number;
    // A template without placeholders is its sentence's text as it is (the gap is the same words in every draft).
    const sentence = template.names.length === 0 ? (template.texts[0] as string) : text.slice(start, end);
    sentences[i] = { template: p.template, text: sentence, cells: p.cells, gap: p.template === 'lucka' };
    start = end + 1;
  }
  return { text, sentences };
}

/** An amount in tkr as the text writes it in mnkr: without its sign, with `decimals` decimals (an amount that is exactly zero as `0`). */
export function mnkrText(tkr: number, formats: AmountFormats, decimals = 1): string {
  if (tkr === 0) return formatMnkrIn(formats, 0, 0);
  return formatMnkrIn(formats, tkrToMnkr(Math.abs(tkr), decimals), decimals);
}

function directionOf(tkr: number): Direction {
  const mnkr = tkrToMnkr(tkr);
  return mnkr > 0 ? 'positive' : mnkr < 0 ? 'negative' : 'zero';
}

/**
 * The change % to cite: the table's own Förändr% when it agrees with Bokslut
 * and Utfall within their rounding (it was computed from the unrounded
 * figures, so it is the better number), else the % computed from them.
 */
function changeCellAgrees(previous: Figure, actual: Figure, change: Figure): boolean {
  // The % at the four corners of Bokslut ± its half unit and Utfall ± its half unit.
  const uLow = actual.tkr - actual.halfUnit;
  const uHigh = actual.tkr + actual.halfUnit;
  const bLow = previous.tkr - previous.halfUnit;
  const bHigh = previous.tkr + previous.halfUnit;
  const p1 = (uLow / bLow - 1) * 100;
  const p2 = (uHigh / bLow - 1) * 100;
  const p3 = (uLow / bHigh - 1) * 100;
  const p4 = (uHigh / bHigh - 1) * 100;
  const lo = Math.min(p1, p2, p3, p4);
  const hi = Math.max(p1, p2, p3, p4);
  return change.tkr >= lo - change.halfUnit - 1e-9 && change.tkr <= hi + change.halfUnit + 1e-9;
}

/** A net amount's kind, as the definite noun of the language (`nettokostnaden`, `nettointäkten`). */
function netPost(words: Words, tkr: number, convention: SignConvention): string {
  return netCost(tkr, convention) > 0 ? words.nettokostnaden : words.nettointäkten;
}

/** A net amount's kind with the indefinite article (`en nettokostnad`, `en nettointäkt`). */
function aNetPost(words: Words, tkr: number, convention: SignConvention): string {
  return netCost(tkr, convention) > 0 ? words.en_nettokostnad : words.en_nettointäkt;
}

/**
 * The change % to cite since last year, null when none is meaningful (no
 * figures, a zero or tiny base, a sign change): the table's own Förändr%
 * when it agrees with Bokslut and Utfall within their rounding (it was
 * computed from the unrounded figures, so it is the better number), else the
 * % computed from them.
 */
function changePercentOf(wording: Wording, figures: RowFigures): { percent: number; fromCell: boolean } | null {
  const { previous, actual, change } = figures;
  if (previous === undefined || actual === undefined || previous.tkr === 0 || previous.tkr * actual.tkr < 0) return null;
  if (Math.abs(previous.tkr) < wording.tinyBaseTkr) return null;
  if (change !== undefined && changeCellAgrees(previous, actual, change)) return { percent: change.tkr, fromCell: true };
  return { percent: (actual.tkr / previous.tkr - 1) * 100, fromCell: false };
}

/** The sentence on the change since last year, when there is something to compare. */
function changeSentence(wording: Wording, figures: RowFigures, cited: { percent: number; fromCell: boolean } | null): SentencePlan | undefined {
  const { previous, actual } = figures;
  if (previous === undefined || actual === undefined || (previous.tkr === 0 && actual.tkr === 0)) return undefined;
  const { formats, words, convention } = wording;
  if (previous.tkr === 0) {
    const own = { nettopost: netPost(words, actual.tkr, convention), utfall_mnkr: mnkrText(actual.tkr, formats, decimalsShowing(actual.tkr)) };
    return plan('förändring.nollbas', cellsOf(previous, actual), own);
  }
  const bokslut = mnkrText(previous.tkr, formats, decimalsShowing(previous.tkr));
  if (previous.tkr * actual.tkr < 0) {
    const own = {
      bokslut_mnkr: bokslut,
      från_post: aNetPost(words, previous.tkr, convention),
      från_mnkr: bokslut,
      till_post: aNetPost(words, actual.tkr, convention),
      till_mnkr: mnkrText(actual.tkr, formats, decimalsShowing(actual.tkr)),
    };
    return plan('förändring.teckenbyte', cellsOf(previous, actual), own);
  }
  const diff = Math.abs(actual.tkr) - Math.abs(previous.tkr);
  const own: Record<string, string> = {
    bokslut_mnkr: bokslut,
    nettopost: netPost(words, actual.tkr, convention),
    förändring_mnkr: mnkrText(diff, formats),
    förändring_riktning: diff >= 0 ? words.ökat : words.minskat,
  };
  if (cited === null) return plan('förändring.låg_bas', cellsOf(previous, actual), own);
  own.förändring_procent = formatPercentIn(formats, Math.abs(cited.percent));
  const template: TemplateId = tkrToMnkr(diff) === 0 ? 'förändring.oförändrad' : 'förändring';
  return plan(template, cited.fromCell ? cellsOf(previous, actual, figures.change) : cellsOf(previous, actual), own);
}

/** The outcome against budget, in words that say whether each is a net cost or a net income. */
function outcomeSentence(wording: Wording, actual: Figure, budget: Figure): SentencePlan {
  const actualCost = netCost(actual.tkr, wording.convention);
  const budgetCost = netCost(budget.tkr, wording.convention);
  // Zero is neither: it takes the other figure's kind (a net cost when both are zero).
  const actualIsCost = actualCost > 0 || (actualCost === 0 && budgetCost >= 0);
  const budgetIsCost = budgetCost > 0 || (budgetCost === 0 && actualIsCost);
  const template: TemplateId =
    actualIsCost === budgetIsCost
      ? actualIsCost
        ? 'utfall.nettokostnad'
        : 'utfall.nettointäkt'
      : actualIsCost
        ? 'utfall.nettokostnad_mot_budgeterad_intäkt'
        : 'utfall.nettointäkt_mot_budgeterad_kostnad';
  return plan(template, cellsOf(actual, budget));
}

/**
 * The draft of one row or total, or undefined when it has no variance.
 * Material: the variance, Utfall against budget, the change since last year,
 * the summary's drivers and the gap for the cause. Immaterial: one sentence.
 */
export function writeDraft(wording: Wording, subject: Subject, figures: RowFigures, material: boolean, drivers?: DriverSentences): WrittenDraft | undefined {
  const { variance, actual, budget } = figures;
  if (variance === undefined) return undefined;
  const favourable = variance.tkr > 0;
  // Utfall and Budget that read the same at one decimal get the decimals that tell them apart, and so does the variance.
  const decimals = material && actual !== undefined && budget !== undefined ? decimalsTellingApart(actual.tkr, budget.tkr) : 1;
  const varianceMnkr = tkrToMnkr(variance.tkr, decimals);
  const values: DraftValues = { wording, subject, variance, actual, budget, favourable, decimals, varianceMnkr };
  const summary = subject.kind === 'summary';
  const cited = changePercentOf(wording, figures);
  const plans: SentencePlan[] = [];
  if (!material) {
    const zero = tkrToMnkr(variance.tkr) === 0;
    const template: TemplateId = summary ? (zero ? 'summa.i_nivå.noll' : 'summa.i_nivå') : zero ? 'avdelning.i_nivå.noll' : 'avdelning.i_nivå';
    plans.push(plan(template, cellsOf(variance)));
  } else {
    const template: TemplateId = summary ? (favourable ? 'summa.avvikelse.positiv' : 'summa.avvikelse.negativ') : favourable ? 'avdelning.avvikelse.positiv' : 'avdelning.avvikelse.negativ';
    plans.push(plan(template, cellsOf(variance)));
    if (actual !== undefined && budget !== undefined) plans.push(outcomeSentence(wording, actual, budget));
    const change = changeSentence(wording, figures, cited);
    if (change !== undefined) plans.push(change);
    if (drivers !== undefined) plans.push(...drivers(favourable));
    plans.push(plan('lucka', wording.noCells));
  }
  const { text, sentences } = writeSentences(values, plans);
  return { text, sentences, varianceMnkr, direction: directionOf(variance.tkr), changePercent: cited === null ? null : roundHalfAway(cited.percent, 1) };
}
