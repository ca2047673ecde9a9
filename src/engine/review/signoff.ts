/**
 * Sign-off per avdelning on the comments sheet: the Status column moves
 * Utkast → Klar → Godkänd (a drop-down list adapters put on the column), and
 * the progress per table ("12 av 15 kommenterade, 3 godkända") is read from
 * the sheet: a row is commented when a person has written its comment (it is
 * no longer the untouched draft) or marked it Klar or Godkänd.
 */
import type { CommentaryDrafts } from '../commentary/draft';
import { COMMENTS_SHEET, findCommentsLayout } from '../commentary/layout';
import { draftHash, parseFingerprint } from '../commentary/sheet';
import { cellAt, type CellValue, type WorkbookGrid } from '../grid';
import { PACKS } from '../i18n';
import { SIGN_OFF_STEPS, type SignOffStep } from './signoff-steps';

export { SIGN_OFF_STEPS, signOffValues, type SignOffStep } from './signoff-steps';

function text(v: CellValue): string {
  return v === null ? '' : String(v).trim();
}

/** The step a Status text names (in either language), if any. */
export function signOffStep(status: string): SignOffStep | undefined {
  const t = status.trim().toLowerCase();
  for (const s of SIGN_OFF_STEPS) for (const pack of [PACKS.sv, PACKS.en]) if ((pack[`review.signoff.${s}`] ?? '').toLowerCase() === t) return s;
  return undefined;
}

export interface SignOffProgress {
  tableId: string;
  unit: string;
  /** Rows (avdelningar) of the table with a draft. */
  total: number;
  commented: number;
  approved: number;
}

/** The progress of each table with unit rows, in the drafts' order. */
export function signOffProgress(workbook: WorkbookGrid, drafts: CommentaryDrafts): SignOffProgress[] {
  const sheet = workbook.sheets.find((s) => s.name === COMMENTS_SHEET);
  const layout = sheet === undefined ? undefined : findCommentsLayout(sheet);
  const rows = new Map<string, { commented: boolean; approved: boolean }>();
  if (sheet !== undefined && layout !== undefined) {
    const col = layout.columns;
    for (let r = layout.headerRow + 1; r < sheet.cells.length; r++) {
      const fp = col.fingerprint === undefined ? undefined : parseFingerprint(text(cellAt(sheet, r, col.fingerprint).value));
      const kod = col.kod === undefined ? '' : text(cellAt(sheet, r, col.kod).value);
      const key = fp?.key ?? (kod === '' ? undefined : `rad:${kod.split(/\s+/)[0]}`);
      if (key === undefined || rows.has(key)) continue;
      const comment = col.kommentar === undefined ? '' : text(cellAt(sheet, r, col.kommentar).value);
      const step = col.status === undefined ? undefined : signOffStep(text(cellAt(sheet, r, col.status).value));
      const written = comment !== '' && (fp === undefined || fp.hash === '' || draftHash(comment) !== fp.hash);
      rows.set(key, { commented: written || step === 'klar' || step === 'godkand', approved: step === 'godkand' });
    }
  }
  return drafts.units
    .filter((u) => u.rows.length > 0)
    .map((u) => {
      const states = u.rows.map((d) => rows.get(d.key));
      return {
        tableId: u.tableId,
        unit: u.unit,
        total: u.rows.length,
        commented: states.filter((s) => s?.commented === true).length,
        approved: states.filter((s) => s?.approved === true).length,
      };
    });
}
