import type { LanguagePack } from './index';
import { commentarySv } from './commentary.sv';
import { excelSv } from './excel.sv';
import { robustnessSv } from './robustness.sv';
import { rulesSv } from './rules.sv';
import { reviewSv } from './review.sv';

/** Swedish: the default language. */
export const sv: LanguagePack = {
  ...commentarySv,
  ...rulesSv,
  ...robustnessSv,
  ...excelSv,
  ...reviewSv,
  'severity.error': 'Fel',
  'severity.warning': 'Varning',
  'severity.info': 'Info',
};
