import type { LanguagePack } from './index';
import { commentaryEn } from './commentary.en';
import { excelEn } from './excel.en';
import { robustnessEn } from './robustness.en';
import { rulesEn } from './rules.en';
import { taskpaneEn } from './taskpane.en';
import { taskpaneCommentsEn } from './taskpane-comments.en';

/** English. */
export const en: LanguagePack = {
  ...taskpaneEn,
  ...taskpaneCommentsEn,
  ...commentaryEn,
  ...rulesEn,
  ...robustnessEn,
  ...excelEn,
  'severity.error': 'Error',
  'severity.warning': 'Warning',
  'severity.info': 'Info',
};
