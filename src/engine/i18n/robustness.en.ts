import type { LanguagePack } from './index';

/** English texts for files the command line refuses (bad input). */
export const robustnessEn: LanguagePack = {
  'cli.file.too-large': '{file}: the file is too large to read (a part of it unpacks to more than 300 MB); split the workbook.',
  'cli.file.no-sheets': '{file}: the workbook has no worksheets (no sheets at all, or only chart sheets).',
  'cli.file.empty-workbook': '{file}: the workbook is empty; nothing to check.',
  'cli.file.only-hidden': '{file}: every sheet of the workbook is hidden; unhide at least one in Excel and save again.',
  'cli.file.output-folder-readonly': '{file}: the output folder cannot be written to (read-only or no permission).',
};
