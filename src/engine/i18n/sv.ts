import type { LanguagePack } from './index';
import { cliSv } from './cli.sv';
import { commentarySv } from './commentary.sv';
import { robustnessSv } from './robustness.sv';
import { rulesSv } from './rules.sv';

/** Swedish: the default language. */
export const sv: LanguagePack = {
  ...cliSv,
  ...commentarySv,
  ...rulesSv,
  ...robustnessSv,
  'severity.error': 'Fel',
  'severity.warning': 'Varning',
  'severity.info': 'Info',
};
