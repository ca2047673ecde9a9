import type { LanguagePack } from '../engine';

/** Swedish texts of the command line (`avvikelsekollen check` / `fix`). */
export const cliSv: LanguagePack = {
  'cli.usage':
    'Användning:\n' +
    '  avvikelsekollen check FIL.xlsx|MAPP... [--json|--csv] [--include-approved] [--lang sv|en] [--sheet NAMN]...\n' +
    '  avvikelsekollen fix FIL.xlsx -o UT.xlsx [--marker TEXT] [--meaningless] [--lang sv|en]\n' +
    '  avvikelsekollen comment FIL.xlsx -o UT.xlsx [--lang sv|en] [--materiality TKR] [--materiality-percent PROCENT]\n' +
    '\n' +
    'check  granskar RN- och kontogruppstabeller. Slutkod 0: inga fel, 1: fel hittades, 2: filen kunde inte läsas.\n' +
    '       --csv: en rad per avvikelse, ;-separerad för svenska Excel. Godkända avvikelser räknas för sig; --include-approved listar dem.\n' +
    'fix    skriver en kopia där #DIVISION/0! i förändringskolumnen är ersatt. Originalet ändras aldrig.\n' +
    'comment skriver en kopia med bladet Kommentarer: utkast per avdelning och tabell; text skriven för hand behålls.',
  'cli.error.usage': '{detail}. Skriv ”avvikelsekollen --help” för hjälp.',
  'cli.error.unknown-command': 'Okänt kommando ”{command}”',
  'cli.error.unknown-option': 'Okänt val ”{option}”',
  'cli.error.option-value': 'Valet ”{option}” behöver ett värde',
  'cli.error.no-files': 'Ange minst en fil',
  'cli.error.one-file': 'Ange exakt en fil att rätta',
  'cli.error.no-output': 'Ange utfilen med -o UT.xlsx',
  'cli.error.bad-lang': 'Okänt språk ”{lang}” (sv eller en)',
  'cli.error.internal': '{file}: oväntat fel ({detail}). Filen lämnades orörd.',
  'cli.file.not-found': '{file}: filen finns inte.',
  'cli.folder.no-workbooks': '{folder}: mappen innehåller inga .xlsx-filer.',
  'cli.file.is-directory': '{file}: är en mapp, inte en fil.',
  'cli.file.unreadable': '{file}: filen kan inte läsas (behörighet?).',
  'cli.file.empty-file': '{file}: filen är tom.',
  'cli.file.not-xlsx': '{file}: är ingen Excel-arbetsbok (.xlsx).',
  'cli.file.truncated': '{file}: filen är avkortad eller ofullständig; spara eller kopiera den på nytt.',
  'cli.file.encrypted': '{file}: filen är lösenordsskyddad (krypterad); spara en kopia utan lösenord.',
  'cli.file.legacy-binary': '{file}: är en äldre binärfil (.xls); spara den som .xlsx i Excel.',
  'cli.file.damaged': '{file}: filen är skadad och kan inte läsas som .xlsx.',
  'cli.file.same-file': '{file}: utfilen får inte vara samma fil som infilen.',
  'cli.file.output-folder-missing': '{file}: mappen för utfilen finns inte.',
  'cli.file.write-failed': '{file}: kunde inte skriva filen.',
  'cli.no-tables': '{file}: Inga tabeller hittades.',
  'cli.sheet-missing': '{file}: bladet ”{sheet}” finns inte.',
  'cli.progress': '[{index}/{count}] {file}',
  'cli.table.rn': '{level}-tabell {range}, {rows}',
  'cli.table.kontogrupp': 'Kontogruppstabell {range}, {rows}',
  'cli.count.rows.one': '{n} rad',
  'cli.count.rows.other': '{n} rader',
  'cli.count.tables.one': '{n} tabell',
  'cli.count.tables.other': '{n} tabeller',
  'cli.table.ok': 'inga anmärkningar',
  'cli.sheet-findings': 'Övrigt på bladet',
  'cli.expected-actual': 'förväntat {expected}, faktiskt {actual}',
  'cli.value.empty': 'tomt',
  'cli.summary': '{file}: {tables}, {rows} – {errors} fel, {warnings} varningar, {infos} info.',
  'cli.summary.files': 'Totalt {files} filer: {errors} fel, {warnings} varningar, {infos} info; {unreadable} kunde inte läsas.',
  'cli.fix.written': 'Skrev {output}: {count} celler ändrade.',
  'cli.fix.nothing': 'Skrev {output}: inget att rätta, kopian är oförändrad.',
  'cli.fix.edit': '  {sheet}!{cell}: {before} → {after}',
};
