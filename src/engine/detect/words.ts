/**
 * What the words of a follow-up table say: a header's role hint, its years
 * and unit, a row label's code and name, and the labels that mark sums.
 * Words are hints only: the figures confirm them (`roles.ts`).
 */
import type { Cell } from '../grid';
import type { AmountUnit, TableRow } from '../table';

/**
 * What a header text suggests a column holds. `previous` is Bokslut (its year
 * decides whether it is last year's or this year's actual), `change-any` a
 * Förändring without a unit (the figures tell % from tkr), `year` a header of
 * years only (`2023`), `note` a Not column, `label` the label column's header.
 */
export type HeaderHint =
  'label' | 'note' | 'previous' | 'actual' | 'budget' | 'variance' | 'change' | 'change-any' | 'changeAmount' | 'forecast' | 'forecast-variance' | 'income' | 'cost' | 'net' | 'year';

/** Longer texts are prose, never a header. */
export const MAX_HEADER_TEXT = 200;

const YEAR = /\b(199\d|20\d\d)\b/g;
const A_YEAR = /\b(199\d|20\d\d)\b/;

/** The four-digit years (1990–2099) a text mentions, in order. */
export function yearsIn(text: string): number[] {
  // Each match is the year itself (the word boundaries take no characters).
  const years = text.match(YEAR);
  return years === null ? [] : years.map(Number);
}

/** True when a text mentions a four-digit year (1990–2099). */
export function hasYear(text: string): boolean {
  return A_YEAR.test(text);
}

/** The text a header cell shows: strings as they are, years stored as numbers as digits. */
export function headerText(cell: Cell): string {
  const v = cell.value;
  if (typeof v === 'string') return v.length > MAX_HEADER_TEXT ? '' : v;
  if (typeof v === 'number' && isYearNumber(v)) return String(v);
  return '';
}

/** A year stored as a number (1990–2099), as a header cell may hold it. */
export function isYearNumber(v: number): boolean {
  return Number.isInteger(v) && v >= 1990 && v <= 2099;
}

const SOFT_HYPHEN = /\u00AD/g;
const HYPHENATED_BREAK = /-\s*[\n\r]\s*/g;
/** A run of white space other than one plain space (one plain space stays as it is). */
const WHITE_SPACE_RUN = /\s{2,}|[^\S ]/g;

/**
 * A header as one line of lower-case words: a word hyphenated over a line
 * break joined again (`Kost-⏎nader` → `kostnader`, `Budget-⏎avvikelse` →
 * `budgetavvikelse`), soft hyphens dropped, other breaks as spaces.
 */
export function normalizeHeader(text: string): string {
  return text.replace(SOFT_HYPHEN, '').replace(HYPHENATED_BREAK, '').replace(WHITE_SPACE_RUN, ' ').trim().toLowerCase();
}

/** Any of the words below: a text without one of them (most labels) has no hint but perhaps years. */
const ANY_WORD =
  /rn|kontogrupp|not|prognos|förändr|forandr|utveckling|change|%|avv|diff|återstår|aterstar|variance|intäkt|intakt|kostn|budget|bidrag|ram|bokslut|closing|utfall|redovisat|verklig|ack|actual|outcome|netto|19\d\d|20\d\d/i;

/** The words of each hint, as `classifyHeader` tries them on the normalized header. */
const LABEL_WORDS = /^rn\s?\d{1,2}$/;
const NOTE_WORDS = /^not(er)?\.?$/;
const DEVIATION_WORDS = /avv|avvikelse|diff|variance/;
const CHANGE_WORDS = /förändr|forandr|utveckling|change/;
const PERCENT_WORDS = /%|procent/;
const AMOUNT_UNIT_WORDS = /(^|[^a-zåäö])(tkr|mnkr|kr)([^a-zåäö]|$)/;
const REMAINDER_WORDS = /differens|återstår|aterstar/;
const INCOME_WORDS = /intäkt|intakt/;
const BUDGET_WORDS = /budget|kommunbidrag|nettoram|(^|[^a-zåäö])ram([^a-zåäö]|$)/;
const PREVIOUS_WORDS = /bokslut|closing/;
const ACTUAL_WORDS = /utfall|redovisat|verklig|(^|[^a-zåäö])ack([^a-zåäö]|$)|actual|outcome/;
const YEARS_ONLY = /^[\d\s/–\-.:o]+$/;

/** What a header text (all header rows of a column joined) suggests the column holds. */
export function classifyHeader(text: string): HeaderHint | undefined {
  if (text.length > MAX_HEADER_TEXT) return undefined;
  const t = normalizeHeader(text);
  if (!ANY_WORD.test(t)) return undefined;
  if (LABEL_WORDS.test(t) || t.includes('kontogrupp')) return 'label';
  if (NOTE_WORDS.test(t)) return 'note';
  const deviation = DEVIATION_WORDS.test(t);
  if (t.includes('prognos') || t.includes('forecast')) return deviation ? 'forecast-variance' : 'forecast';
  if (CHANGE_WORDS.test(t)) {
    if (PERCENT_WORDS.test(t)) return 'change';
    if (AMOUNT_UNIT_WORDS.test(t)) return 'changeAmount';
    return 'change-any';
  }
  if (deviation || REMAINDER_WORDS.test(t)) return 'variance';
  if (t === '%') return 'change';
  if (INCOME_WORDS.test(t)) return 'income';
  if (BUDGET_WORDS.test(t)) return 'budget';
  if (t.includes('kostn')) return t.includes('netto') ? 'net' : 'cost';
  if (PREVIOUS_WORDS.test(t)) return 'previous';
  if (ACTUAL_WORDS.test(t)) return 'actual';
  if (t.includes('netto')) return 'net';
  if (YEARS_ONLY.test(t) && hasYear(t)) return 'year';
  return undefined;
}

/** A hint that names a value column (not the label or a Not column). */
export function isValueHint(hint: HeaderHint | undefined): hint is Exclude<HeaderHint, 'label' | 'note'> {
  return hint !== undefined && hint !== 'label' && hint !== 'note';
}

/** Labels of rows that add up rows above them: `Summa`, `Totalt`, `Summa gemensamt`. */
const SUM_LABEL = /^\s*(summa|totalt?|summering|sum)\b/i;

/** Labels of rows that may be a sum of the rows above (Netto = Intäkter + Kostnader); the figures decide. */
const RESULT_LABEL = /^\s*(netto|nettokostnad(er)?|verksamhetens nettokostnad(er)?|resultat|årets resultat|nettoinvestering(ar)?)\b/i;

export function isSumLabel(text: string): boolean {
  return SUM_LABEL.test(text);
}

export function isResultLabel(text: string): boolean {
  return RESULT_LABEL.test(text);
}

/** A unit or account-group code: KLC, KLÖS, 6A, 3, ÖVA, KGÖK. */
export const CODE = /^[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9]{0,7}$/;

/** A code, white space, and a name on one line: `KLC   Kansli Centerpartiet`. */
const CODE_AND_NAME = /^[A-ZÅÄÖ0-9]{1,8}\s+.+$/;

const WHITE_SPACE = /\s/;

/**
 * The table row `row` with a padded label's code and name: `KLC   Kansli
 * Centerpartiet` → KLC / Kansli Centerpartiet; a short code alone is a code,
 * anything else a name.
 */
export function rowOfLabel(row: number, label: string): TableRow {
  const t = (label.includes('\u00A0') ? label.replaceAll('\u00A0', ' ') : label).trim();
  if (CODE_AND_NAME.test(t)) {
    // The code runs to the first white space (a code has none); the name is the rest.
    const space = t.search(WHITE_SPACE);
    return { row, code: t.slice(0, space), name: t.slice(space).trim() };
  }
  if (CODE.test(t) && t.length <= 6) return { row, code: t, name: '' };
  return { row, code: '', name: t };
}

/** Splits a padded label into code and name: `KLC   Kansli Centerpartiet` → KLC / Kansli Centerpartiet. */
export function splitLabel(label: string): { code: string; name: string } {
  const { code, name } = rowOfLabel(0, label);
  return { code, name };
}

/** `tkr`, `kr`, `kronor`, `tusen kronor`, `mnkr` … as words (not inside `Kronoberg`). */
const UNIT_WORD = /(?<![\p{L}\p{N}])(tkr|tusen\s+kronor|tusental\s+kronor|mnkr|mkr|miljoner\s+kronor|kr|kronor)(?![\p{L}\p{N}])/giu;

const KR_LETTERS = /kr/i;

/**
 * What a text says about the unit of amounts, or nothing. `KR` in capitals is
 * a unit code (`KR   Kommunrevisionen`), not kronor; the larger unit a text
 * names wins (`Belopp i tkr (kr/invånare)`).
 */
export function unitWordIn(text: string): AmountUnit | undefined {
  // Most header texts name no unit: one quick look for the letters every unit word has.
  if (!KR_LETTERS.test(text)) return undefined;
  let found: AmountUnit | undefined;
  for (const m of text.matchAll(UNIT_WORD)) {
    const raw = m[1] as string;
    const w = raw.toLowerCase().replace(WHITE_SPACE_RUN, ' ');
    if (w === 'mnkr' || w === 'mkr' || w === 'miljoner kronor') return 'mnkr';
    if (w === 'kr' || w === 'kronor') {
      if (raw !== 'KR') found ??= 'kr';
    } else found = 'tkr';
  }
  return found;
}

/** A currency format in kronor: `#,##0 "kr"`, `[$kr-41D] #,##0` (but not `"tkr"`). */
export const KR_FORMAT = /"\s*kr\.?\s*"|\[\$kr[-\]]|\\k\\r/i;
