/**
 * The task pane's texts: its own language packs (beside the code that shows
 * them) on top of the engine's (rule names, findings' messages, severities,
 * commentary). One lookup, the engine's `translate`, over both.
 */
import { type Language, type LanguagePack, type MessageParams, PACKS, translate } from '../../engine';
import { commentsEn } from './comments.en';
import { commentsSv } from './comments.sv';
import { paneEn } from './pane.en';
import { paneSv } from './pane.sv';

/** The engine's packs with the pane's texts added. */
export const PANE_PACKS: Record<Language, LanguagePack> = {
  sv: { ...PACKS.sv, ...paneSv, ...commentsSv },
  en: { ...PACKS.en, ...paneEn, ...commentsEn },
};

/** A text of the task pane (or of the engine) in the language, `{name}` placeholders filled. */
export function paneText(id: string, lang: Language, params?: MessageParams): string {
  return translate(id, lang, params, PANE_PACKS);
}
