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
import { decimalsShowing, decimalsTellingApart, formatIn, formatMnkrIn, formatPercentIn, mnkrText, roundHalfAway, tkrToMnkr, type AmountFormats } from './amounts';
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
  /** The gap of every draft, when its template has no placeholders (the same words in every draft); null otherwise. */
  sharedGap: SharedGap | null;
}

/**
 * The gap as every draft of a run has it: one sentence, shared by the drafts
 * (sentences, like lists of cells, are never changed), and its text after the
 * space that separates it from the sentence before, which every draft's text
 * ends in rather than a copy of it.
 */
export interface SharedGap {
  sentence: DraftSentence;
  afterSpace: string;
}

/** The run's shared gap (see `SharedGap`), or null when the gap's template has placeholders. */
export function sharedGapOf(template: SplitTemplate, noCells: CellRef[]): SharedGap | null {
  if (template.names.length > 0) return null;
  const text = template.texts[0] as string;
  return { sentence: { template: 'lucka', text, cells: noCells, gap: true }, afterSpace: ` ${text}` };
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

/** A sentence to write: its template, the values only it has (besides the draft's own), and the cells its numbers come from. */
export interface SentencePlan {
  template: TemplateId;
  cells: CellRef[];
  own?: Readonly<Record<string, string>>;
}

/** A sentence to write (see `SentencePlan`). */
export function plan(template: TemplateId, cells: CellRef[], own?: Readonly<Record<string, string>>): SentencePlan {
  return own === undefined ? { template, cells } : { template, cells, own };
}

/**
 * One draft as it is written: what its placeholders are filled from, and its
 * text so far (the pieces, joined once into the draft's text when the last
 * sentence is written, and the sentences, whose texts are then cut from it).
 */
interface DraftInProgress extends WrittenDraft {
  wording: Wording;
  subject: Subject;
  figures: RowFigures;
  variance: Figure;
  favourable: boolean;
  /** The decimals the variance, Utfall and Budget are written with. */
  decimals: number;
  /** The change % the change sentence cites, null when none is meaningful. */
  percent: number | null;
  /** The pieces of the text (room for as many as the sentences can have), how many there are, and their length. */
  pieces: string[];
  count: number;
  length: number;
  /** How many of the sentences (as many as the draft has, see `writeDraft`) are written. */
  written: number;
  /** Where each sentence ends in the text. */
  ends: number[];
  /** True when the text ends in the run's shared gap (`Wording.sharedGap`) instead of pieces of its own. */
  endsInSharedGap: boolean;
}

/** The value of a placeholder every template may use; undefined for any other name. */
function commonValue(draft: DraftInProgress, name: string): string | undefined {
  const { wording, subject, variance, favourable, decimals } = draft;
  const { actual, budget } = draft.figures;
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
      return formatMnkrIn(wording.formats, draft.varianceMnkr, decimals);
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
 * The value of a placeholder the change sentence `template` gives its own
 * value (`changeTemplate`); undefined when the draft's common value is used.
 * Bokslut and an Utfall from or to zero are written with the decimals that
 * keep them from reading as zero.
 */
function changeValue(draft: DraftInProgress, template: TemplateId, name: string): string | undefined {
  const { previous, actual } = draft.figures;
  if (previous === undefined || actual === undefined) return undefined;
  const { formats, words, convention } = draft.wording;
  if (template === 'förändring.nollbas') {
    if (name === 'nettopost') return netPost(words, actual.tkr, convention);
    if (name === 'utfall_mnkr') return mnkrText(actual.tkr, formats, decimalsShowing(actual.tkr));
    return undefined;
  }
  if (template === 'förändring.teckenbyte') {
    switch (name) {
      case 'bokslut_mnkr':
      case 'från_mnkr':
        return mnkrText(previous.tkr, formats, decimalsShowing(previous.tkr));
      case 'från_post':
        return aNetPost(words, previous.tkr, convention);
      case 'till_post':
        return aNetPost(words, actual.tkr, convention);
      case 'till_mnkr':
        return mnkrText(actual.tkr, formats, decimalsShowing(actual.tkr));
      default:
        return undefined;
    }
  }
  if (template === 'förändring' || template === 'förändring.oförändrad' || template === 'förändring.låg_bas') {
    const diff = Math.abs(actual.tkr) - Math.abs(previous.tkr);
    switch (name) {
      case 'bokslut_mnkr':
        return mnkrText(previous.tkr, formats, decimalsShowing(previous.tkr));
      case 'nettopost':
        return netPost(words, actual.tkr, convention);
      case 'förändring_mnkr':
        return mnkrText(diff, formats);
      case 'förändring_riktning':
        return diff >= 0 ? words.ökat : words.minskat;
      case 'förändring_procent':
        return draft.percent === null ? undefined : formatPercentIn(formats, Math.abs(draft.percent));
      default:
        return undefined;
    }
  }
  return undefined;
}

/** Adds a piece to the draft's text. */
function append(draft: DraftInProgress, piece: string): void {
  if (piece.length === 0) return;
  draft.pieces[draft.count++] = piece;
  draft.length += piece.length;
}

/** The most pieces a sentence adds to a draft's text: the space before it, its template's texts and its values. */
function piecesOf(template: SplitTemplate): number {
  return 2 + 2 * template.names.length;
}

/**
 * Writes a sentence of the draft (after a space, unless it is the first). A
 * placeholder takes the sentence's own value, else the draft's; one with
 * neither stays visible as written (`{name}`), so a sentence is never
 * silently broken. A template without placeholders is its sentence's text as
 * it is (the gap is the same words in every draft); the other sentences'
 * texts are cut from the draft's text by `finish`.
 */
function say(draft: DraftInProgress, id: TemplateId, template: SplitTemplate, cells: CellRef[], own?: Readonly<Record<string, string>>): void {
  const at = draft.written++;
  const shared = draft.wording.sharedGap;
  if (id === 'lucka' && at > 0 && at === draft.sentences.length - 1 && shared !== null) {
    draft.sentences[at] = shared.sentence;
    draft.endsInSharedGap = true;
    return;
  }
  draft.sentences[at] = { template: id, text: template.names.length === 0 ? (template.texts[0] as string) : '', cells, gap: id === 'lucka' };
  if (at > 0) append(draft, ' ');
  append(draft, template.texts[0] as string);
  for (let j = 0; j < template.names.length; j++) {
    const name = template.names[j] as string;
    append(draft, own?.[name] ?? changeValue(draft, id, name) ?? commonValue(draft, name) ?? (template.written[j] as string));
    append(draft, template.texts[j + 1] as string);
  }
  draft.ends[at] = draft.length;
}

/** Writes the draft's text (its sentences joined by a space) and cuts each sentence's text from it. */
function finish(draft: DraftInProgress): void {
  draft.pieces.length = draft.count;
  const written = draft.pieces.join('');
  let start = 0;
  for (let i = 0; i < draft.sentences.length; i++) {
    const sentence = draft.sentences[i] as DraftSentence;
    const end = draft.ends[i] as number;
    if (sentence.text === '') sentence.text = written.slice(start, end);
    start = end + 1;
  }
  draft.text = draft.endsInSharedGap ? written + (draft.wording.sharedGap as SharedGap).afterSpace : written;
}

function directionOf(mnkr: number): Direction {
  return mnkr > 0 ? 'positive' : mnkr < 0 ? 'negative' : 'zero';
}

/**
 * Whether the table's own Förändr% agrees with Bokslut and Utfall within
 * their rounding (it was computed from the unrounded figures, so it is then
 * the better number to cite).
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

/** Whether a change % since last year is meaningful: figures for both years, a base neither zero nor tiny, no sign change. */
function changeIsMeaningful(wording: Wording, figures: RowFigures): boolean {
  const { previous, actual } = figures;
  if (previous === undefined || actual === undefined || previous.tkr === 0 || previous.tkr * actual.tkr < 0) return false;
  return Math.abs(previous.tkr) >= wording.tinyBaseTkr;
}

/** Whether the change % cited is the table's own Förändr% (see `changeCellAgrees`); only asked when one is meaningful. */
function citesChangeCell(figures: RowFigures): boolean {
  const { previous, actual, change } = figures;
  return previous !== undefined && actual !== undefined && change !== undefined && changeCellAgrees(previous, actual, change);
}

/** The change % to cite, when one is meaningful: the table's own Förändr% when it agrees, else the % computed from Bokslut and Utfall. */
function citedPercent(figures: RowFigures, fromCell: boolean): number {
  const { previous, actual, change } = figures as { previous: Figure; actual: Figure; change: Figure | undefined };
  return fromCell ? (change as Figure).tkr : (actual.tkr / previous.tkr - 1) * 100;
}

/** The template of the change sentence, when there is something to compare (see `changeValue` for its values). */
function changeTemplate(figures: RowFigures, meaningful: boolean): TemplateId | undefined {
  const { previous, actual } = figures;
  if (previous === undefined || actual === undefined || (previous.tkr === 0 && actual.tkr === 0)) return undefined;
  if (previous.tkr === 0) return 'förändring.nollbas';
  if (previous.tkr * actual.tkr < 0) return 'förändring.teckenbyte';
  if (!meaningful) return 'förändring.låg_bas';
  return tkrToMnkr(Math.abs(actual.tkr) - Math.abs(previous.tkr)) === 0 ? 'förändring.oförändrad' : 'förändring';
}

/** The template of the outcome against budget, in words that say whether each is a net cost or a net income. */
function outcomeTemplate(convention: SignConvention, actual: Figure, budget: Figure): TemplateId {
  const actualCost = netCost(actual.tkr, convention);
  const budgetCost = netCost(budget.tkr, convention);
  // Zero is neither: it takes the other figure's kind (a net cost when both are zero).
  const actualIsCost = actualCost > 0 || (actualCost === 0 && budgetCost >= 0);
  const budgetIsCost = budgetCost > 0 || (budgetCost === 0 && actualIsCost);
  if (actualIsCost === budgetIsCost) return actualIsCost ? 'utfall.nettokostnad' : 'utfall.nettointäkt';
  return actualIsCost ? 'utfall.nettokostnad_mot_budgeterad_intäkt' : 'utfall.nettointäkt_mot_budgeterad_kostnad';
}

/** The template of the sentence on the variance: material or not, favourable or not, a row's or a summary's. */
function varianceTemplate(summary: boolean, material: boolean, favourable: boolean, zero: boolean): TemplateId {
  if (material) {
    if (summary) return favourable ? 'summa.avvikelse.positiv' : 'summa.avvikelse.negativ';
    return favourable ? 'avdelning.avvikelse.positiv' : 'avdelning.avvikelse.negativ';
  }
  if (summary) return zero ? 'summa.i_nivå.noll' : 'summa.i_nivå';
  return zero ? 'avdelning.i_nivå.noll' : 'avdelning.i_nivå';
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
  const meaningful = changeIsMeaningful(wording, figures);
  const fromCell = meaningful && citesChangeCell(figures);
  const percent = meaningful ? citedPercent(figures, fromCell) : null;
  const summary = subject.kind === 'summary';
  const mnkr = tkrToMnkr(variance.tkr);
  const outcome = material && actual !== undefined && budget !== undefined ? outcomeTemplate(wording.convention, actual, budget) : undefined;
  const change = material ? changeTemplate(figures, meaningful) : undefined;
  const driven = material && drivers !== undefined ? drivers(favourable) : [];
  const first = varianceTemplate(summary, material, favourable, mnkr === 0);
  const templates = wording.templates;
  const firstSplit = templates.get(first) as SplitTemplate;
  const outcomeSplit = outcome === undefined ? undefined : (templates.get(outcome) as SplitTemplate);
  const changeSplit = change === undefined ? undefined : (templates.get(change) as SplitTemplate);
  const gapSplit = templates.get('lucka') as SplitTemplate;
  let count = 1;
  let room = piecesOf(firstSplit);
  if (outcomeSplit !== undefined) {
    count++;
    room += piecesOf(outcomeSplit);
  }
  if (changeSplit !== undefined) {
    count++;
    room += piecesOf(changeSplit);
  }
  for (const p of driven) {
    count++;
    room += piecesOf(templates.get(p.template) as SplitTemplate);
  }
  if (material) {
    count++;
    room += piecesOf(gapSplit);
  }
  const draft: DraftInProgress = {
    wording,
    subject,
    figures,
    variance,
    favourable,
    decimals,
    varianceMnkr: tkrToMnkr(variance.tkr, decimals),
    direction: directionOf(mnkr),
    changePercent: percent === null ? null : roundHalfAway(percent, 1),
    text: '',
    percent,
    pieces: new Array<string>(room),
    count: 0,
    length: 0,
    sentences: new Array<DraftSentence>(count),
    written: 0,
    ends: new Array<number>(count),
    endsInSharedGap: false,
  };
  say(draft, first, firstSplit, variance.cells);
  if (material) {
    if (outcome !== undefined && outcomeSplit !== undefined) say(draft, outcome, outcomeSplit, cellsOf(actual, budget));
    if (change !== undefined && changeSplit !== undefined) say(draft, change, changeSplit, fromCell ? cellsOf(figures.previous, actual, figures.change) : cellsOf(figures.previous, actual));
    for (const p of driven) say(draft, p.template, templates.get(p.template) as SplitTemplate, p.cells, p.own);
    say(draft, 'lucka', gapSplit, wording.noCells);
  }
  finish(draft);
  return draft;
}
