import type { LanguagePack } from './index';
import { commentaryEn } from './commentary.en';
import { rulesEn } from './rules.en';
import { taskpaneEn } from './taskpane.en';

/** English. */
export const en: LanguagePack = {
  ...taskpaneEn,
  ...commentaryEn,
  ...rulesEn,
  'severity.error': 'Error',
  'severity.warning': 'Warning',
  'severity.info': 'Info',
};
