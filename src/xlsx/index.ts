/** The Node adapter: .xlsx files in and out through exceljs. */
export { readWorkbookGrid, workbookToGrid } from './read';
export { applyEdits, applyEditsToWorkbook, writeFileAtomic } from './write';
export { XlsxFileError, loadWorkbook, type XlsxFileProblem } from './file';
export { evaluateFormula } from './formula';
