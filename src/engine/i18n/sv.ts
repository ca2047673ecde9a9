import type { LanguagePack } from './index';
import { cliSv } from './cli.sv';
import { commentarySv } from './commentary.sv';
import { excelSv } from './excel.sv';
import { robustnessSv } from './robustness.sv';
import { rulesSv } from './rules.sv';
import { taskpaneSv } from './taskpane.sv';
import { taskpaneCommentsSv } from './taskpane-comments.sv';
import { reviewSv } from './review.sv';

/** Swedish: the default language. */
export const sv: LanguagePack = {
  ...cliSv,
  ...taskpaneSv,
  ...taskpaneCommentsSv,
  ...commentarySv,
  ...rulesSv,
  ...robustnessSv,
  ...excelSv,
  ...reviewSv,
  'severity.error': 'Fel',
  'severity.warning': 'Varning',
  'severity.info': 'Info',
};
