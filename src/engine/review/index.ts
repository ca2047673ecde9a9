/** The review workflow's pure part: approvals kept in the workbook, the export and the CSV records, sign-off progress. */
export * from './identity';
export * from './approvals';
export * from './export';
export * from './chart-data';
export * from './chart-sheet';
export * from './chart-placement';
