import type { LanguagePack } from './index';
import { commentaryEn } from './commentary.en';
import { excelEn } from './excel.en';
import { robustnessEn } from './robustness.en';
import { rulesEn } from './rules.en';
import { reviewEn } from './review.en';

/** English. */
export const en: LanguagePack = {
  ...commentaryEn,
  ...rulesEn,
  ...robustnessEn,
  ...excelEn,
  ...reviewEn,
  'severity.error': 'Error',
  'severity.warning': 'Warning',
  'severity.info': 'Info',
};
