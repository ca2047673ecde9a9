/**
 * (3) Office.js round trips and (4) request bytes per Validera, counted on
 * the test host (src/excel/simulated): reading (the sheets with their used
 * ranges' sizes, then exactly their data) and marking the findings, on generated workbooks of 1, 10
 * and 50 sheets, and on one large enough that the read must be split under
 * Excel on the web's 5 MB limit. Validera is measured on a host with ExcelApi
 * 1.9 (Excel 2021, Microsoft 365, the web): marks are conditional formats,
 * added in 1 round trip after the read (`src/excel/mark-formats.ts`); Excel
 * 2019 (ExcelApi 1.8) fills cells instead, 2 round trips on a first marking.
 */
import { generatedTableRows, generatedWorkbook } from '../src/example/generate';
import type { WorkbookGrid } from '../src/engine/grid';
import { measureValidate } from './office-measure';
import { READ_BUDGET_BYTES } from '../src/excel/read';
import { PAYLOAD_LIMIT_BYTES } from '../src/excel/xl';
import { kib } from './timing';
import type { BenchOptions, BenchRow } from './types';

/**
 * What the cells' values alone would weigh as JSON (the `values` arrays of
 * every used range): the least a read can carry, whatever else it loads.
 */
function valuesOnlyBytes(grid: WorkbookGrid): number {
  let n = 0;
  for (const s of grid.sheets) {
    let width = 0;
    for (const r of s.cells) if (r !== undefined) width = Math.max(width, r.length);
    const rows: unknown[][] = [];
    for (let i = 0; i < s.cells.length; i++) {
      const r = s.cells[i];
      rows.push(Array.from({ length: width }, (_, j) => (r?.[j] === undefined ? '' : (r[j]?.value ?? ''))));
    }
    n += Buffer.byteLength(JSON.stringify(rows));
  }
  return n;
}

/** The requirement set Validera is measured with (marks as conditional formats need ExcelApi 1.9). */
const MARK_API = '1.9';

export async function benchOffice(options: BenchOptions): Promise<BenchRow[]> {
  const sizes = options.quick ? [1, 2, 5] : [1, 10, 50];
  const rows: BenchRow[] = [];
  for (const n of sizes) {
    const workbook = generatedWorkbook(n, 150);
    const cost = await measureValidate(n, { mark: true, workbook, apiVersion: MARK_API });
    const markSyncs = cost.syncs - cost.readSyncs;
    const size = `${n} blad, ${generatedTableRows(n, 150)} tabellrader, ${cost.cells} celler, ${cost.findings} anm.`;
    rows.push({
      bench: 'office',
      measure: 'round trips per Validera (read + mark)',
      size,
      figure: `${cost.readSyncs} + ${markSyncs}`,
      value: cost.syncs,
      unit: 'syncs',
      baseline: `ExcelApi ${MARK_API}; largest request ${kib(cost.maxRequestBytes)}, response ${kib(cost.maxResponseBytes)}`,
      // Reading takes three syncs: the sheet list, then the used ranges, then the cells (a request never
      // touches a sheet it has not seen exist: docs/excel-compatibility.md).
      target: '3 + 1, ≤ 5 MB each',
      met: cost.readSyncs <= 3 && markSyncs <= 1 && Math.max(cost.maxRequestBytes, cost.maxResponseBytes) <= PAYLOAD_LIMIT_BYTES,
    });
    const bytes = cost.requestBytes + cost.responseBytes;
    const least = valuesOnlyBytes(workbook);
    rows.push({
      bench: 'bytes',
      measure: 'bytes per Validera (requests + responses)',
      size,
      figure: `${kib(bytes)} (${(bytes / cost.cells).toFixed(1)} B/cell)`,
      value: bytes / cost.cells,
      unit: 'B/cell',
      baseline: `values only ${kib(least)} (${(least / cost.cells).toFixed(1)} B/cell) → ${(bytes / least).toFixed(2)} ×`,
      target: 'only what the checks need',
    });
  }
  // A workbook whose data exceeds one request: read in the fewest requests under 5 MB.
  const big = options.quick ? { sheets: 4, rnRows: 5_000 } : { sheets: 20, rnRows: 2_000 };
  const workbook = generatedWorkbook(big.sheets, big.rnRows);
  const cost = await measureValidate(big.sheets, { workbook });
  const fewest = 2 + Math.ceil(cost.responseBytes / READ_BUDGET_BYTES);
  rows.push({
    bench: 'office',
    measure: 'round trips to read, over 5 MB',
    size: `${big.sheets} blad, ${generatedTableRows(big.sheets, big.rnRows)} tabellrader, ${cost.cells} celler, ${kib(cost.responseBytes)}`,
    figure: `${cost.readSyncs} (largest response ${kib(cost.maxResponseBytes)})`,
    value: cost.readSyncs,
    unit: 'syncs',
    baseline: `fewest that fit: 2 + ⌈${kib(cost.responseBytes)} / ${kib(READ_BUDGET_BYTES)}⌉ = ${fewest}`,
    target: 'fewest, each ≤ 5 MB',
    met: cost.readSyncs <= fewest && cost.maxResponseBytes <= PAYLOAD_LIMIT_BYTES && cost.maxRequestBytes <= PAYLOAD_LIMIT_BYTES,
  });
  return rows;
}
