/**
 * The example workbook's sheet Kommentarer in the .xlsx (widths, bold
 * header, wrapped comments). The comments themselves, and which of them
 * disagree with the tables, are example data (src/example/seed-comments.ts),
 * shared with the demo workbook (`seedAsWorkbook`).
 */
import type ExcelJS from 'exceljs';
import { EXAMPLE_COMMENTS_SHEET, exampleCommentRows } from '../src/example/seed-comments';

export { EXAMPLE_COMMENTS, EXAMPLE_MISMATCHED_CODES } from '../src/example/seed-comments';

/** Adds the sheet Kommentarer (Kod, Enhet, Kommentar, Status) to the example workbook; returns it. */
export function addExampleComments(wb: ExcelJS.Workbook): ExcelJS.Workbook {
  const ws = wb.addWorksheet(EXAMPLE_COMMENTS_SHEET);
  ws.columns = [{ width: 8 }, { width: 32 }, { width: 100 }, { width: 16 }];
  const [header, ...rows] = exampleCommentRows();
  ws.addRow(header ?? []).font = { bold: true };
  for (const values of rows) {
    const row = ws.addRow(values);
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
  }
  return wb;
}
