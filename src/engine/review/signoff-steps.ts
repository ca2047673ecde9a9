/** The sign-off steps of the comments sheet's Status column (Utkast → Klar → Godkänd). */
import { translate, type Language } from '../i18n';

/** The sign-off steps in order, as the Status list offers them. */
export const SIGN_OFF_STEPS = ['utkast', 'klar', 'godkand'] as const;
export type SignOffStep = (typeof SIGN_OFF_STEPS)[number];

/** The steps' texts in a language: `Utkast`, `Klar`, `Godkänd`. */
export function signOffValues(lang: Language): string[] {
  return SIGN_OFF_STEPS.map((s) => translate(`review.signoff.${s}`, lang));
}

/** Rows below the last planned row that the Status list also covers, for rows a person adds. */
export const SIGN_OFF_SPARE_ROWS = 200;
