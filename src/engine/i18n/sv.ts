import type { LanguagePack } from './index';
import { commentarySv } from './commentary.sv';
import { excelSv } from './excel.sv';
import { robustnessSv } from './robustness.sv';
import { rulesSv } from './rules.sv';
import { taskpaneSv } from './taskpane.sv';
import { taskpaneCommentsSv } from './taskpane-comments.sv';

/** Swedish: the default language. */
export const sv: LanguagePack = {
  ...taskpaneSv,
  ...taskpaneCommentsSv,
  ...commentarySv,
  ...rulesSv,
  ...robustnessSv,
  ...excelSv,
  'severity.error': 'Fel',
  'severity.warning': 'Varning',
  'severity.info': 'Info',
};
