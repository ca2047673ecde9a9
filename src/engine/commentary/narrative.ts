/**
 * Reading a comment back: the amount it states for the unit's variance and
 * the direction it gives it, as economists write them ("positiv avvikelse med
 * 4,6 mnkr", "negativ budgetavvikelse med -1,1 mnkr", "avvikelse om – 48
 * mnkr", "Positiv avvikelse om 8,3 mnkr inom …"), and the comparison with the
 * table. Used by the rule `narrative-mismatch` and by the drafts' tests.
 */
import { roundHalfAway } from './amounts';

export type StatedDirection = 'positive' | 'negative';

/** The variance a comment states. */
export interface StatedVariance {
  /** The amount without sign, as written (4.6 for "4,6 mnkr"). */
  magnitude: number;
  /** Decimals written (1 for "4,6", 0 for "48"): the table is rounded the same way. */
  decimals: number;
  unit: 'mnkr' | 'tkr';
  /** The explicit sign written before the amount (−, –, -, +), 0 when none. */
  sign: -1 | 0 | 1;
  /** The direction word nearest the amount (positiv/negativ/överskott/underskott …), if any. */
  word: StatedDirection | null;
  /** That word as written. */
  wordText: string | null;
  /** The amount as written, with its sign and unit (`– 48 mnkr`). */
  text: string;
  /** The sentence it was found in. */
  sentence: string;
  language: 'sv' | 'en';
}

const SPACE = '[ \\u00A0\\u202F\\u2009\\u2007]';
const SIGN = '([-\\u2212\\u2013\\u2014+])';
const SV_AMOUNT = new RegExp(
  `(?<![\\p{L}\\p{N},.])(?:${SIGN}${SPACE}?)?(\\d{1,3}(?:${SPACE}\\d{3})+|\\d+)(?:,(\\d+))?${SPACE}?(mnkr|mkr|mn kr|miljoner kronor|miljoner|tkr|tusen kronor)(?![\\p{L}])`,
  'giu',
);
const EN_AMOUNT = new RegExp(
  `(?<![\\p{L}\\p{N},.])(?:SEK${SPACE}?)?(?:${SIGN}${SPACE}?)?(?:SEK${SPACE}?)?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?${SPACE}?(million|mn|m|mnkr|thousand|k|tkr)(?![\\p{L}])`,
  'giu',
);
const VARIANCE_WORD_SV = /avvikels/iu;
const VARIANCE_WORD_EN = /(?<![\p{L}])variances?(?![\p{L}])/iu;
const DIRECTION_WORDS = new RegExp(
  '(?<![\\p{L}])(positiv\\p{L}*|negativ\\p{L}*|överskott\\p{L}*|underskott\\p{L}*|favourable|favorable|unfavourable|unfavorable|positive|negative|surplus|deficit|overspend\\p{L}*|overspent|underspend\\p{L}*|underspent)(?![\\p{L}])',
  'giu',
);
/** How far after the amount a direction word still belongs to it ("4,6 mnkr, positiv"). */
const WORD_AFTER_REACH = 25;

function directionOfWord(w: string): StatedDirection {
  const t = w.toLowerCase();
  if (/^(negativ|underskott|unfavou?rable|deficit|overspen)/.test(t)) return 'negative';
  return 'positive';
}

/** Splits a comment into sentences (a full stop before a capital or a bracket, or a line break). */
export function sentences(text: string): string[] {
  return text
    .split(/\r?\n+|(?<=[.!?])\s+(?=[A-ZÅÄÖÉ[(„"”])/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function parseIn(sentence: string, language: 'sv' | 'en'): StatedVariance | undefined {
  const re = language === 'sv' ? SV_AMOUNT : EN_AMOUNT;
  re.lastIndex = 0;
  const m = re.exec(sentence);
  if (m === null) return undefined;
  const signChar = m[1];
  // Thousands separators: spaces in Swedish, commas in English.
  const digits = (m[2] as string).replace(/[ \u00A0\u202F\u2009\u2007,]/g, '');
  const decimals = m[3] === undefined ? 0 : m[3].length;
  const magnitude = Number(m[3] === undefined ? digits : `${digits}.${m[3]}`);
  const unitText = (m[4] as string).toLowerCase();
  const unit: 'mnkr' | 'tkr' = /^(tkr|tusen|thousand|k)/.test(unitText) ? 'tkr' : 'mnkr';
  const sign: -1 | 0 | 1 = signChar === undefined ? 0 : signChar === '+' ? 1 : -1;
  // The direction word nearest before the amount, else one just after it.
  let word: StatedDirection | null = null;
  let wordText: string | null = null;
  const start = m.index;
  const end = m.index + m[0].length;
  DIRECTION_WORDS.lastIndex = 0;
  for (const w of sentence.matchAll(DIRECTION_WORDS)) {
    const at = w.index ?? 0;
    if (at < start) {
      word = directionOfWord(w[1] as string);
      wordText = w[1] as string;
    } else if (word === null && at >= end && at - end <= WORD_AFTER_REACH) {
      word = directionOfWord(w[1] as string);
      wordText = w[1] as string;
      break;
    }
  }
  return { magnitude, decimals, unit, sign, word, wordText, text: m[0].trim(), sentence, language };
}

/**
 * The variance a comment states: the first amount in mnkr or tkr in the first
 * sentence that speaks of the variance ("avvikelse", "budgetavvikelse",
 * "avvikelsen" …; in English "variance") and states an amount, with its sign
 * and the direction words around it. Undefined when the comment states none.
 */
export function statedVariance(comment: string): StatedVariance | undefined {
  for (const s of sentences(comment)) {
    if (VARIANCE_WORD_SV.test(s)) {
      const found = parseIn(s, 'sv');
      if (found !== undefined) return found;
    }
    if (VARIANCE_WORD_EN.test(s)) {
      const found = parseIn(s, 'en');
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The outcome of comparing a stated variance with the table's. */
export interface NarrativeVerdict {
  /** 'ok', a different amount, or a direction that contradicts the sign. */
  kind: 'ok' | 'amount' | 'direction';
  /** The table's variance in the text's unit, rounded as the text is (signed). */
  expected: number;
  /** What the text states, signed by its sign or direction word (unsigned text counts as positive). */
  actual: number;
}

/**
 * Compares a stated variance with the table's variance (tkr, known to
 * ± halfUnit): the table is rounded as the text is (its unit and decimals,
 * half away from zero); every rounding the table's own precision allows is
 * accepted, so printed rounding is never reported. A direction (sign or
 * word) that contradicts the table's sign is reported when the amount agrees.
 */
export function compareStated(stated: StatedVariance, varianceTkr: number, halfUnit = 0): NarrativeVerdict {
  const scale = stated.unit === 'mnkr' ? 1000 : 1;
  const round = (tkr: number): number => roundHalfAway(tkr / scale, stated.decimals);
  const expected = round(varianceTkr);
  const candidates = [round(varianceTkr - halfUnit), expected, round(varianceTkr + halfUnit)];
  const statedDirection: StatedDirection | null = stated.word ?? (stated.sign < 0 ? 'negative' : stated.sign > 0 ? 'positive' : null);
  const actual = statedDirection === 'negative' ? -stated.magnitude : stated.magnitude;
  const f = 10 ** stated.decimals;
  const same = (a: number, b: number): boolean => Math.round(Math.abs(a) * f) === Math.round(Math.abs(b) * f);
  if (!candidates.some((c) => same(c, stated.magnitude))) return { kind: 'amount', expected, actual };
  const tableDirection: StatedDirection | null = expected > 0 ? 'positive' : expected < 0 ? 'negative' : null;
  if (tableDirection !== null) {
    const signDirection: StatedDirection | null = stated.sign < 0 ? 'negative' : stated.sign > 0 ? 'positive' : null;
    const contradicts = (stated.word !== null && stated.word !== tableDirection) || (signDirection !== null && signDirection !== tableDirection);
    if (contradicts) return { kind: 'direction', expected, actual };
  }
  return { kind: 'ok', expected, actual };
}
