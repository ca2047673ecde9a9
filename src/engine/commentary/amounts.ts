/**
 * Amounts as commentary states them: tkr from the tables, mnkr with one
 * decimal in the text, rounded half away from zero (4 626 tkr → 4,6 mnkr;
 * −1 157 tkr → −1,2 mnkr; 1 150 tkr → 1,2 mnkr).
 */
import { formatNumber, numberFormat, type Language } from '../i18n';

/**
 * Rounds half away from zero to `decimals` decimals. Binary noise from the
 * division (1 150 / 1 000 = 1.149999…) is removed before rounding, so whole
 * tkr always round the way a person rounds them on paper. Never returns −0.
 */
export function roundHalfAway(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const x = Math.abs(value) * f;
  let r: number;
  // Fast path, no string: away from the .5 and whole-number edges by more than 1e-5 (where
  // rounding to 6 decimals cannot move x across them, x < 1e9), the result is plain.
  const whole = Math.floor(x);
  const frac = x - whole;
  if (x < 1e9 && frac > 1e-5 && frac < 0.5 - 1e-5) r = whole / f;
  else if (x < 1e9 && frac > 0.5 + 1e-5 && frac < 1 - 1e-5) r = (whole + 1) / f;
  else r = Math.floor(Number(x.toFixed(6)) + 0.5) / f;
  return value < 0 && r !== 0 ? -r : r;
}

/** tkr → mnkr rounded as the text shows it (default one decimal). */
export function tkrToMnkr(tkr: number, decimals = 1): number {
  return roundHalfAway(tkr / 1000, decimals);
}

/**
 * An amount in mnkr as text, in the language's number format
 * (`Intl.NumberFormat('sv-SE')`: `−1,2`, `4,6`, `1 184,0`). With `plus`,
 * positive amounts get a leading `+` (`+12,4`), as in driver lists.
 */
export function formatMnkr(mnkr: number, lang: Language, decimals = 1, plus = false): string {
  const v = mnkr === 0 ? 0 : mnkr;
  const text = formatNumber(v, lang, decimals);
  return plus && v > 0 ? `+${text}` : text;
}

/** A percentage with one decimal, rounded half away from zero: `4,1`. */
export function formatPercent(percent: number, lang: Language): string {
  return formatNumber(roundHalfAway(percent, 1), lang, 1);
}

/** The most decimals a draft gives an amount in mnkr: three, whole tkr. */
export const MAX_MNKR_DECIMALS = 3;

/**
 * The fewest decimals (one to three) at which an amount in tkr, written in
 * mnkr, does not read as zero: 30 tkr is `0,03` mnkr, not `0,0`. Zero, and
 * amounts under half a tkr, get one decimal.
 */
export function decimalsShowing(tkr: number): number {
  for (let d = 1; d <= MAX_MNKR_DECIMALS; d++) if (tkrToMnkr(tkr, d) !== 0) return d;
  return 1;
}

/**
 * The fewest decimals (one to three) at which two different amounts in tkr,
 * written in mnkr, read as different: 843 and 784 tkr are `0,84` and `0,78`
 * mnkr, not `0,8` and `0,8`. Equal amounts, and amounts less than a tkr
 * apart, get one decimal.
 */
export function decimalsTellingApart(aTkr: number, bTkr: number): number {
  if (aTkr === bTkr) return 1;
  for (let d = 1; d <= MAX_MNKR_DECIMALS; d++) if (tkrToMnkr(aTkr, d) !== tkrToMnkr(bTkr, d)) return d;
  return 1;
}

/**
 * The number formats of one draft run, in one language: an `Intl.NumberFormat`
 * per number of decimals, made when the run first needs it (making one is
 * slow) and passed to what writes the amounts, with the texts already written
 * in the run (the same amounts recur from row to row). Writes what
 * `formatNumber` writes.
 */
export interface AmountFormats {
  lang: Language;
  /** By number of decimals, once made. */
  formats: (Intl.NumberFormat | undefined)[];
  /**
   * By number of decimals: the texts written, by the amount in units of the
   * last decimal (4,6 with one decimal is 46), for amounts that are exactly
   * such a whole number of units (as `roundHalfAway` gives them).
   */
  written: Map<number, string>[];
}

/** New number formats for one draft run. */
export function amountFormats(lang: Language): AmountFormats {
  const out: AmountFormats = { lang, formats: [], written: [] };
  for (let d = 0; d <= MAX_MNKR_DECIMALS; d++) {
    out.formats.push(undefined);
    out.written.push(new Map());
  }
  return out;
}

/** A number in the run's language with `decimals` decimals, as `formatNumber` writes it. */
export function formatIn(formats: AmountFormats, value: number, decimals: number): string {
  const written = formats.written[decimals];
  if (written === undefined) return formatNumber(value, formats.lang, decimals);
  let format = formats.formats[decimals];
  if (format === undefined) {
    format = numberFormat(formats.lang, decimals);
    formats.formats[decimals] = format;
  }
  const f = 10 ** decimals;
  const units = Math.round(value * f);
  // Only an amount that is exactly `units` of the last decimal is remembered (and never −0, which is written as Intl writes it).
  if (units / f !== value || Object.is(value, -0)) return format.format(value);
  let text = written.get(units);
  if (text === undefined) {
    text = format.format(value);
    written.set(units, text);
  }
  return text;
}
/** `formatMnkr` with the run's formats. */
export function formatMnkrIn(formats: AmountFormats, mnkr: number, decimals = 1, plus = false): string {
  const v = mnkr === 0 ? 0 : mnkr;
  const text = formatIn(formats, v, decimals);
  return plus && v > 0 ? `+${text}` : text;
}

/** `formatPercent` with the run's formats. */
export function formatPercentIn(formats: AmountFormats, percent: number): string {
  return formatIn(formats, roundHalfAway(percent, 1), 1);
}

/** An amount in tkr as the text writes it in mnkr: without its sign, with `decimals` decimals (an amount that is exactly zero as `0`). */
export function mnkrText(tkr: number, formats: AmountFormats, decimals = 1): string {
  if (tkr === 0) return formatMnkrIn(formats, 0, 0);
  return formatMnkrIn(formats, tkrToMnkr(Math.abs(tkr), decimals), decimals);
}
