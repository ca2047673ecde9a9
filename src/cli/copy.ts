/**
 * What the commands that write a copy (`fix`, `comment`) do first, the same
 * way: refuse an unusable output before any work, load the workbook, check it.
 */
import { type CheckResult, checkWorkbook, type Language, type WorkbookGrid } from '../engine';
import { translate } from './texts';
import { openPackage, type XlsxPackage } from '../xlsx/package';
import { assertCheckable, readPackageGrid } from '../xlsx/read';
import type { WorkbookInfo } from '../xlsx/workbook';
import { assertWritableCopy } from '../xlsx/write';
import { line, type CliIO } from './command';

export interface LoadedForCopy {
  /** The package as read: the copy is this package patched. */
  pkg: XlsxPackage;
  info: WorkbookInfo;
  grid: WorkbookGrid;
  result: CheckResult;
}

/**
 * Loads and checks `input` for a command that writes `output`. Refuses (by
 * throwing the file error the command line turns into one line, exit 2) the
 * same file as input and output, a missing or unwritable output folder, and
 * an unreadable workbook, before anything is written. Returns null, having
 * said so on stdout, when the workbook holds no tables.
 */
export async function loadForCopy(input: string, output: string, io: CliIO, lang: Language): Promise<LoadedForCopy | null> {
  assertWritableCopy(input, output);
  const pkg = openPackage(input);
  const { grid, info } = readPackageGrid(pkg);
  assertCheckable(grid, input);
  const result = checkWorkbook(grid);
  if (result.tables.length === 0) {
    line(io.stdout, translate('cli.no-tables', lang, { file: input }));
    return null;
  }
  return { pkg, info, grid, result };
}
