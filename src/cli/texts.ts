/**
 * The command line's texts (usage, file problems, the report's words), in
 * Swedish and English, beside the code that prints them. `translate` looks
 * an id up here first and then in the engine's language packs (rule names,
 * finding messages), so the command line has one lookup for every text.
 */
import { formatNumber, type Language, type LanguagePack, type MessageParams, translate as translateEngine } from '../engine';
import { cliEn } from './texts.en';
import { cliSv } from './texts.sv';

/** The command line's own texts by language. */
export const CLI_PACKS: Readonly<Record<Language, LanguagePack>> = { sv: cliSv, en: cliEn };

/**
 * The text of a message in a language with `{name}` placeholders filled
 * (numbers in the language's format), from the command line's texts or the
 * engine's. An unknown id returns the id itself.
 */
export function translate(id: string, lang: Language, params: MessageParams = {}): string {
  const template = CLI_PACKS[lang][id] ?? CLI_PACKS.sv[id];
  if (template === undefined) return translateEngine(id, lang, params);
  return template.replace(/\{([\p{L}_0-9]+)\}/gu, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (typeof v === 'number') return formatNumber(v, lang, Number.isInteger(v) ? 0 : 1);
    return v;
  });
}
