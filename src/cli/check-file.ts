/**
 * `check` of one file, start to end: read, check, and the lines it prints,
 * as plain data, so that files can be checked in worker threads and their
 * output printed in the order the files were given.
 */
import { checkWorkbook } from '../engine/check';
import { type Language } from '../engine/i18n';
import { translate } from './texts';
import { openPackage } from '../xlsx/package';
import { assertCheckable, readPackageGrid } from '../xlsx/read';
import { failureMessage } from './command';
import { countBySeverity, renderReport, toJson } from './report';

/** How every file is checked and reported. */
export interface CheckFileOptions {
  lang: Language;
  json: boolean;
  /** Only these sheets (all when empty). */
  sheets: string[];
  /** True when several files are checked (a blank line follows each report). */
  several: boolean;
}

/** What checking one file printed and found. */
export interface CheckFileOutcome {
  stdout: string[];
  stderr: string[];
  counts: { error: number; warning: number; info: number };
  unreadable: boolean;
}

/** Checks one file; never throws (a file that cannot be read is an outcome with its one line on stderr). */
export function checkFile(file: string, options: CheckFileOptions): CheckFileOutcome {
  const { lang } = options;
  const stderr: string[] = [];
  const stdout: string[] = [];
  let result;
  try {
    const { grid } = readPackageGrid(openPackage(file));
    assertCheckable(grid, file);
    for (const s of options.sheets) {
      if (!grid.sheets.some((g) => g.name === s)) stderr.push(translate('cli.sheet-missing', lang, { file, sheet: s }));
    }
    result = checkWorkbook(grid, { sheets: options.sheets });
  } catch (e) {
    return { stdout, stderr: [...stderr, failureMessage(e, lang, file)], counts: { error: 0, warning: 0, info: 0 }, unreadable: true };
  }
  const counts = countBySeverity(result.findings);
  if (options.json) stdout.push(JSON.stringify(toJson(file, result, lang)));
  else if (result.tables.length === 0 && result.findings.length === 0) stdout.push(translate('cli.no-tables', lang, { file }));
  else {
    stdout.push(...renderReport(file, result, lang));
    if (options.several) stdout.push('');
  }
  return { stdout, stderr, counts, unreadable: false };
}
