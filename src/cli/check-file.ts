/**
 * `check` of one file, start to end: read, check, and the lines it prints,
 * as plain data, so that files can be checked in worker threads and their
 * output printed in the order the files were given.
 */
import { checkWorkbook, type Finding, type Language, type ReviewedFinding, reviewFindings } from '../engine';
import { translate } from './texts';
import { openPackage } from '../xlsx/package';
import { assertCheckable, readPackageGrid } from '../xlsx/read';
import { failureMessage } from './command';
import { csvRecords } from './csv';
import { countBySeverity, renderReport, toJson, type ReviewInfo } from './report';

/** How every file is checked and reported. */
export interface CheckFileOptions {
  lang: Language;
  json: boolean;
  /** CSV records instead of lines (`--csv`): the command writes them after the last file. */
  csv: boolean;
  /** List findings approved in the workbook too, with their reason (`--include-approved`). */
  includeApproved: boolean;
  /** Only these sheets (all when empty). */
  sheets: string[];
  /** True when several files are checked (a blank line follows each report). */
  several: boolean;
}

/** What checking one file printed and found. */
export interface CheckFileOutcome {
  stdout: string[];
  stderr: string[];
  /** The CSV records of the findings listed (only with `csv`). */
  csvRecords: string[][];
  /** Open (not approved) findings by severity. */
  counts: { error: number; warning: number; info: number };
  unreadable: boolean;
}

/** Checks one file; never throws (a file that cannot be read is an outcome with its one line on stderr). */
export function checkFile(file: string, options: CheckFileOptions): CheckFileOutcome {
  const { lang } = options;
  const stderr: string[] = [];
  const stdout: string[] = [];
  let result;
  let grid;
  try {
    grid = readPackageGrid(openPackage(file)).grid;
    assertCheckable(grid, file);
    for (const s of options.sheets) {
      if (!grid.sheets.some((g) => g.name === s)) stderr.push(translate('cli.sheet-missing', lang, { file, sheet: s }));
    }
    result = checkWorkbook(grid, { sheets: options.sheets });
  } catch (e) {
    return { stdout, stderr: [...stderr, failureMessage(e, lang, file)], csvRecords: [], counts: { error: 0, warning: 0, info: 0 }, unreadable: true };
  }
  const review = reviewFindings(result, grid);
  const listed: ReviewedFinding[] = options.includeApproved ? review.findings : review.findings.filter((r) => r.status === 'open');
  const shown = { ...result, findings: listed.map((r) => r.finding) };
  const info: ReviewInfo = { approved: review.approved.length };
  if (options.includeApproved) info.listed = new Map<Finding, ReviewedFinding>(review.findings.map((r) => [r.finding, r] as const));
  const counts = countBySeverity(review.open);
  if (options.csv) return { stdout, stderr, csvRecords: csvRecords(file, listed, lang), counts, unreadable: false };
  if (options.json) stdout.push(JSON.stringify(toJson(file, shown, lang, info)));
  else if (result.tables.length === 0 && result.findings.length === 0) stdout.push(translate('cli.no-tables', lang, { file }));
  else {
    stdout.push(...renderReport(file, shown, lang, info));
    if (options.several) stdout.push('');
  }
  return { stdout, stderr, csvRecords: [], counts, unreadable: false };
}
