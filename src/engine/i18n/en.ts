import type { LanguagePack } from './index';
import { cliEn } from './cli.en';
import { commentaryEn } from './commentary.en';
import { excelEn } from './excel.en';
import { robustnessEn } from './robustness.en';
import { rulesEn } from './rules.en';
import { taskpaneEn } from './taskpane.en';
import { taskpaneCommentsEn } from './taskpane-comments.en';
import { reviewEn } from './review.en';

/** English. */
export const en: LanguagePack = {
  ...cliEn,
  ...taskpaneEn,
  ...taskpaneCommentsEn,
  ...commentaryEn,
  ...rulesEn,
  ...robustnessEn,
  ...excelEn,
  ...reviewEn,
  'severity.error': 'Error',
  'severity.warning': 'Warning',
  'severity.info': 'Info',
};
