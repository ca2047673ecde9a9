import type { LanguagePack } from './index';
import { commentarySv } from './commentary.sv';

/** Swedish: the default language. */
export const sv: LanguagePack = {
  ...commentarySv,
  'severity.error': 'Fel',
  'severity.warning': 'Varning',
  'severity.info': 'Info',
};
