/**
 * The files a command works on: a folder given on the command line stands
 * for the workbooks in it (a folder's worth of submissions).
 */
import * as fs from 'fs';
import * as path from 'path';

const WORKBOOK = /\.xls[xm]$/i;

let collator: Intl.Collator | undefined;

/** Swedish alphabetical order (å ä ö last), made once and only when a folder is listed: ICU takes 20–70 ms to build the first one here. */
function swedishOrder(): Intl.Collator {
  collator ??= new Intl.Collator('sv');
  return collator;
}

/**
 * Expands each folder among `args` to the .xlsx/.xlsm files directly in it,
 * sorted by name the Swedish way, leaving Excel's lock files (`~$…`) out.
 * Files and paths that do not exist are passed on as they are, so the reader
 * reports them in its own words. A folder without workbooks gives an empty
 * list for that folder and is returned in `emptyFolders`.
 */
export function expandInputs(args: readonly string[]): { files: string[]; emptyFolders: string[] } {
  const files: string[] = [];
  const emptyFolders: string[] = [];
  for (const arg of args) {
    let isFolder = false;
    try {
      isFolder = fs.statSync(arg).isDirectory();
    } catch {
      isFolder = false;
    }
    if (!isFolder) {
      files.push(arg);
      continue;
    }
    const inside = fs
      .readdirSync(arg, { withFileTypes: true })
      .filter((e) => e.isFile() && WORKBOOK.test(e.name) && !e.name.startsWith('~$'))
      .map((e) => e.name)
      .sort(swedishOrder().compare)
      .map((name) => path.join(arg, name));
    if (inside.length === 0) emptyFolders.push(arg);
    files.push(...inside);
  }
  return { files, emptyFolders };
}
