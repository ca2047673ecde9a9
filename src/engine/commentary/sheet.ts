/**
 * Planning the comments sheet **Kommentarer** (pure): the cell edits that
 * create it or bring it up to date with fresh drafts, without ever destroying
 * what a person wrote.
 *
 * - Header row: Kod, Enhet, Avvikelse (tkr), Förändr%, Kommentar, Status,
 *   Källa and a fingerprint column (`Avvikelsekollen`, hidden by adapters).
 *   An existing sheet keeps its own column order; missing columns are added
 *   to the right.
 * - One row per table summary and per unit row. Rows are found again by the
 *   fingerprint's key, else by Kod (units) or Enhet (summaries).
 * - The fingerprint holds a hash of the last draft written. A comment whose
 *   hash still matches is an untouched draft and is refreshed with new
 *   numbers; one that differs was edited by hand and is kept (and checked by
 *   `narrative-mismatch`); a comment with no fingerprint is a person's own and
 *   is kept. An emptied comment gets a fresh draft.
 * - Rows of units no longer in the tables are kept and marked in Status.
 * - Comments are always written as text values, never as formulas, so a
 *   comment beginning with "−1,2 mnkr" or "=" stays text.
 */
import type { CellContent, CellEdit } from '../finding';
import { cellAddress, cellAt, columnLetter, isBlank, type Cell, type SheetGrid, type WorkbookGrid } from '../grid';
import { PACKS, translate, type Language } from '../i18n';
import { splitLabel } from '../detect';
import { allDrafts, draftVarianceCells, type CommentaryDrafts, type Draft } from './draft';
import { COMMENTS_COLUMNS, COMMENTS_SHEET, FINGERPRINT_HEADER, findCommentsLayout, type CommentsColumn } from './layout';
import { SIGN_OFF_SPARE_ROWS, signOffValues } from '../review/signoff-steps';

export interface CommentsSheetOptions {
  /** Language of new header cells and of Status texts (default: the drafts' language). */
  lang: Language;
}

/** What happened to one row of the comments sheet. */
export type CommentRowState =
  /** A new row with a fresh draft. */
  | 'new'
  /** An untouched draft refreshed with new numbers (or an emptied comment given a draft). */
  | 'refreshed'
  /** An untouched draft that is still current. */
  | 'unchanged'
  /** A draft edited by hand: kept. */
  | 'edited'
  /** A comment a person wrote without a draft: kept. */
  | 'own'
  /** The unit is no longer in the tables: kept and marked. */
  | 'missing';

export interface CommentRowPlan {
  key: string;
  /** 0-based row on the comments sheet. */
  row: number;
  state: CommentRowState;
}

/** A drop-down list on a range (data validation of type list), e.g. Status: Utkast, Klar, Godkänd. */
export interface ListValidation {
  sheet: string;
  /** A1 range, e.g. `F2:F200`. */
  range: string;
  /** The allowed values, in order. */
  values: string[];
}

export interface CommentsSheetPlan {
  sheet: string;
  edits: CellEdit[];
  rows: CommentRowPlan[];
  /** Drop-down lists adapters put on the sheet (the Status column's sign-off steps); absent: none. */
  listValidations?: ListValidation[];
}

const FINGERPRINT_PREFIX = 'AK1';

/** FNV-1a (32 bit) of the comment with whitespace normalised: the fingerprint of a draft. */
export function draftHash(text: string): string {
  const t = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) {
    h ^= t.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The fingerprint cell's text: `AK1|rad:KAI|1a2b3c4d` (empty hash: a person's own text). */
export function fingerprint(key: string, hash: string): string {
  return `${FINGERPRINT_PREFIX}|${key}|${hash}`;
}

export function parseFingerprint(text: string): { key: string; hash: string } | undefined {
  if (!text.startsWith(`${FINGERPRINT_PREFIX}|`)) return undefined;
  const last = text.lastIndexOf('|');
  if (last <= FINGERPRINT_PREFIX.length) return undefined;
  return { key: text.slice(FINGERPRINT_PREFIX.length + 1, last), hash: text.slice(last + 1) };
}

function contentOf(cell: Cell): CellContent {
  const c: CellContent = { value: cell.value };
  if (cell.formula !== undefined) c.formula = cell.formula;
  return c;
}

function textOf(cell: Cell): string {
  const v = cell.value;
  return typeof v === 'string' ? v.trim() : v === null ? '' : String(v);
}

function norm(s: string): string {
  return s.toLocaleLowerCase('sv-SE').replace(/\s+/g, ' ').trim();
}

function sameContent(a: CellContent, b: CellContent): boolean {
  if ((a.formula ?? null) !== (b.formula ?? null)) return false;
  // The same formula is the same content, whatever result was cached (files written without one read back as null).
  if (a.formula !== undefined) return true;
  const av = a.value === '' ? null : a.value;
  const bv = b.value === '' ? null : b.value;
  if (typeof av === 'number' && typeof bv === 'number') return Math.abs(av - bv) < 1e-9;
  return av === bv;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const OWN_STATUS_KEYS = ['utkast', 'uppdaterat', 'redigerad', 'egen', 'saknas'] as const;
type StatusKey = (typeof OWN_STATUS_KEYS)[number];
const OWN_STATUSES = new Set<string>();
for (const pack of [PACKS.sv, PACKS.en])
  for (const k of OWN_STATUS_KEYS) {
    const t = pack[`commentary.status.${k}`];
    if (t !== undefined) OWN_STATUSES.add(norm(t));
  }

interface Existing {
  row: number;
  key: string;
  /** undefined: no fingerprint; '': fingerprint of a person's own text. */
  hash: string | undefined;
}

function lastUsedRow(sheet: SheetGrid): number {
  for (let r = sheet.cells.length - 1; r >= 0; r--) {
    const cells = sheet.cells[r];
    if (cells !== undefined && cells.some((c) => c !== undefined && !isBlank(c))) return r;
  }
  return -1;
}

/**
 * Plans the edits that create or update the sheet `Kommentarer` from the
 * drafts, with what happens to each row. Pure: reads the workbook grid
 * (including an existing `Kommentarer` sheet) and returns edits; an edit may
 * name the sheet before it exists (adapters create it, and hide the
 * fingerprint column, header `FINGERPRINT_HEADER`).
 */
export function planCommentsSheetWithReport(workbook: WorkbookGrid, drafts: CommentaryDrafts, options: Partial<CommentsSheetOptions> = {}): CommentsSheetPlan {
  const lang = options.lang ?? drafts.lang;
  const sheet: SheetGrid = workbook.sheets.find((s) => s.name === COMMENTS_SHEET) ?? { name: COMMENTS_SHEET, cells: [] };
  const layout = findCommentsLayout(sheet);
  const edits: CellEdit[] = [];
  const write = (row: number, col: number, after: CellContent): void => {
    const before = contentOf(cellAt(sheet, row, col));
    if (sameContent(before, after)) return;
    edits.push({ sheet: COMMENTS_SHEET, cell: cellAddress(row, col), row, col, before, after, reason: 'narrative-mismatch' });
  };

  // The header: found, or a new one (below anything already on the sheet).
  const headerRow = layout?.headerRow ?? (lastUsedRow(sheet) < 0 ? 0 : lastUsedRow(sheet) + 2);
  const columns: Partial<Record<CommentsColumn, number>> = { ...(layout?.columns ?? {}) };
  let nextCol = Math.max(sheet.cells[headerRow]?.length ?? 0, ...Object.values(columns).map((c) => c + 1));
  for (const col of COMMENTS_COLUMNS) {
    if (columns[col] !== undefined) continue;
    columns[col] = layout === undefined ? COMMENTS_COLUMNS.indexOf(col) : nextCol++;
    write(headerRow, columns[col] as number, { value: col === 'fingerprint' ? FINGERPRINT_HEADER : translate(`commentary.sheet.${col}`, lang) });
  }
  const at = (c: CommentsColumn): number => columns[c] as number;

  const list = allDrafts(drafts);
  const summaryByLabel = new Map<string, Draft>();
  for (const d of list)
    if (d.kind === 'summary') {
      summaryByLabel.set(norm(d.label), d);
      summaryByLabel.set(norm(d.unit), d);
    }

  // Rows already on the sheet, by key.
  const existing = new Map<string, Existing>();
  const lastRow = lastUsedRow(sheet);
  if (layout !== undefined) {
    for (let r = headerRow + 1; r <= lastRow; r++) {
      const fp = parseFingerprint(textOf(cellAt(sheet, r, at('fingerprint'))));
      let key = fp?.key;
      if (key === undefined) {
        const kod = textOf(cellAt(sheet, r, at('kod')));
        if (kod !== '') {
          const split = splitLabel(kod);
          key = `rad:${split.code === '' ? kod : split.code}`;
        } else {
          const enhet = norm(textOf(cellAt(sheet, r, at('enhet'))).replace(/,\s*(totalt|total)\s*$/i, ''));
          key = enhet === '' ? undefined : summaryByLabel.get(enhet)?.key;
        }
      }
      if (key === undefined || existing.has(key)) continue;
      existing.set(key, { row: r, key, hash: fp?.hash });
    }
  }

  const status = (row: number, which: StatusKey): void => {
    const current = textOf(cellAt(sheet, row, at('status')));
    const ours = translate(`commentary.status.${which}`, lang);
    if (current === '' || OWN_STATUSES.has(norm(current))) {
      write(row, at('status'), { value: ours });
    } else if (which === 'saknas' && !current.includes(ours)) {
      write(row, at('status'), { value: `${current} – ${ours}` });
    }
  };

  const rows: CommentRowPlan[] = [];
  let nextRow = Math.max(headerRow + 1, lastRow + 1);
  const drafted = new Set<string>();
  for (const d of list) {
    drafted.add(d.key);
    const hash = draftHash(d.text);
    const found = existing.get(d.key);
    const row = found?.row ?? nextRow++;
    // Machine-owned columns: always current.
    write(row, at('kod'), { value: d.code === '' ? null : d.code });
    write(row, at('enhet'), { value: d.label });
    const varianceCells = draftVarianceCells(d);
    const [src] = varianceCells;
    const amount: CellContent = { value: d.varianceTkr };
    // Linked to its cell, in tkr: a table in kr is divided by 1 000.
    if (varianceCells.length === 1 && src !== undefined) amount.formula = `=${quoteSheet(src.sheet)}!${src.cell}${d.table.unit === 'kr' ? '/1000' : ''}`;
    write(row, at('avvikelse'), amount);
    write(row, at('förändring'), { value: d.changePercent });
    const sources = varianceCells.length <= 3 ? varianceCells.map((c) => `${c.sheet}!${c.cell}`).join(', ') : d.table.id;
    write(row, at('källa'), { value: sources });

    const comment = cellAt(sheet, row, at('kommentar'));
    const writeDraft = (state: CommentRowState, statusKey: StatusKey): void => {
      // Always a text value, never a formula, whatever the text begins with.
      write(row, at('kommentar'), { value: d.text });
      write(row, at('fingerprint'), { value: fingerprint(d.key, hash) });
      status(row, statusKey);
      rows.push({ key: d.key, row, state });
    };
    if (found === undefined) {
      writeDraft('new', 'utkast');
    } else if (isBlank(comment)) {
      writeDraft('refreshed', 'utkast');
    } else if (found.hash === undefined || found.hash === '') {
      if (found.hash === undefined) write(row, at('fingerprint'), { value: fingerprint(d.key, '') });
      status(row, 'egen');
      rows.push({ key: d.key, row, state: 'own' });
    } else if (comment.formula === undefined && typeof comment.value === 'string' && draftHash(comment.value) === found.hash) {
      if (comment.value === d.text) {
        status(row, 'utkast');
        rows.push({ key: d.key, row, state: 'unchanged' });
      } else {
        writeDraft('refreshed', 'uppdaterat');
      }
    } else {
      status(row, 'redigerad');
      rows.push({ key: d.key, row, state: 'edited' });
    }
  }
  for (const e of existing.values()) {
    if (drafted.has(e.key)) continue;
    status(e.row, 'saknas');
    rows.push({ key: e.key, row: e.row, state: 'missing' });
  }
  rows.sort((a, b) => a.row - b.row);
  // Sign-off: the Status column offers Utkast, Klar, Godkänd, on every row and some spare ones below.
  const statusLetter = columnLetter(at('status'));
  const lastPlanned = Math.max(nextRow - 1, lastRow, headerRow + 1);
  const listValidations = [{ sheet: COMMENTS_SHEET, range: `${statusLetter}${headerRow + 2}:${statusLetter}${lastPlanned + 1 + SIGN_OFF_SPARE_ROWS}`, values: signOffValues(lang) }];
  return { sheet: COMMENTS_SHEET, edits, rows, listValidations };
}

/**
 * The cell edits that create or update the sheet `Kommentarer` (see
 * `planCommentsSheetWithReport` for the rules). Apply them with the adapters'
 * `applyEdits`; every comment is a text value.
 */
export function planCommentsSheet(workbook: WorkbookGrid, drafts: CommentaryDrafts, options: Partial<CommentsSheetOptions> = {}): CellEdit[] {
  return planCommentsSheetWithReport(workbook, drafts, options).edits;
}
