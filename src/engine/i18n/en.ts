import type { LanguagePack } from './index';
import { commentaryEn } from './commentary.en';

/** English. */
export const en: LanguagePack = {
  ...commentaryEn,
  'severity.error': 'Error',
  'severity.warning': 'Warning',
  'severity.info': 'Info',
};
