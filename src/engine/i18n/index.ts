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
interface NumberFormatter {
  format: Intl.NumberFormat;
  texts: Map<number, string>;
}

const NUMBER_FORMATS = new Map<string, NumberFormatter>();

/** A new `Intl.NumberFormat` writing numbers in the language's convention with exactly `decimals` decimals (what `formatNumber` writes). */
export function numberFormat(lang: Language, decimals: number): Intl.NumberFormat {
  return new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Formats a number for display in the language's convention: `−1 078`, `4,6`. */
export function formatNumber(value: number, lang: Language, decimals = 0): string {
  const key = `${lang}:${decimals}`;
  let f = NUMBER_FORMATS.get(key);
  if (f === undefined) {
    f = { format: numberFormat(lang, decimals), texts: new Map() };
    NUMBER_FORMATS.set(key, f);
  }
  // Amounts repeat (whole tkr, mnkr at one decimal): Intl's texts are remembered
  // (the cache's keys do not tell −0 from 0).
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
 * `packs` are the engine's packs, or an adapter's that extend them (the task pane's).
 */
export function translate(id: string, lang: Language, params: MessageParams = {}, packs: Record<Language, LanguagePack> = PACKS): string {
  const template = packs[lang][id] ?? packs.sv[id] ?? id;
  return template.replace(/\{([\p{L}_0-9]+)\}/gu, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (typeof v === 'number') return formatNumber(v, lang, Number.isInteger(v) ? 0 : 1);
    return v;
  });
}
