/** The Node adapter: .xlsx files in (a streaming reader) and out (a patching writer). */
export { readWorkbookGrid, readPackageGrid, assertCheckable } from './read';
export { applyEdits, patchedPackage, writePatchedCopy, writeFileAtomic, type CopyOptions } from './write';
export { XlsxFileError, type XlsxFileProblem } from './file';
export { openPackage, type XlsxPackage } from './package';
