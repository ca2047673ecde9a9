import type { LanguagePack } from '../engine';

/** English texts of the command line (`avvikelsekollen check` / `fix`). */
export const cliEn: LanguagePack = {
  'cli.usage':
    'Usage:\n' +
    '  avvikelsekollen check FILE.xlsx|FOLDER... [--json|--csv] [--include-approved] [--lang sv|en] [--sheet NAME]...\n' +
    '  avvikelsekollen fix FILE.xlsx -o OUT.xlsx [--marker TEXT] [--meaningless] [--lang sv|en]\n' +
    '  avvikelsekollen comment FILE.xlsx -o OUT.xlsx [--lang sv|en] [--materiality TKR] [--materiality-percent PERCENT]\n' +
    '\n' +
    'check  checks RN and account-group tables. Exit 0: no errors, 1: errors found, 2: a file could not be read.\n' +
    '       --csv: one record per finding, ;-separated for Swedish Excel. Approved findings are counted apart; --include-approved lists them.\n' +
    'fix    writes a copy with #DIV/0! in the change column replaced. The input is never modified.\n' +
    'comment writes a copy with the sheet Kommentarer: drafts per department and table; hand-written text is kept.',
  'cli.error.usage': '{detail}. Run "avvikelsekollen --help" for help.',
  'cli.error.unknown-command': 'Unknown command "{command}"',
  'cli.error.unknown-option': 'Unknown option "{option}"',
  'cli.error.option-value': 'The option "{option}" needs a value',
  'cli.error.no-files': 'Give at least one file',
  'cli.error.one-file': 'Give exactly one file to fix',
  'cli.error.no-output': 'Give the output file with -o OUT.xlsx',
  'cli.error.bad-lang': 'Unknown language "{lang}" (sv or en)',
  'cli.error.internal': '{file}: unexpected error ({detail}). The file was left untouched.',
  'cli.file.not-found': '{file}: no such file.',
  'cli.folder.no-workbooks': '{folder}: the folder holds no .xlsx files.',
  'cli.file.is-directory': '{file}: is a folder, not a file.',
  'cli.file.unreadable': '{file}: cannot be read (permissions?).',
  'cli.file.empty-file': '{file}: the file is empty.',
  'cli.file.not-xlsx': '{file}: is not an Excel workbook (.xlsx).',
  'cli.file.truncated': '{file}: the file is truncated or incomplete; save or copy it again.',
  'cli.file.encrypted': '{file}: the file is password-protected (encrypted); save a copy without a password.',
  'cli.file.legacy-binary': '{file}: is an old binary file (.xls); save it as .xlsx in Excel.',
  'cli.file.damaged': '{file}: the file is damaged and cannot be read as .xlsx.',
  'cli.file.same-file': '{file}: the output must not be the same file as the input.',
  'cli.file.output-folder-missing': '{file}: the output folder does not exist.',
  'cli.file.write-failed': '{file}: could not write the file.',
  'cli.no-tables': '{file}: No tables found.',
  'cli.sheet-missing': '{file}: there is no sheet "{sheet}".',
  'cli.progress': '[{index}/{count}] {file}',
  'cli.table.rn': '{level} table {range}, {rows}',
  'cli.table.kontogrupp': 'Account-group table {range}, {rows}',
  'cli.count.rows.one': '{n} row',
  'cli.count.rows.other': '{n} rows',
  'cli.count.tables.one': '{n} table',
  'cli.count.tables.other': '{n} tables',
  'cli.table.ok': 'nothing to report',
  'cli.sheet-findings': 'Elsewhere on the sheet',
  'cli.expected-actual': 'expected {expected}, actual {actual}',
  'cli.value.empty': 'empty',
  'cli.summary': '{file}: {tables}, {rows} – {errors} errors, {warnings} warnings, {infos} info.',
  'cli.summary.files': 'In all {files} files: {errors} errors, {warnings} warnings, {infos} info; {unreadable} could not be read.',
  'cli.fix.written': 'Wrote {output}: {count} cells changed.',
  'cli.fix.nothing': 'Wrote {output}: nothing to fix, the copy is unchanged.',
  'cli.fix.edit': '  {sheet}!{cell}: {before} → {after}',
};
