import type { LanguagePack } from './index';
import { cliEn } from './cli.en';
import { commentaryEn } from './commentary.en';
import { robustnessEn } from './robustness.en';
import { rulesEn } from './rules.en';

/** English. */
export const en: LanguagePack = {
  ...cliEn,
  ...commentaryEn,
  ...rulesEn,
  ...robustnessEn,
  'severity.error': 'Error',
  'severity.warning': 'Warning',
  'severity.info': 'Info',
};
