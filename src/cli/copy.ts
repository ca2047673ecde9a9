/**
 * What the commands that write a copy (`fix`, `comment`) do first, the same
 * way: refuse an unusable output before any work, load the workbook, check it.
 */
import type ExcelJS from 'exceljs';
import { checkWorkbook, type CheckResult } from '../engine/check';
import type { WorkbookGrid } from '../engine/grid';
import { translate, type Language } from '../engine/i18n';
import { loadWorkbook } from '../xlsx/file';
import { assertCheckable, workbookToGrid } from '../xlsx/read';
import { assertWritableCopy } from '../xlsx/write';
import { line, type CliIO } from './command';

export interface LoadedForCopy {
  workbook: ExcelJS.Workbook;
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
  const workbook = await loadWorkbook(input);
  const grid = workbookToGrid(workbook);
  assertCheckable(grid, input);
  const result = checkWorkbook(grid);
  if (result.tables.length === 0) {
    line(io.stdout, translate('cli.no-tables', lang, { file: input }));
    return null;
  }
  return { workbook, grid, result };
}
