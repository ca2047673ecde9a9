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
import { formatNumber, type Language } from '../i18n';
import type { SignConvention } from '../table';
import { decimalsShowing, decimalsTellingApart, formatMnkr, formatPercent, roundHalfAway, tkrToMnkr } from './amounts';
import { netCost, type CellRef, type Figure, type RowFigures } from './figures';
import { fillTemplate, type TemplateId } from './templates';

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
  texts: Readonly<Record<TemplateId, string>>;
  words: Words;
  convention: SignConvention;
  /** This year and last year as the text names them (`2021`, or "i år" when the header has no year). */
  year: string;
  previousYear: string;
  /** Last year's figure below this (tkr, absolute) makes a change % meaningless. */
  tinyBaseTkr: number;
}

/** Whose draft it is: a unit's row or a table's summary. */
export interface Subject {
  kind: 'row' | 'summary';
  name: string;
  code: string;
}

/** A draft's sentences and what they state. */
export interface WrittenDraft {
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
export type DriverSentences = (favourable: boolean, common: Readonly<Record<string, string>>) => DraftSentence[];

/** The cells of the figures, each once, in order. */
export function cellsOf(...figures: (Figure | undefined)[]): CellRef[] {
  const out: CellRef[] = [];
  for (const f of figures) if (f !== undefined) for (const c of f.cells) if (!out.some((o) => o.sheet === c.sheet && o.cell === c.cell)) out.push(c);
  return out;
}

/** A sentence from a template and its values. */
export function sentence(wording: Wording, template: TemplateId, values: Readonly<Record<string, string>>, cells: CellRef[]): DraftSentence {
  return { template, text: fillTemplate(wording.texts[template], values), cells, gap: template === 'lucka' };
}

/** An amount in tkr as the text writes it in mnkr: without its sign, with `decimals` decimals (an amount that is exactly zero as `0`). */
export function mnkrText(tkr: number, lang: Language, decimals = 1): string {
  if (tkr === 0) return formatMnkr(0, lang, 0);
  return formatMnkr(tkrToMnkr(Math.abs(tkr), decimals), lang, decimals);
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
function percentToCite(previous: Figure, actual: Figure, change: Figure | undefined): { percent: number; fromCell: boolean } {
  const computed = (actual.tkr / previous.tkr - 1) * 100;
  if (change === undefined) return { percent: computed, fromCell: false };
  const corners: number[] = [];
  for (const u of [actual.tkr - actual.halfUnit, actual.tkr + actual.halfUnit]) {
    for (const b of [previous.tkr - previous.halfUnit, previous.tkr + previous.halfUnit]) corners.push((u / b - 1) * 100);
  }
  const lo = Math.min(...corners);
  const hi = Math.max(...corners);
  const agrees = change.tkr >= lo - change.halfUnit - 1e-9 && change.tkr <= hi + change.halfUnit + 1e-9;
  return agrees ? { percent: change.tkr, fromCell: true } : { percent: computed, fromCell: false };
}

/** The change since last year: its sentence (material drafts only) and the % it cites. */
function changeSince(wording: Wording, figures: RowFigures, common: Readonly<Record<string, string>>): { sentence?: DraftSentence; percent: number | null } {
  const { previous, actual } = figures;
  if (previous === undefined || actual === undefined || (previous.tkr === 0 && actual.tkr === 0)) return { percent: null };
  const { lang, words, convention } = wording;
  const cells = cellsOf(previous, actual);
  const postOf = (tkr: number): string => (netCost(tkr, convention) > 0 ? words.nettokostnaden : words.nettointäkten);
  if (previous.tkr === 0) {
    const values = { ...common, nettopost: postOf(actual.tkr), utfall_mnkr: mnkrText(actual.tkr, lang, decimalsShowing(actual.tkr)) };
    return { sentence: sentence(wording, 'förändring.nollbas', values, cells), percent: null };
  }
  const bokslut = mnkrText(previous.tkr, lang, decimalsShowing(previous.tkr));
  if (previous.tkr * actual.tkr < 0) {
    const kindOf = (tkr: number): string => (netCost(tkr, convention) > 0 ? words.en_nettokostnad : words.en_nettointäkt);
    const values = {
      ...common,
      bokslut_mnkr: bokslut,
      från_post: kindOf(previous.tkr),
      från_mnkr: bokslut,
      till_post: kindOf(actual.tkr),
      till_mnkr: mnkrText(actual.tkr, lang, decimalsShowing(actual.tkr)),
    };
    return { sentence: sentence(wording, 'förändring.teckenbyte', values, cells), percent: null };
  }
  const diff = Math.abs(actual.tkr) - Math.abs(previous.tkr);
  const changeValues = {
    ...common,
    bokslut_mnkr: bokslut,
    nettopost: postOf(actual.tkr),
    förändring_mnkr: mnkrText(diff, lang),
    förändring_riktning: diff >= 0 ? words.ökat : words.minskat,
  };
  if (Math.abs(previous.tkr) < wording.tinyBaseTkr) return { sentence: sentence(wording, 'förändring.låg_bas', changeValues, cells), percent: null };
  const { percent, fromCell } = percentToCite(previous, actual, figures.change);
  const cited = roundHalfAway(percent, 1);
  const values = { ...changeValues, förändring_procent: formatPercent(Math.abs(percent), lang) };
  const template: TemplateId = tkrToMnkr(diff) === 0 ? 'förändring.oförändrad' : 'förändring';
  return { sentence: sentence(wording, template, values, fromCell ? cellsOf(previous, actual, figures.change) : cells), percent: cited };
}

/** The outcome against budget, in words that say whether each is a net cost or a net income. */
function outcomeSentence(wording: Wording, actual: Figure, budget: Figure, common: Readonly<Record<string, string>>): DraftSentence {
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
  return sentence(wording, template, common, cellsOf(actual, budget));
}

/**
 * The draft of one row or total, or undefined when it has no variance.
 * Material: the variance, Utfall against budget, the change since last year,
 * the summary's drivers and the gap for the cause. Immaterial: one sentence.
 */
export function writeDraft(wording: Wording, subject: Subject, figures: RowFigures, material: boolean, drivers?: DriverSentences): WrittenDraft | undefined {
  const { variance, actual, budget } = figures;
  if (variance === undefined) return undefined;
  const { lang, words } = wording;
  const favourable = variance.tkr > 0;
  // Utfall and Budget that read the same at one decimal get the decimals that tell them apart, and so does the variance.
  const decimals = material && actual !== undefined && budget !== undefined ? decimalsTellingApart(actual.tkr, budget.tkr) : 1;
  const varianceMnkr = tkrToMnkr(variance.tkr, decimals);
  const common: Record<string, string> = {
    enhet: subject.name,
    kod: subject.code,
    år: wording.year,
    år_föregående: wording.previousYear,
    riktning: favourable ? words.positiv : words.negativ,
    riktning_med_artikel: favourable ? words.en_positiv : words.en_negativ,
    avvikelse_mnkr: mnkrText(variance.tkr, lang, decimals),
    avvikelse_mnkr_abs: mnkrText(variance.tkr, lang, decimals),
    avvikelse_mnkr_med_tecken: formatMnkr(varianceMnkr, lang, decimals),
    avvikelse_tkr: formatNumber(roundHalfAway(Math.abs(variance.tkr), 0), lang, 0),
    utfall_mnkr: actual === undefined ? '–' : mnkrText(actual.tkr, lang, decimals),
    utfall_mnkr_abs: actual === undefined ? '–' : mnkrText(actual.tkr, lang, decimals),
    budget_mnkr: budget === undefined ? '–' : mnkrText(budget.tkr, lang, decimals),
  };
  const summary = subject.kind === 'summary';
  const change = changeSince(wording, figures, common);
  const sentences: DraftSentence[] = [];
  if (!material) {
    const zero = tkrToMnkr(variance.tkr) === 0;
    const template: TemplateId = summary ? (zero ? 'summa.i_nivå.noll' : 'summa.i_nivå') : zero ? 'avdelning.i_nivå.noll' : 'avdelning.i_nivå';
    sentences.push(sentence(wording, template, common, cellsOf(variance)));
  } else {
    const template: TemplateId = summary
      ? favourable
        ? 'summa.avvikelse.positiv'
        : 'summa.avvikelse.negativ'
      : favourable
        ? 'avdelning.avvikelse.positiv'
        : 'avdelning.avvikelse.negativ';
    sentences.push(sentence(wording, template, common, cellsOf(variance)));
    if (actual !== undefined && budget !== undefined) sentences.push(outcomeSentence(wording, actual, budget, common));
    if (change.sentence !== undefined) sentences.push(change.sentence);
    if (drivers !== undefined) sentences.push(...drivers(favourable, common));
    sentences.push(sentence(wording, 'lucka', common, []));
  }
  return { sentences, varianceMnkr, direction: directionOf(variance.tkr), changePercent: change.percent };
}
