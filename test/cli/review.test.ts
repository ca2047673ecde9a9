/**
 * The command line and the review: `check --csv` opens as columns in a
 * Swedish Excel (`;`, a byte-order mark, quoting of `;`, `"` and line
 * breaks; LibreOffice, where installed, reads it in columns), and `check`
 * honours approvals the task pane stored in the workbook.
 */
import { parseString } from '@fast-csv/parse';
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import type { FileJson } from '../../src/cli/report';
import { toCsv } from '../../src/cli/csv';
import type { CellEdit } from '../../src/engine/finding';
import { cellAddress } from '../../src/engine/grid';
import { APPROVALS_SHEET, CSV_COLUMNS, identities, planApproval } from '../../src/engine/review';
import { memoryStore } from '../../src/excel/changelog';
import { TestHost } from '../../src/excel/simulated';
import { createActions } from '../../src/excel/workbook-actions';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { applyEdits } from '../../src/xlsx/write';
import { describeWithProgram } from '../helpers/programs';
import { EXAMPLE, tempDir } from '../xlsx/files';
import { SOFFICE } from '../xlsx/libreoffice';
import { cli } from './run';

const EXAMPLE_ARG = 'examples/kommunstyrelsen-2021.xlsx';
/** A message with the separator, quotes and a line break: it must stay one field. */
const MESSAGE = 'Kansli; "Centerpartiet"\nrad två';

function parseCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text, { delimiter: ';' })
      .on('data', (r: string[]) => rows.push(r))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

describe('check --csv', () => {
  it('starts with a BOM, separates by ; and has one record per finding with the JSON columns plus file and status', async () => {
    const [csv, json] = await Promise.all([cli(['check', EXAMPLE_ARG, '--csv']), cli(['check', EXAMPLE_ARG, '--json'])]);
    expect(csv.stdout.startsWith('\ufeff')).toBe(true);
    expect(csv.code).toBe(json.code);
    const rows = await parseCsv(csv.stdout.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const out = JSON.parse(json.stdout) as FileJson;
    expect(rows.slice(1)).toHaveLength(out.findings.length);
    rows.slice(1).forEach((r, i) => {
      const f = out.findings[i]!;
      expect(r).toHaveLength(CSV_COLUMNS.length);
      expect([r[0], r[1], r[2], r[3], r[4], r[5], r[8]]).toEqual([EXAMPLE_ARG, f.rule, f.severity, f.sheet, f.cell, f.message, 'open']);
      // Figures as Swedish Excel reads them: decimal comma, no thousands separator.
      if (typeof f.actual === 'number') expect(r[7]).toBe(String(Number(f.actual.toPrecision(15))).replace('.', ','));
    });
    // KGAMT's −320,2 % is there unrounded, with its decimal comma and an ASCII minus.
    expect(rows.some((r) => r[4] === 'F4' && r[1] === 'sign-flip' && /^-320,16\d+$/.test(r[7] ?? ''))).toBe(true);
  });

  it('quotes ; " and line breaks so that a message stays one field', async () => {
    const text = await toCsv([['bok.xlsx', 'div0', 'error', 'Kommunledning', 'F5', MESSAGE, '', '#DIVISION/0!', 'open', '']], true);
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text).toContain('"Kansli; ""Centerpartiet""\nrad två"');
    const rows = await parseCsv(text.slice(1));
    expect(rows[1]?.[5]).toBe(MESSAGE);
  });

  it('--json and --csv together is one clear usage line', async () => {
    const r = await cli(['check', EXAMPLE_ARG, '--json', '--csv']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--csv');
  });
});

describeWithProgram('check --csv in LibreOffice', SOFFICE, (soffice) => {
  it('LibreOffice reads the file as Swedish Excel would, in columns', async () => {
    const text = await toCsv([['bok.xlsx', 'div0', 'error', 'Kommunledning', 'F5', MESSAGE, '', '#DIVISION/0!', 'open', '']], true);
    const dir = tempDir();
    const file = path.join(dir, 'granskning.csv');
    fs.writeFileSync(file, text);
    // 59 = ';', 34 = '"', 76 = UTF-8: the separator Swedish Excel uses for .csv.
    const profile = path.join(dir, 'profile');
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--infilter=CSV:59,34,76', '--convert-to', 'xlsx', '--outdir', dir, file], {
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(r.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'granskning.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('file');
    expect(ws.getCell('J1').value).toBe('reason');
    expect(ws.getCell('F2').value).toBe(MESSAGE);
    expect(ws.getCell('H2').value).toBe('#DIVISION/0!');
    expect(ws.getCell('I2').value).toBe('open');
  }, 180_000);
});

describe('check honours approvals stored by the task pane', () => {
  let approvedFile: string;
  const reason = 'Känd avvikelse; beslut i KS 2021-03-01';

  beforeAll(async () => {
    // The pane's action on the workbook: approve KGAMT's sign flip through the test host.
    const grid = await readWorkbookGrid(EXAMPLE);
    const host = new TestHost(grid, { apiVersion: '1.9' });
    const actions = createActions(host, { store: memoryStore() });
    const report = await actions.validate({ mark: false });
    const i = report.result.findings.findIndex((f) => f.rule === 'sign-flip' && f.sheet === 'Kommungemensamt' && f.cell === 'F4');
    const finding = report.result.findings[i]!;
    const edits = planApproval(report.workbook, { finding, identity: identities(report.result)[i]!, reason, date: '2026-12-02' });
    await actions.applyEdits(edits, 'action.approve', { hideSheets: [APPROVALS_SHEET] });
    expect(host.sheet(APPROVALS_SHEET).visibility).toBe('Hidden');
    // What the host's sheet holds, saved into a copy of the file.
    const saved: CellEdit[] = [];
    host.sheet(APPROVALS_SHEET).rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (c === undefined || c.value === null) return;
        saved.push({ sheet: APPROVALS_SHEET, cell: cellAddress(r, col), row: r, col, before: { value: null }, after: { value: c.value }, reason: 'sign-flip' });
      }),
    );
    approvedFile = path.join(tempDir(), 'godkänd.xlsx');
    await applyEdits(EXAMPLE, approvedFile, saved);
  });

  it('counts the approved finding apart in JSON and leaves it out of the findings', async () => {
    const [before, after] = await Promise.all([cli(['check', EXAMPLE_ARG, '--json']), cli(['check', approvedFile, '--json'])]);
    const a = JSON.parse(before.stdout) as FileJson;
    const b = JSON.parse(after.stdout) as FileJson;
    expect(a.approved).toBe(0);
    expect(b.approved).toBe(1);
    expect(b.findings).toHaveLength(a.findings.length - 1);
    expect(b.findings.some((f) => f.rule === 'sign-flip' && f.cell === 'F4' && f.sheet === 'Kommungemensamt')).toBe(false);
    expect(b.tables).toEqual(a.tables);
  });

  it('--include-approved lists it with status and reason (JSON, text and CSV)', async () => {
    const json = JSON.parse((await cli(['check', approvedFile, '--json', '--include-approved'])).stdout) as FileJson;
    const kgamt = json.findings.find((f) => f.rule === 'sign-flip' && f.cell === 'F4' && f.sheet === 'Kommungemensamt');
    expect(kgamt).toMatchObject({ status: 'approved', reason });
    expect(json.findings.filter((f) => f.status === 'open')).toHaveLength(json.findings.length - 1);

    const text = await cli(['check', approvedFile]);
    expect(text.stdout).toContain('1 godkända avvikelser visas inte (lista dem med --include-approved).');
    expect(text.stdout).not.toContain(reason);
    const listed = await cli(['check', approvedFile, '--include-approved']);
    expect(listed.stdout).toContain(`Godkänd 2026-12-02: ${reason}`);

    const rows = await parseCsv((await cli(['check', approvedFile, '--csv', '--include-approved'])).stdout.slice(1));
    expect(rows.find((r) => r[1] === 'sign-flip' && r[4] === 'F4')?.slice(8)).toEqual(['approved', reason]);
  });
});
