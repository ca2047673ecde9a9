import type { LanguagePack } from './index';
import { commentaryEn } from './commentary.en';
import { taskpaneEn } from './taskpane.en';

/** English. */
export const en: LanguagePack = {
  ...taskpaneEn,
  ...commentaryEn,
  'severity.error': 'Error',
  'severity.warning': 'Warning',
  'severity.info': 'Info',
};
