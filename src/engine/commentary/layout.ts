/**
 * The layout of a comments sheet: the header row holding `Kod` and
 * `Kommentar` (Swedish or English headers, any order, anywhere in the first
 * rows) and where the other known columns are.
 */
import { cellAt, type SheetGrid } from '../grid';
import { PACKS } from '../i18n';

/** The sheet the drafts are written to. */
export const COMMENTS_SHEET = 'Kommentarer';

/**
 * Header of the column that holds the fingerprint of the last draft written to
 * each row (how re-runs tell an untouched draft from a hand-edited one).
 * Adapters hide this column.
 */
export const FINGERPRINT_HEADER = 'Avvikelsekollen';

export type CommentsColumn = 'kod' | 'enhet' | 'avvikelse' | 'förändring' | 'kommentar' | 'status' | 'källa' | 'fingerprint';

/** The columns in the order a new sheet gets them. */
export const COMMENTS_COLUMNS: readonly CommentsColumn[] = ['kod', 'enhet', 'avvikelse', 'förändring', 'kommentar', 'status', 'källa', 'fingerprint'];

const EXTRA_NAMES: Record<CommentsColumn, string[]> = {
  kod: ['kod', 'code', 'enhetskod'],
  enhet: ['enhet', 'unit', 'avdelning', 'namn', 'name'],
  avvikelse: ['avvikelse', 'avv', 'avvikelse tkr', 'variance'],
  förändring: ['förändring', 'förändring %', 'förändr %', 'change'],
  kommentar: ['kommentar', 'kommentarer', 'comment', 'comments'],
  status: ['status'],
  källa: ['källa', 'source', 'källcell'],
  fingerprint: [FINGERPRINT_HEADER.toLowerCase()],
};

function norm(s: string): string {
  // Swedish has no language-specific case mappings (only lt, tr and az do): toLowerCase is the same, and much faster.
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every header text a column is recognised by (both languages' headers and common variants). */
function namesOf(col: CommentsColumn): Set<string> {
  const out = new Set(EXTRA_NAMES[col].map(norm));
  if (col !== 'fingerprint')
    for (const pack of [PACKS.sv, PACKS.en]) {
      const t = pack[`commentary.sheet.${col}`];
      if (t !== undefined) out.add(norm(t));
    }
  return out;
}

const NAMES: Record<CommentsColumn, Set<string>> = Object.fromEntries(COMMENTS_COLUMNS.map((c) => [c, namesOf(c)])) as Record<CommentsColumn, Set<string>>;

export interface CommentsLayout {
  headerRow: number;
  columns: Partial<Record<CommentsColumn, number>>;
}

/** How far down a header row is looked for. */
const HEADER_SEARCH_ROWS = 20;

/**
 * The header row (within the first 20 rows) holding both a `Kod` and a
 * `Kommentar` column, with the positions of the known columns; undefined when
 * the sheet has none.
 */
export function findCommentsLayout(sheet: SheetGrid): CommentsLayout | undefined {
  const rows = Math.min(sheet.cells.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < rows; r++) {
    const cells = sheet.cells[r];
    if (cells === undefined) continue;
    const columns: Partial<Record<CommentsColumn, number>> = {};
    for (let c = 0; c < cells.length; c++) {
      const v = cellAt(sheet, r, c).value;
      if (typeof v !== 'string') continue;
      const t = norm(v);
      for (const col of COMMENTS_COLUMNS) if (columns[col] === undefined && NAMES[col].has(t)) columns[col] = c;
    }
    if (columns.kod !== undefined && columns.kommentar !== undefined) return { headerRow: r, columns };
  }
  return undefined;
}
