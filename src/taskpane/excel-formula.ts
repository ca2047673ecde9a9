/**
 * A formula as the user's Excel shows it. The engine and the adapters work
 * with en-US formulas (what Office.js `range.formulas` reads and writes); a
 * Swedish Excel shows the same formula with Swedish function names, `;`
 * between arguments, a decimal comma and Swedish error names:
 * `=IF(OR(B4=0,…),"–",…)` is shown as `=OM(ELLER(B4=0;…);"–";…)`.
 * Display only: nothing written to a workbook goes through here.
 * The formula is split into tokens by @borgar/fx's tokenizer (strings, sheet
 * names and references are left as they are); only the name lists are ours.
 */
import { tokenize } from '@borgar/fx';
import type { Language } from '../engine';

/** Swedish names of the functions our fixes and the tables' formulas use (Excel's Swedish function list); others are shown unchanged. */
const SV_FUNCTIONS: Record<string, string> = {
  ABS: 'ABS',
  AND: 'OCH',
  AVERAGE: 'MEDEL',
  COUNT: 'ANTAL',
  COUNTA: 'ANTALV',
  IF: 'OM',
  IFERROR: 'OMFEL',
  IFNA: 'OMSAKNAS',
  ISBLANK: 'ÄRTOM',
  ISERROR: 'ÄRFEL',
  ISNUMBER: 'ÄRTAL',
  MAX: 'MAX',
  MIN: 'MIN',
  NOT: 'ICKE',
  OR: 'ELLER',
  ROUND: 'AVRUNDA',
  SIGN: 'TECKEN',
  SUBTOTAL: 'DELSUMMA',
  SUM: 'SUMMA',
  SUMIF: 'SUMMA.OM',
  SUMIFS: 'SUMMA.OMF',
};

const SV_ERRORS: Record<string, string> = {
  '#DIV/0!': '#DIVISION/0!',
  '#N/A': '#SAKNAS!',
  '#NAME?': '#NAMN?',
  '#NULL!': '#SKÄRNING!',
  '#NUM!': '#OGILTIGT!',
  '#REF!': '#REFERENS!',
  '#VALUE!': '#VÄRDEFEL!',
};

const SV_BOOLEANS: Record<string, string> = { TRUE: 'SANT', FALSE: 'FALSKT' };

/** The formula as Excel in `lang` shows it (English: unchanged). */
export function displayFormula(formula: string, lang: Language): string {
  if (lang === 'en') return formula;
  return tokenize(formula)
    .map((token) => {
      const v = token.value;
      switch (token.type) {
        case 'func':
          return SV_FUNCTIONS[v.toUpperCase()] ?? v;
        case 'operator':
          return v === ',' ? ';' : v;
        case 'number':
          return v.replace('.', ',');
        case 'error':
          return SV_ERRORS[v.toUpperCase()] ?? v;
        case 'bool':
          return SV_BOOLEANS[v.toUpperCase()] ?? v;
        default:
          return v;
      }
    })
    .join('');
}
