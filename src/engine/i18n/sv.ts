import type { LanguagePack } from './index';

/** Swedish: the default language. */
export const sv: LanguagePack = {
  'severity.error': 'Fel',
  'severity.warning': 'Varning',
  'severity.info': 'Info',
};
