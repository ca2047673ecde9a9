/**
 * `check --csv`: one record per finding for Excel. Swedish Excel opens a
 * `.csv` as columns when the fields are separated by `;` (the list separator
 * of Swedish Windows, since `,` is the decimal mark) and reads it as UTF-8
 * when it starts with a byte-order mark. Quoting (fields holding `;`, `"` or
 * a line break) is @fast-csv/format's.
 */
import { CSV_COLUMNS, csvRecord, type Language, type ReviewedFinding } from '../engine';
import { printable } from './command';

/** The CSV text of the records (header row first when `header`), `;`-separated, CRLF line ends, a BOM when `header`. */
export async function toCsv(records: readonly string[][], header: boolean): Promise<string> {
  // Loaded when CSV is written: every `check` and each of its worker threads loads this file, and the library takes 30 ms to load here.
  const { writeToString } = await import('@fast-csv/format');
  const rows = records.map((r) => r.map(printable));
  return writeToString(header ? [[...CSV_COLUMNS], ...rows] : rows, { delimiter: ';', rowDelimiter: '\r\n', writeBOM: header, includeEndRowDelimiter: true });
}

/** A file's findings as CSV records (see `csvRecord`). */
export function csvRecords(file: string, findings: readonly ReviewedFinding[], lang: Language): string[][] {
  return findings.map((rf) => csvRecord(file, rf, lang));
}
