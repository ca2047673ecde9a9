/**
 * Generators for fuzzing the engine: workbooks as adapters could hand them
 * over from anything an economist opens. Random cells (numbers of every size,
 * NaN/Infinity from broken sources, dates, booleans, text of any length and
 * script, error values of every kind in every language we know, formulas),
 * blank runs that look like merged areas, and real RN/kontogrupp headers
 * embedded at random places, with or without data, cut off at the sheet edge,
 * or data without its header, so detection and every rule actually run.
 */
import fc from 'fast-check';
import { knownErrorTexts } from '../../src/engine/errors';
import type { Cell, ErrorCode, SheetGrid, WorkbookGrid } from '../../src/engine/grid';
import { COMMENTS_SHEET } from '../../src/engine/commentary/layout';
import { TEMPLATE_SHEET } from '../../src/engine/commentary/templates';

const ERROR_CODES: ErrorCode[] = ['DIV_BY_ZERO', 'NA', 'NAME', 'NULL', 'NUM', 'REF', 'VALUE', 'SPILL', 'CALC', 'GETTING_DATA', 'FIELD', 'BLOCKED', 'CONNECT', 'BUSY', 'UNKNOWN', 'ERROR'];
const ERROR_TEXTS = knownErrorTexts().map(([t]) => t);

const FORMATS = ['General', '0', '0.0', '0.0%', '0%', '#,##0', '# ##0', '#,##0.00', '@', '0.0"kr"', '[Red]0.0;-0.0', '0,0', 'yyyy-mm-dd', '0.00E+00', '', ';;;', '"%"0', '\\%0.0', '[$-41D]0.0'];

const HEADER_WORDS = [
  'RN1',
  'RN3',
  'RN 5',
  'rn10',
  'KONTOGRUPP SUM',
  'Kontogrupp',
  '2020\nBokslut',
  'Bokslut',
  '2021\nUtfall Ack dec',
  'Utfall',
  'Utfall 2020',
  '2021\nBudget',
  'Budget',
  '2021\nAvv Budg o Utf',
  'Avv',
  'Avvikelse',
  'Förändr%\n2020 o 2021',
  'Förändr%',
  '%',
  '2020 o 2022',
  'Prognos helår',
  'Avvikelse prognos',
  'Summa',
  'Totalt',
  'Total',
  '2020',
  '2021',
  '1989',
  '2099',
  'Belopp i tkr',
  'Belopp i kr',
  'tkr',
  'kr',
  'Kommentar',
  'Kod',
  'Enhet',
  'Avvikelsekollen',
  'AK1|rad:KLC|00000000',
  'AK1||',
  'avdelning.avvikelse.positiv',
  'en:lucka',
  'summa.bidrag.två',
  '{enhet} visar {avvikelse_mnkr} mnkr {okänd}',
  '{enhet',
  '}{',
];
const LABELS = [
  'KLC   Kansli Centerpartiet',
  'KAI   Kommunikation',
  'KLFÖ  Kommunledn Fördelning',
  '3     Intäkter',
  '6A    Lokalhyror',
  '6B Entrpr,fastighetskostn, övr. m',
  'KGHR',
  'Summa',
  'Totalt',
  'ÖVA',
  '7',
  ' ',
  '\u00a0',
];
const NUMBER_TEXTS = [
  '−3 495',
  '-3 495',
  '12,8 %',
  '1\u00a0184,0',
  '4\u2009626',
  '\u2212 1\u202f157',
  '(1 234)',
  '4.6',
  '0,0',
  '−0',
  '1e308',
  '١٢٣',
  '12,8%',
  '+5 055',
  '-',
  '–',
  'e.j.',
  '..',
  'x',
  'n/a',
  '477 317,7',
];
const COMMENTS = [
  'Kommunikationsavdelningen uppvisar positiv avvikelse med 4,6 mnkr, bestående av vakanser.',
  'Negativ budgetavvikelse med −1,2 mnkr.',
  'avvikelse om – 48 mnkr',
  'Positive variance of SEK 4.6 million.',
  '=HYPERLINK("http://x.invalid","y")',
  "+cmd|' /C calc'!A0",
  '<img src=x onerror=alert(1)>',
];
const FORMULAS = [
  '=C5/B5',
  '=(C5/B5-1)*100',
  '=C4-D4',
  '=SUM(B1:B3)',
  '=IF(B5=0,"",(C5/B5-1)*100)',
  '=IFERROR(C5/B5,0)',
  '=A1/0',
  '=/',
  '=((',
  '=Blad1!B2/B$3',
  "='Blad 1'!A1",
  '=C5/SUM(B5:B6)',
  '=1/(B5)',
  '=',
];

const weirdNumber = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, −0, subnormals
  fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE, 1e21, -1e21, 1e-12, 0.05, -0.05, 0.5, 2 ** 53, -(2 ** 53), 0, -0, NaN, Infinity, -Infinity),
  fc.integer({ min: -5_000_000, max: 5_000_000 }),
  fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 10),
  fc.integer({ min: 36_000, max: 50_000 }), // a date serial
);

const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 3, arbitrary: fc.constantFrom(...HEADER_WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 3, arbitrary: fc.constantFrom(...NUMBER_TEXTS) },
  { weight: 2, arbitrary: fc.constantFrom(...ERROR_TEXTS) },
  { weight: 1, arbitrary: fc.constantFrom(...COMMENTS) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'Ö', ' ', '#', '1', '\n', '\u00a0'), fc.integer({ min: 100, max: 3000 })).map(([c, n]) => c.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '\r\n', '\u200b', '\ud800', '\u0000') },
);

/** Undefined four times in five: for the odd things that should not swamp the ordinary ones. */
function rarely<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
}

const format = fc.option(fc.constantFrom(...FORMATS), { nil: undefined });

function withFormat(cell: Cell, numberFormat: string | undefined): Cell {
  return numberFormat === undefined ? cell : { ...cell, numberFormat };
}

/** One cell of any kind an adapter could produce (and a few it should not, like NaN). */
export const cell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constant<Cell>({ value: null }) },
  { weight: 1, arbitrary: fc.constant<Cell>({ value: '' }) },
  { weight: 6, arbitrary: fc.tuple(weirdNumber, format).map(([value, f]) => withFormat({ value }, f)) },
  { weight: 5, arbitrary: fc.tuple(text, format).map(([value, f]) => withFormat({ value }, f)) },
  { weight: 1, arbitrary: fc.boolean().map((value): Cell => ({ value })) },
  { weight: 2, arbitrary: fc.constantFrom(...ERROR_CODES).map((error): Cell => ({ value: null, error })) },
  { weight: 2, arbitrary: fc.constantFrom(...knownErrorTexts()).map(([t, error]): Cell => ({ value: t, error, errorIsText: true })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...FORMULAS), fc.oneof(weirdNumber, fc.constant(null), fc.constant(''), text), fc.option(fc.constantFrom(...ERROR_CODES), { nil: undefined }), format)
      .map(([formula, value, error, f]) => withFormat(error === undefined ? { value, formula } : { value: null, error, formula }, f)),
  },
);

/** A header row of a real table, in one of the layouts economists use. */
const header = fc.record({
  anchor: fc.constantFrom('RN3', 'RN1', 'KONTOGRUPP SUM', '', 'Kontogrupp'),
  years: fc.constantFrom<[string, string]>(['2020', '2021'], ['2020', '2022'], ['', ''], ['1899', '2100']),
  extras: fc.constantFrom<string[]>([], ['Prognos helår'], ['Prognos helår', 'Avvikelse prognos']),
  twoRow: fc.boolean(),
  unitWord: fc.constantFrom('', 'tkr', 'kr', 'Belopp i kr', 'Belopp i tkr'),
  drop: rarely(fc.integer({ min: 0, max: 4 })),
});

const figureCell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -200_000, max: 200_000 }).map((value): Cell => ({ value, numberFormat: '#,##0' })) },
  { weight: 2, arbitrary: fc.integer({ min: -2000, max: 2000 }).map((n): Cell => ({ value: n / 10, numberFormat: '0.0' })) },
  { weight: 1, arbitrary: fc.constant<Cell>({ value: 0, numberFormat: '#,##0' }) },
  { weight: 4, arbitrary: cell },
);

/** How big the generated workbooks get: small for the test suite, full for `npm run fuzz`. */
export interface FuzzSize {
  sheets: number;
  tables: number;
  rows: number;
  noise: number;
}

export const SMALL: FuzzSize = { sheets: 2, tables: 2, rows: 5, noise: 16 };
export const FULL: FuzzSize = { sheets: 3, tables: 3, rows: 8, noise: 40 };

/** A table embedded somewhere on a sheet: header (maybe missing), rows (maybe none), a total (maybe). */
const embedded = (size: FuzzSize) =>
  fc.record({
    top: fc.integer({ min: 0, max: 8 }),
    left: fc.integer({ min: 0, max: 6 }),
    header,
    noHeader: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
    rows: fc.array(fc.tuple(fc.constantFrom(...LABELS, 'KX', 'K1', ''), fc.array(figureCell, { minLength: 5, maxLength: 7 })), { maxLength: size.rows }),
    total: fc.constantFrom('none', 'blank-then-unlabelled', 'summa', 'error'),
    title: fc.option(fc.constantFrom('Kommunledning', 'Belopp i kr', 'Stadsrevisionen (tkr)', '<img src=x onerror=alert(1)>', '=HYPERLINK("http://x","y")'), { nil: undefined }),
  });

type Embedded = ReturnType<typeof embedded> extends fc.Arbitrary<infer T> ? T : never;

function put(cells: (Cell | undefined)[][], r: number, c: number, v: Cell | undefined): void {
  (cells[r] ??= [])[c] = v;
}

function place(cells: (Cell | undefined)[][], t: Embedded): void {
  let r = t.top;
  if (t.title !== undefined && r > 0) put(cells, r - 1, t.left, { value: t.title });
  const [y0, y1] = t.header.years;
  const heads = [
    t.header.anchor,
    `${y0}\nBokslut`,
    `${y1}\nUtfall Ack dec`,
    `${y1}\nBudget${t.header.unitWord === '' ? '' : ` ${t.header.unitWord}`}`,
    `${y1}\nAvv Budg o Utf`,
    `Förändr%\n${y0} o ${y1}`,
    ...t.header.extras,
  ];
  if (t.header.drop !== undefined) heads[t.header.drop + 1] = '';
  if (!t.noHeader) {
    if (t.header.twoRow) {
      heads.forEach((h, i) => {
        const [a, b] = h.split('\n');
        put(cells, r, t.left + i, b === undefined ? { value: '' } : { value: a as string });
        put(cells, r + 1, t.left + i, { value: (b ?? a) as string });
      });
      r += 2;
    } else {
      heads.forEach((h, i) => put(cells, r, t.left + i, { value: h }));
      r += 1;
    }
  }
  for (const [label, values] of t.rows) {
    put(cells, r, t.left, label === '' ? undefined : { value: label });
    values.forEach((v, i) => put(cells, r, t.left + 1 + i, v));
    r++;
  }
  if (t.total === 'none') return;
  if (t.total === 'blank-then-unlabelled') r++;
  if (t.total === 'summa') put(cells, r, t.left, { value: 'Summa' });
  for (let i = 1; i <= 5; i++) {
    put(cells, r, t.left + i, t.total === 'error' && i === 5 ? { value: null, error: 'REF', formula: '=SUM(#REF!)' } : { value: (i - 3) * 1000, numberFormat: '#,##0', formula: `=SUM(B1:B${r})` });
  }
}

const SHEET_NAMES = ['Blad1', 'Kommunledning', 'Blad 1', "O'Brien", COMMENTS_SHEET, TEMPLATE_SHEET, '<b>x</b>', '=A1', 'Å'.repeat(31), 'Sheet!1'];

/** One sheet: random noise, blank areas, and up to three embedded tables, perhaps cut at the edge. */
export const sheet = (name: string, size: FuzzSize = FULL): fc.Arbitrary<SheetGrid> =>
  fc
    .record({
      noise: fc.oneof(fc.array(fc.tuple(fc.nat(16), fc.nat(12), cell), { maxLength: 6 }), fc.array(fc.tuple(fc.nat(16), fc.nat(12), cell), { maxLength: size.noise })),
      tables: fc.array(embedded(size), { minLength: 1, maxLength: size.tables }),
      comments: fc.array(
        fc.tuple(
          fc.constantFrom('KAI', 'KLC', 'KGHR', '6A', '', 'ÖVA', '=A1'),
          fc.constantFrom('', 'Kommunledning, totalt', 'Stadsrevisionen'),
          fc.oneof(
            text,
            cell.map((c) => c?.value ?? null),
          ),
        ),
        { maxLength: 6 },
      ),
      blank: rarely(fc.record({ r: fc.nat(12), c: fc.nat(8), h: fc.integer({ min: 1, max: 6 }), w: fc.integer({ min: 1, max: 6 }), kind: fc.constantFrom('null', 'empty', 'hole', 'space') })),
      cutRows: rarely(fc.integer({ min: 1, max: 14 })),
      cutCols: rarely(fc.integer({ min: 1, max: 9 })),
      hiddenRows: fc.array(fc.integer({ min: -2, max: 40 }), { maxLength: 4 }),
      hiddenColumns: fc.array(fc.integer({ min: -2, max: 20 }), { maxLength: 4 }),
      hidden: fc.boolean(),
      noiseFirst: fc.boolean(),
    })
    .map((s) => {
      const cells: (Cell | undefined)[][] = [];
      const noise = (): void => s.noise.forEach(([r, c, v]) => put(cells, r, c, v));
      if (s.noiseFirst) noise();
      if (name === COMMENTS_SHEET) {
        // A comments sheet as the add-in writes it and people edit it: read back by narrative-mismatch.
        put(cells, 0, 0, { value: 'Kod' });
        put(cells, 0, 1, { value: 'Enhet' });
        put(cells, 0, 2, { value: 'Kommentar' });
        s.comments.forEach(([kod, enhet, comment], i) => {
          put(cells, i + 1, 0, { value: kod });
          put(cells, i + 1, 1, { value: enhet });
          put(cells, i + 1, 2, { value: comment });
        });
      } else for (const t of s.tables) place(cells, t);
      if (!s.noiseFirst) noise();
      if (s.blank !== undefined) {
        const b = s.blank;
        for (let r = b.r; r < b.r + b.h; r++) {
          for (let c = b.c; c < b.c + b.w; c++) {
            if (b.kind === 'hole') {
              const row = cells[r];
              if (row !== undefined) delete row[c];
            } else put(cells, r, c, b.kind === 'null' ? { value: null } : { value: b.kind === 'empty' ? '' : '   ' });
          }
        }
      }
      // A table cut off at the sheet's edge: the used range ends inside it.
      if (s.cutRows !== undefined) cells.length = Math.min(cells.length, s.cutRows);
      if (s.cutCols !== undefined) for (const row of cells) if (row !== undefined) row.length = Math.min(row.length, s.cutCols);
      return { name, cells, hiddenRows: s.hiddenRows, hiddenColumns: s.hiddenColumns, hidden: s.hidden };
    });

/** A workbook of up to `size.sheets` sheets with distinct names (Excel's rule), the comments and template sheets among them at times. */
export const workbook = (size: FuzzSize = FULL): fc.Arbitrary<WorkbookGrid> =>
  fc
    .uniqueArray(fc.constantFrom(...SHEET_NAMES), { minLength: 0, maxLength: size.sheets })
    .chain((names) => (names.length === 0 ? fc.constant<SheetGrid[]>([]) : fc.tuple(...names.map((n) => sheet(n, size)))))
    .map((sheets) => ({ sheets }));
