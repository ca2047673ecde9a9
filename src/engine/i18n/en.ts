import type { LanguagePack } from './index';

/** English. */
export const en: LanguagePack = {
  'severity.error': 'Error',
  'severity.warning': 'Warning',
  'severity.info': 'Info',
};
