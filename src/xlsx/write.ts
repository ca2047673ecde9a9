/**
 * Writes a copy of an .xlsx file with cell edits applied (fixes, commentary),
 * everything else kept as exceljs read it. The input is never modified; the
 * output appears whole or not at all (written to a temporary file in the
 * output folder, then renamed into place).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import type { CellContent, CellEdit } from '../engine/finding';
import { loadWorkbook, XlsxFileError } from './file';

/** True when two paths name the same file (also through links or different spellings). */
function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * A shared formula's cells become ordinary formulas before one of them is
 * edited, so that no cell is left pointing at a master that changed.
 */
function unshare(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): void {
  if (cell.type !== ExcelJS.ValueType.Formula) return;
  const v = cell.value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string; sharedFormula?: string };
  const masterAddress = v.sharedFormula ?? (v.shareType === 'shared' ? cell.address : undefined);
  if (masterAddress === undefined) return;
  const master = ws.getCell(masterAddress);
  const mv = master.value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
  const ref = mv.ref;
  const converted: { cell: ExcelJS.Cell; formula: string; result: unknown }[] = [];
  if (ref !== undefined) {
    const [from, to] = ref.split(':');
    const a = ws.getCell(from as string);
    const b = ws.getCell(to ?? (from as string));
    for (let r = Number(a.row); r <= Number(b.row); r++) {
      for (let c = Number(a.col); c <= Number(b.col); c++) {
        const s = ws.getCell(r, c);
        if (s.type !== ExcelJS.ValueType.Formula) continue;
        const sv = s.value as { sharedFormula?: string };
        if (sv.sharedFormula === masterAddress) converted.push({ cell: s, formula: s.formula, result: s.result });
      }
    }
  }
  // Translate every dependent before the master changes: their formulas are derived from it.
  converted.push({ cell: master, formula: master.formula, result: master.result });
  for (const { cell: s, formula, result } of converted) {
    s.value = (result === undefined ? { formula } : { formula, result }) as ExcelJS.CellFormulaValue;
  }
}

function setContent(cell: ExcelJS.Cell, content: CellContent): void {
  if (content.formula !== undefined) {
    // No cached result: Excel and LibreOffice calculate it when the file opens.
    const f = content.formula.startsWith('=') ? content.formula.slice(1) : content.formula;
    cell.value = { formula: f } as ExcelJS.CellFormulaValue;
    return;
  }
  const v = content.value;
  // Text stays text: a string cell, never parsed as a number or a formula.
  cell.value = v === null ? null : v;
}

/** Applies edits to a loaded workbook, creating sheets that an edit names and that do not exist. */
export function applyEditsToWorkbook(wb: ExcelJS.Workbook, edits: readonly CellEdit[]): void {
  for (const edit of edits) {
    const ws = wb.getWorksheet(edit.sheet) ?? wb.addWorksheet(edit.sheet);
    const cell = ws.getCell(edit.row + 1, edit.col + 1);
    unshare(ws, cell);
    setContent(cell, edit.after);
  }
  // Ask Excel and LibreOffice to recalculate everything when the copy is opened.
  wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
}

/** Writes bytes to `outFile` through a temporary file in the same folder, renamed into place. */
export function writeFileAtomic(outFile: string, data: Buffer | Uint8Array): void {
  const dir = path.dirname(path.resolve(outFile));
  const tmp = path.join(dir, `.${path.basename(outFile)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx' });
    fs.renameSync(tmp, outFile);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    throw new XlsxFileError('write-failed', outFile, e instanceof Error ? e.message : undefined);
  }
}

/** Checks, before any work, that `outFile` can be written as a copy of `inFile`. */
export function assertWritableCopy(inFile: string, outFile: string): void {
  if (sameFile(inFile, outFile)) throw new XlsxFileError('same-file', outFile);
  const dir = path.dirname(path.resolve(outFile));
  let isDir = false;
  try {
    isDir = fs.statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new XlsxFileError('output-folder-missing', outFile);
  try {
    if (fs.statSync(outFile).isDirectory()) throw new XlsxFileError('is-directory', outFile);
  } catch (e) {
    if (e instanceof XlsxFileError) throw e;
  }
  // Can the folder be written? Try it (permissions, a read-only share or medium), leaving nothing behind.
  const probe = path.join(dir, `.${path.basename(outFile)}.${process.pid}.probe.tmp`);
  try {
    fs.writeFileSync(probe, '', { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new XlsxFileError(code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'output-folder-readonly' : 'write-failed', outFile, e instanceof Error ? e.message : undefined);
  }
  fs.rmSync(probe, { force: true });
}

/**
 * Writes `outFile`: a copy of `inFile` with `edits` applied and everything
 * else preserved (other sheets, formats, widths, formulas). Formulas are
 * written without a cached result and the workbook is set to recalculate on
 * load. Text is written as text. Throws `XlsxFileError`; on failure no
 * output file is left behind. `inFile` is never modified.
 */
export async function applyEdits(inFile: string, outFile: string, edits: readonly CellEdit[]): Promise<void> {
  assertWritableCopy(inFile, outFile);
  const wb = await loadWorkbook(inFile);
  applyEditsToWorkbook(wb, edits);
  let data: Buffer;
  try {
    data = Buffer.from(await wb.xlsx.writeBuffer());
  } catch (e) {
    throw new XlsxFileError('write-failed', outFile, e instanceof Error ? e.message : undefined);
  }
  writeFileAtomic(outFile, data);
}
