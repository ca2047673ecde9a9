import type { LanguagePack } from './index';

/** Swedish texts for files the command line refuses (bad input). */
export const robustnessSv: LanguagePack = {
  'cli.file.too-large': '{file}: filen är för stor att läsa (en del av den packas upp till mer än 300 MB); dela upp arbetsboken.',
  'cli.file.no-sheets': '{file}: arbetsboken har inga kalkylblad (inga blad alls, eller bara diagramblad).',
  'cli.file.empty-workbook': '{file}: arbetsboken är tom; inget att granska.',
  'cli.file.only-hidden': '{file}: alla blad i arbetsboken är dolda; visa minst ett blad i Excel och spara igen.',
  'cli.file.output-folder-readonly': '{file}: mappen för utfilen går inte att skriva i (skrivskyddad eller saknar behörighet).',
};
