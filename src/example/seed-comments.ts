/**
 * The example workbook's sheet Kommentarer: comments as an economist wrote
 * them, in the words of the annual report's section 6. Most agree with the
 * tables; five do not, as happens when the text is written before the last
 * ledger run or a figure is copied wrong:
 *
 *   KSÄ    "-1,1 mnkr"  the table says −1 157 tkr → −1,2 mnkr (the report's own slip)
 *   KGAMT  "8,3 mnkr"   8 550 tkr → 8,6 mnkr (the report's own slip)
 *   KGU    "2,3 mnkr"   2 397 tkr → 2,4 mnkr (the report's own slip)
 *   KGFÖ   "-7,7 mnkr"  −7 758 tkr → −7,8 mnkr (the report's own slip)
 *   KEK    "positiv"    the variance is −1 078 tkr: the direction is wrong
 *
 * `avvikelsekollen check` (and Validera) reports exactly these five (rule
 * narrative-mismatch); `avvikelsekollen comment` and the task pane keep all of
 * them as hand-written text. Pure data: the example file
 * (scripts/example-comments.ts) and the demo workbook (`seedAsWorkbook`) are
 * both built from it.
 */
import type { Cell, SheetGrid } from '../engine';

/** The sheet's name (the comments sheet the narrative check reads). */
export const EXAMPLE_COMMENTS_SHEET = 'Kommentarer';

/** Its header row. */
export const EXAMPLE_COMMENTS_HEADER: readonly string[] = ['Kod', 'Enhet', 'Kommentar', 'Status'];

/** The Status every example comment has. */
export const EXAMPLE_COMMENT_STATUS = 'Klar';

/** [Kod, Enhet, Kommentar]; a summary row has no code and names its unit "…, totalt". */
export const EXAMPLE_COMMENTS: readonly (readonly [string, string, string])[] = [
  ['', 'Kommunledning, totalt', 'Bokslutet visar på positiv avvikelse med 12,8 mnkr, varav de politiska kansliernas andel är positiv avvikelse med 13,2 mnkr.'],
  ['KLS', 'Kansli Socialdemokraterna', 'Kansli Socialdemokraterna visar en positiv avvikelse med 4,6 mnkr, främst överfört resultat från tidigare år.'],
  [
    '',
    'Kommungemensamt, totalt',
    'Kommungemensam verksamhet visar sammantaget en negativ budgetavvikelse med -113,4 mnkr vilket till största del förklaras av negativ avvikelse inom statsbidragen, -88 mnkr och negativ avvikelse inom Ianspråktagande av eget kapital med – 48 mnkr.',
  ],
  ['KGAMT', 'Arbetsmiljötjänster', 'Positiv avvikelse om 8,3 mnkr inom Arbetsmiljötjänster beror på utdelat överskott från den gemensamma nämnden för Företagshälsa och tolkförmedling.'],
  ['KGFÖ', 'Kommungemensamt Försäkringar', 'Större negativ avvikelse, -7,7 mnkr, återfinnes inom försäkringar, vilket är ungefär samma kostnadsläge som de senaste åren.'],
  ['KGI', 'Ianspråktagande av Eget kap.', 'Negativ avvikelse om – 48 mnkr finns inom nivå ianspråktagande av eget kapital, där kostnaderna för portföljerna bokförs.'],
  ['KGIT', 'Kommungem IT', 'Kommungemensam IT lämnar positiv avvikelse, 7,4 mnkr. Rutinen med förhyrning av dataarbetsplatser följer uppgjord plan.'],
  ['KGK', 'Kommungemensamt Kompetens', 'Kompetens lämnar också positiv avvikelse, 7,4 mnkr. Planerade insatser har dock ej till fullo slutförts under året.'],
  ['KGOMS', 'Kommungem, omställning', 'Kommungemensamma kostnader för omställning personal, visar på positiv budgetavvikelse 8,2 mnkr.'],
  ['KGU', 'Kommungem Universitetet', 'Inom budgetnivå för Universitet märks positiv avvikelse med 2,3 mnkr. Detta beror på fortsatt lägre kostnadsnivå för forsknings- och utvecklingsaktiviteter.'],
  [
    '',
    'Kommunstyrelseförvaltning, totalt',
    'Årets resultat visar en negativ budgetavvikelse på totalt -12,4 mnkr, vilket är en lägre avvikelse än vad som räknades i delår 2, då prognosen visade på avvikelse med -25 mnkr.',
  ],
  ['KAI', 'Kommunikation', 'Kommunikationsavdelningen uppvisar på positiv avvikelse med 4,6 mnkr, bestående till största del inom lägre personalkostnader kopplat till vakanser.'],
  ['KEK', 'Ekonomiavdelningen', 'Ekonomiavdelningen visar en positiv avvikelse med 1,1 mnkr.'],
  ['KIT', 'IT-avdelningen', 'Digitaliseringsavdelningen visar på positiv avvikelse om 6,4 mnkr vilket beror på att utvecklingsarbete finansierats via digitaliseringsportföljen.'],
  [
    'KSÄ',
    'Säkerhetsavdelningen',
    'Säkerhetsavdelningen visar på negativ budgetavvikelse med -1,1 mnkr inom ökade personalkostnader på grund av förstärkning av bemanning utifrån pandemin. Anslag har erhållits från Programnämnd Social Välfärd med 800 tkr.',
  ],
  ['', 'Stadsrevisionen', 'Stadsrevisionen visar en positiv avvikelse med 0,6 mnkr. Avvikelsen återfinns inom personalkostnader, 0,2 mnkr och inom övriga kostnader, 0,4 mnkr.'],
  ['ÖVA', 'Valnämnd', 'Valnämnden visar ingen avvikelse. Hösten 2021 genomfördes Kyrkoval, ersättning erhölls av Örebro pastorat.'],
];

/** The codes whose comments disagree with the tables (see the file comment). */
export const EXAMPLE_MISMATCHED_CODES: readonly string[] = ['KGAMT', 'KGFÖ', 'KGU', 'KEK', 'KSÄ'];

/** The rows of the sheet, header first: [Kod or null, Enhet, Kommentar, Status]. */
export function exampleCommentRows(): (string | null)[][] {
  return [[...EXAMPLE_COMMENTS_HEADER], ...EXAMPLE_COMMENTS.map(([kod, enhet, kommentar]) => [kod === '' ? null : kod, enhet, kommentar, EXAMPLE_COMMENT_STATUS])];
}

/** The sheet as a grid (text values, General format), as the example file holds it. */
export function exampleCommentsSheet(): SheetGrid {
  return {
    name: EXAMPLE_COMMENTS_SHEET,
    cells: exampleCommentRows().map((row) => row.map((value): Cell | undefined => (value === null ? undefined : { value }))),
  };
}
