/**
 * Language packs: every text the user sees, keyed by id. Translation happens
 * only at the output edge (CLI report, task pane); the engine returns ids.
 */
import { en } from './en';
import { sv } from './sv';
import type { MessageParams } from '../finding';

export type Language = 'sv' | 'en';
export type LanguagePack = Record<string, string>;

export const PACKS: Record<Language, LanguagePack> = { sv, en };

/** Chooses a supported language from a locale tag (`sv-SE`, `en-US`, `fi-FI` → sv). */
export function languageFromLocale(locale: string | undefined): Language {
  return locale !== undefined && /^en\b/i.test(locale) ? 'en' : 'sv';
}

/** How a format writes numbers, read from Intl: minus sign, group separator, decimal mark. */
interface Style {
  minus: string;
  group: string;
  decimal: string;
}

interface NumberFormatter {
  format: Intl.NumberFormat;
  texts: Map<number, string>;
  /** Set when writing by hand gives exactly this Intl format's text (see `styleOf`). */
  style: Style | undefined;
  decimals: number;
}

const NUMBER_FORMATS = new Map<string, NumberFormatter>();

/** Digits of a whole number ≥ 0 grouped by three: 1234567 → 1 234 567 (with `group`). */
function groupDigits(digits: string, group: string): string {
  if (digits.length <= 3) return digits;
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += group + digits.slice(i, i + 3);
  return out;
}

/**
 * `n / 10^decimals` written with the style: n a safe integer. The number it
 * stands for is a decimal with exactly that many decimals, which Intl writes
 * without rounding.
 */
function formatScaled(n: number, decimals: number, style: Style): string {
  let digits = String(Math.abs(n));
  let text: string;
  if (decimals === 0) {
    text = groupDigits(digits, style.group);
  } else {
    if (digits.length <= decimals) digits = '0'.repeat(decimals + 1 - digits.length) + digits;
    text = groupDigits(digits.slice(0, digits.length - decimals), style.group) + style.decimal + digits.slice(digits.length - decimals);
  }
  return n < 0 ? style.minus + text : text;
}

const POWERS = [1, 10, 100];

/**
 * The minus sign, group separator and decimal mark of a format, read from
 * Intl itself and kept only when writing by hand gives exactly Intl's text
 * for a set of probes (so another ICU, e.g. a browser's, never changes a
 * text: it only falls back to Intl).
 */
function styleOf(format: Intl.NumberFormat, decimals: number): Style | undefined {
  if (decimals >= POWERS.length) return undefined;
  try {
    const parts = format.formatToParts(-1234567.25);
    const minus = parts.find((p) => p.type === 'minusSign')?.value;
    const group = parts.find((p) => p.type === 'group')?.value;
    const decimal = decimals === 0 ? '' : parts.find((p) => p.type === 'decimal')?.value;
    if (minus === undefined || group === undefined || decimal === undefined) return undefined;
    const style = { minus, group, decimal };
    const probes = [0, 1, -1, 9, 12, -99, 100, 999, 1000, -1000, 1234, -4626, 9999, 10_000, 12_345, -99_999, 100_000, 999_999, 1_000_000, -1_234_567, 123_456_789, 9_007_199_254_740_991];
    const p = POWERS[decimals] as number;
    for (const n of probes) if (formatScaled(n, decimals, style) !== format.format(n / p)) return undefined;
    return style;
  } catch {
    return undefined;
  }
}

/** Formats a number for display in the language's convention: `−1 078`, `4,6`. */
export function formatNumber(value: number, lang: Language, decimals = 0): string {
  const key = `${lang}:${decimals}`;
  let f = NUMBER_FORMATS.get(key);
  if (f === undefined) {
    const format = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    f = { format, texts: new Map(), style: styleOf(format, decimals), decimals };
    NUMBER_FORMATS.set(key, f);
  }
  // A number that is exactly some n / 10^decimals (whole tkr, mnkr already rounded to one decimal:
  // 100 000s of them in drafts) is written by hand, as Intl writes it.
  // (Below 1e12 a double is far nearer than half the last decimal to the decimal it stands for.)
  if (f.style !== undefined && value !== 0 && (f.decimals === 0 || Math.abs(value) < 1e12)) {
    const p = POWERS[f.decimals] as number;
    const n = Math.round(value * p);
    if (Number.isSafeInteger(n) && n / p === value) return formatScaled(n, f.decimals, f.style);
  }
  // Other amounts are remembered (the cache's keys do not tell −0 from 0).
  if (Object.is(value, -0)) return f.format.format(value);
  let text = f.texts.get(value);
  if (text === undefined) {
    text = f.format.format(value);
    if (f.texts.size >= 20_000) f.texts.clear();
    f.texts.set(value, text);
  }
  return text;
}

/**
 * The text of a message in a language, with `{name}` placeholders filled.
 * Numbers in params are formatted in the language's convention (up to one decimal).
 * An unknown id returns the id itself, so nothing is ever silently blank.
 */
export function translate(id: string, lang: Language, params: MessageParams = {}): string {
  const template = PACKS[lang][id] ?? PACKS.sv[id] ?? id;
  return template.replace(/\{([\p{L}_0-9]+)\}/gu, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (typeof v === 'number') return formatNumber(v, lang, Number.isInteger(v) ? 0 : 1);
    return v;
  });
}
