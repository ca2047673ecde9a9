/**
 * Självtest: every Office.js path the add-in uses, tried on a temporary
 * hidden sheet, then cleaned up completely and checked. IT runs it once per
 * Excel build when deploying; a user attaches its report to a bug report.
 *
 * The user's sheets are never touched: every step works on the self-test's
 * own sheets (named `SELF_TEST_PREFIX…`), and the marks step uses the
 * marking calls directly on that sheet (a Validera's marking would look at
 * every sheet). The change log used for the fix and its Ångra is a scratch
 * one in memory; the storage step writes, reads and removes one probe key.
 *
 * To add a step: append a `SelfTestStep` to `SELF_TEST_STEPS` (or pass your
 * own list to `runSelfTest`). A step throws to fail (an Office.js error's
 * code goes in the report), returns a short detail on success, or returns
 * `SKIPPED` with a reason where the host does not support what it tries.
 */
import { cellAddress, type CellEdit, type ChartPlan } from '../engine';
import type { WorkbookActions } from './actions';
import { officeErrorCode, toActionError } from './errors';
import { inspect, isOurNote, MARK_COLORS, markAddresses, MARK_ADDRESS_LIMIT, removeMarkFormats, writeMarks } from './mark-formats';
import { dataProperties, jsonCell, toCell } from './read';
import type { KeyValueStore } from './storage';
import { memoryStore } from './storage';
import { changeCells, type CellState } from './write';
import type { SelfTestReport } from './self-test-report';
import { addVarianceChart, removeCharts, type XlChartsWorksheet, type XlRangeBox } from './chart';
import type { XlHost, XlRange } from './xl';

export { formatSelfTestReport, type SelfTestReport, type StepResult } from './self-test-report';

/** The start of every sheet name the self-test creates (never a name an economist would use). */
export const SELF_TEST_PREFIX = 'AK-självtest';

/** A step's way of saying it did not apply here. */
export interface Skipped {
  skipped: string;
}

/** What a step has to work with. */
export interface SelfTestContext {
  host: XlHost;
  /** The temporary hidden sheet (created by the first step), with a small table on it. */
  sheet: string;
  /** A second name free for a sheet a step adds (the Kommentarer step). */
  extraSheet: string;
  /** The actions on the same host with a scratch change log (never the user's). */
  scratch: WorkbookActions;
  /** The store the change log uses, for the storage step. */
  store: KeyValueStore;
}

/** One step of the self-test. */
export interface SelfTestStep {
  /** Short id, shown in the report (`read`, `marks` …). */
  id: string;
  /** What it tries, in a few words (English: the report goes to IT and developers). */
  title: string;
  run(ctx: SelfTestContext): Promise<string | Skipped | void>;
}

/** The table the self-test writes: a header, two rows with amounts, one dividing by zero. */
const TABLE: unknown[][] = [
  ['Enhet', 'Utfall', 'Budget', 'Avvikelse', 'Förändring %'],
  ['KAI Kommunikation', 120, 100, '=B2-C2', '=(B2/C2-1)*100'],
  ['KEK Ekonomi', 50, 0, '=B3-C3', '=(B3/C3-1)*100'],
];

function random(): string {
  return Math.floor(Math.random() * 0x100000).toString(36);
}

async function sheetNames(host: XlHost): Promise<string[]> {
  return host.run(async (context) => {
    const coll = context.workbook.worksheets;
    coll.load('items/name');
    await context.sync();
    return coll.items.map((w) => w.name);
  });
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

/** The steps, in order. Extend by appending (see the module comment). */
export const SELF_TEST_STEPS: SelfTestStep[] = [
  {
    id: 'sheet',
    title: 'add a hidden sheet with a small table (worksheets.add, formulas, visibility)',
    run: async ({ host, sheet }) => {
      await host.run(async (context) => {
        const ws = context.workbook.worksheets.add(sheet);
        ws.getRange(`A1:${cellAddress(TABLE.length - 1, 4)}`).formulas = TABLE;
        await context.sync();
      });
      // Hiding a sheet is not undoable on Windows and Mac: its own batch, outside any undo group.
      await host.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).visibility = 'Hidden';
        await context.sync();
      });
    },
  },
  {
    id: 'read',
    title: 'read the sheet (used range; valuesAsJson with ExcelApi 1.16, else values and valueTypes)',
    run: async ({ host, sheet }) => {
      const json = host.supports('1.16');
      const cells = await host.run(async (context) => {
        const used = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
        used.load('address');
        await context.sync();
        check(!used.isNullObject, 'the used range is empty');
        const range = context.workbook.worksheets.getItem(sheet).getRange(used.address.slice(used.address.lastIndexOf('!') + 1));
        range.load(dataProperties(json));
        await context.sync();
        return { range: range as XlRange };
      });
      const r = cells.range;
      const at = (row: number, col: number): ReturnType<typeof toCell> => {
        if (json) {
          const c = jsonCell(r.valuesAsJson[row]?.[col]);
          return toCell(c.value, c.type, r.formulas[row]?.[col], r.numberFormat[row]?.[col], c.errorType);
        }
        return toCell(r.values[row]?.[col], r.valueTypes[row]?.[col] ?? 'Empty', r.formulas[row]?.[col], r.numberFormat[row]?.[col]);
      };
      check(at(1, 3)?.value === 20, 'D2 should calculate 120 − 100 = 20');
      check(at(2, 4)?.error === 'DIV_BY_ZERO', 'E3 should be #DIV/0!');
      check(at(2, 4)?.formula === '=(B3/C3-1)*100', 'E3 should keep its formula');
      return json ? 'valuesAsJson' : 'values + valueTypes';
    },
  },
  {
    id: 'marks',
    title: 'mark cells and take the marks away (conditional formats with ExcelApi 1.9, else fills)',
    run: async ({ host, sheet }) => {
      if (host.supports('1.9')) {
        let separator: ',' | ';' = ',';
        const add = (): Promise<void> =>
          writeMarks(host, { deletes: [], adds: markAddresses(['E3', 'D2'], MARK_ADDRESS_LIMIT, separator).map((address) => ({ sheet, address, color: MARK_COLORS.error })), notes: [] });
        try {
          await add();
        } catch (err) {
          if (officeErrorCode(err) !== 'InvalidArgument') throw err;
          await removeMarkFormats(host, [sheet]);
          separator = ';';
          await add();
        }
        const marked = await inspect(host, [sheet]);
        check((marked.formats.get(sheet)?.ours.size ?? 0) === 1, 'one mark format expected on the sheet');
        await removeMarkFormats(host, [sheet]);
        const after = await inspect(host, [sheet]);
        check((after.formats.get(sheet)?.ours.size ?? 0) === 0, 'the mark format is still there');
        return `conditional formats (address list separator "${separator}")`;
      }
      const fill = { none: false, color: MARK_COLORS.error, pattern: 'Solid', patternColor: '#000000' };
      const { before } = await changeCells(host, [{ sheet, cell: 'E3' }], () => [{ sheet, cell: 'E3', fill }]);
      const own = (before[0] as CellState).fill;
      await changeCells(host, [{ sheet, cell: 'E3' }], () => [{ sheet, cell: 'E3', fill: own }]);
      const { before: now } = await changeCells(host, [{ sheet, cell: 'E3' }], () => []);
      check((now[0] as CellState).fill.none === own.none && (now[0] as CellState).fill.color === own.color, 'the cell did not get its own fill back');
      return 'fills (no ExcelApi 1.9)';
    },
  },
  {
    id: 'fix-undo',
    title: 'fix #DIV/0! and Ångra it (one write batch; merged undo group with ExcelApi 1.20)',
    run: async ({ host, sheet, scratch }) => {
      const edit: CellEdit = { sheet, cell: 'E3', row: 2, col: 4, before: { value: null, formula: '=(B3/C3-1)*100' }, after: { value: '–' }, reason: 'div0' };
      await scratch.applyEdits([edit], 'action.fix');
      const { before: fixed } = await changeCells(host, [{ sheet, cell: 'E3' }], () => []);
      check((fixed[0] as CellState).value === '–', 'E3 should hold the marker after the fix');
      await scratch.undo();
      const { before: back } = await changeCells(host, [{ sheet, cell: 'E3' }], () => []);
      check((back[0] as CellState).formula === '=(B3/C3-1)*100', 'Ångra should give E3 its formula back');
      return host.supports('1.20') ? 'merged undo group' : 'one batch per action';
    },
  },
  {
    id: 'notes',
    title: 'add, read and delete a note (ExcelApi 1.18)',
    run: async ({ host, sheet }) => {
      if (!host.supports('1.18')) return { skipped: 'ExcelApi 1.18 not supported' };
      const text = 'Avvikelsekollen självtest';
      await host.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).notes.add('A3', text);
        await context.sync();
      });
      const read = await host.run(async (context) => {
        const note = context.workbook.worksheets.getItem(sheet).notes.getItemOrNullObject('A3');
        note.load('content');
        await context.sync();
        return note.isNullObject ? null : note.content;
      });
      check(read !== null && isOurNote(read, new Set([text])), 'the note reads back differently');
      await host.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).notes.getItemOrNullObject('A3').delete();
        await context.sync();
      });
      return read === text ? 'as written' : 'with the author in front';
    },
  },
  {
    id: 'comments',
    title: 'write a Kommentarer sheet (new sheet, text, hidden column) and take it away with Ångra',
    run: async ({ host, extraSheet, scratch }) => {
      const texts = ['Kod', 'Kommentar', 'Jan-21', '=inte en formel'];
      const edits: CellEdit[] = texts.map((t, i) => ({ sheet: extraSheet, cell: cellAddress(i, 0), row: i, col: 0, before: { value: null }, after: { value: t }, reason: 'missing-value' }));
      await scratch.applyEdits(edits, 'action.comments', { hideColumns: [{ sheet: extraSheet, col: 2 }] });
      const { before: written } = await changeCells(
        host,
        texts.map((_, i) => ({ sheet: extraSheet, cell: cellAddress(i, 0) })),
        () => [],
      );
      check(
        written.every((c, i) => c.value === texts[i] && c.formula === undefined),
        'the texts did not stay text',
      );
      await scratch.undo();
      check(!(await sheetNames(host)).includes(extraSheet), 'Ångra should delete the sheet it added');
    },
  },
  {
    id: 'chart',
    title: 'add a named variance chart (waterfall with ExcelApi 1.9, else clustered bar), read back its type and place, and delete it by its name as Ångra does',
    run: async ({ host, sheet }) => {
      const plan: ChartPlan = {
        placement: 'beside-table',
        sheet,
        edits: [],
        source: 'A1:B3',
        varianceSource: 'A2:B3',
        from: 'G2',
        to: 'M16',
        title: 'Avvikelsekollen självtest',
        axisTitle: 'tkr',
        points: 2,
      };
      const name = `Avvikelsekollen självtest ${random()}`;
      const inserted = await addVarianceChart(host, plan, name);
      // Where it is, in points, as "Infoga diagram" compares it with the cells it plans to use (the box over G2:M16 with ExcelApi 1.10).
      const points = host.supports('1.10');
      const { types, covers } = await host.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet) as XlChartsWorksheet;
        const charts = ws.charts;
        charts.load(points ? 'items/chartType,items/name,items/left,items/top,items/width,items/height' : 'items/chartType,items/name');
        const box = points ? (ws.getRange(`${plan.from}:${plan.to}`).load('left,top,width,height') as unknown as XlRangeBox) : undefined;
        await context.sync();
        const first = charts.items[0];
        const near = (a: number, b: number): boolean => Math.abs(a - b) <= 2;
        return {
          types: charts.items.map((c) => `${c.chartType} ${c.name}`),
          covers: box === undefined || (first !== undefined && near(first.left, box.left) && near(first.top, box.top) && near(first.width, box.width) && near(first.height, box.height)),
        };
      });
      const removed = await removeCharts(host, [{ sheet, name }]);
      check(types.length === 1 && types[0] === `${inserted.type} ${name}`, `the sheet should hold one ${inserted.type} chart named ${name}`);
      check(covers, 'the chart does not cover the cells it was placed over');
      check(removed === 1, 'the chart was not found by its name');
      return inserted.type;
    },
  },
  {
    id: 'storage',
    title: 'write, read and remove a key where the change log is kept',
    run: async ({ store }) => {
      const key = `avvikelsekollen.selftest.${random()}`;
      await store.set(key, 'ok');
      const back = await store.get(key);
      await store.remove(key);
      check(back === 'ok', 'the value read back differs');
      check((await store.get(key)) === null, 'the key is still there');
      return store.kind;
    },
  },
];

/** Deletes every self-test sheet (each in its own batch, outside any undo group). */
async function cleanUp(host: XlHost): Promise<void> {
  for (const name of (await sheetNames(host)).filter((n) => n.startsWith(SELF_TEST_PREFIX))) {
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      ws.load('visibility');
      await context.sync();
      // A very hidden sheet cannot be deleted (learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member).
      if (ws.visibility === 'VeryHidden') ws.visibility = 'Hidden';
      ws.delete();
      await context.sync();
    });
  }
}

/**
 * Runs the steps on the host, then cleans up and checks that the workbook
 * has exactly the sheets it had before. Never throws: a failure is in the report.
 */
export async function runSelfTest(
  host: XlHost,
  options: { store: KeyValueStore; scratch: (host: XlHost, store: KeyValueStore) => WorkbookActions },
  steps: readonly SelfTestStep[] = SELF_TEST_STEPS,
): Promise<SelfTestReport> {
  const diagnostics = host.diagnostics();
  const report: SelfTestReport = {
    at: new Date().toISOString(),
    version: diagnostics.version,
    platform: diagnostics.platform,
    language: host.displayLanguage(),
    sets: diagnostics.sets,
    steps: [],
    cleanedUp: false,
  };
  let before: string[] | undefined;
  try {
    before = await sheetNames(host);
  } catch (err) {
    report.steps.push({ id: 'start', title: 'list the sheets', outcome: 'failed', detail: toActionError(err).message, ...codeOf(err) });
    return report;
  }
  const id = random();
  const ctx: SelfTestContext = { host, sheet: `${SELF_TEST_PREFIX} ${id}`, extraSheet: `${SELF_TEST_PREFIX} K ${id}`, scratch: options.scratch(host, memoryStore()), store: options.store };
  let sheetMade = true;
  for (const step of steps) {
    if (!sheetMade) {
      report.steps.push({ id: step.id, title: step.title, outcome: 'skipped', detail: 'the self-test sheet could not be added' });
      continue;
    }
    try {
      const out = await step.run(ctx);
      if (typeof out === 'object' && out !== null) report.steps.push({ id: step.id, title: step.title, outcome: 'skipped', detail: out.skipped });
      else report.steps.push({ id: step.id, title: step.title, outcome: 'ok', ...(typeof out === 'string' ? { detail: out } : {}) });
    } catch (err) {
      report.steps.push({ id: step.id, title: step.title, outcome: 'failed', detail: err instanceof Error ? err.message : String(err), ...codeOf(err) });
      if (step.id === 'sheet') sheetMade = false;
    }
  }
  try {
    await cleanUp(host);
    const after = await sheetNames(host);
    report.cleanedUp = after.length === before.length && after.every((n, i) => n === before?.[i]);
    report.steps.push({ id: 'cleanup', title: 'delete the self-test sheets and check the workbook has the sheets it had', outcome: report.cleanedUp ? 'ok' : 'failed' });
  } catch (err) {
    report.steps.push({
      id: 'cleanup',
      title: 'delete the self-test sheets and check the workbook has the sheets it had',
      outcome: 'failed',
      detail: err instanceof Error ? err.message : String(err),
      ...codeOf(err),
    });
  }
  return report;
}

function codeOf(err: unknown): { code?: string } {
  const code = officeErrorCode(err);
  return code === undefined ? {} : { code };
}
