/**
 * `WorkbookActions` on any `XlHost`: Excel through Office.js (`office.ts`) or
 * the test host (`demo.ts`, tests). Round trips per action:
 * - validate: 2 syncs to read (more only for workbooks over ~4.5 MB of data or
 *   over 255 sheets), +1 to mark (ExcelApi 1.9: conditional formats, also on a
 *   first marking; +2 with notes; without ExcelApi 1.9, +2 on a first marking:
 *   see marks.ts);
 * - applyEdits: 2 (read the cells and check them, then write them all in one);
 *   3 when the edits may create a sheet (one sync first learns whether it exists);
 * - undo: 2 (3 when the action added a sheet; +1 when it deletes or hides a
 *   sheet under ExcelApi 1.20, outside the merged undo group); clearMarks: 3
 *   (every sheet is looked at, see mark-formats.ts); select: 1.
 */
import { type CellEdit, type ChartPlan, type CheckOptions, checkWorkbook, languageFromLocale, reviewFindings, translate } from '../engine';
import { queueListValidations } from './validation';
import { addVarianceChart, CHART_NAME_PREFIX, obstacleBesideTable, removeCharts, type BesideTableObstacle, type ChartRecord } from './chart';
import { ActionError, type ApplyEditsOptions, type ChangeLogEntry, type InsertedChartAction, type ValidateOptions, type ValidationReport, type WorkbookActions } from './actions';
import { ChangeLog, publicEntry, type KeyValueStore, type LogEntry } from './changelog';
import { toActionError } from './errors';
import type { AddressListStyle } from './mark-formats';
import { clearAllMarks, markFindings, probeMarks } from './marks';
import { readWorkbook } from './read';
import { runSelfTest, type SelfTestReport } from './self-test';
import { changeCells, columnKey, contentOf, holds, needsTextFormat, refuseIfLocked, restoreChange, UnrestoredError, type CellChange, type CellState, type Content, type LayoutChange } from './write';
import type { XlContext, XlHost } from './xl';

function newId(): string {
  return `${Date.now().toString(36)}-${Math.floor(Math.random() * 0x10000).toString(36)}`;
}

function isEmptyContent(c: CellEdit['before']): boolean {
  return c.formula === undefined && (c.value === null || c.value === '');
}

function checkOptions(o: ValidateOptions): Partial<CheckOptions> {
  const out: Partial<CheckOptions> = {};
  if (o.tolerance !== undefined) out.tolerance = o.tolerance;
  if (o.sheets !== undefined) out.sheets = o.sheets;
  if (o.signFlipMeaningless !== undefined) out.signFlipMeaningless = o.signFlipMeaningless;
  return out;
}

/**
 * The change that writes an edit's `after`. Every text is entered into a
 * Text-formatted cell (see `write.ts`); text Excel would misread when edited
 * later (a leading `=`, a number) keeps the Text format.
 */
export function changeForEdit(edit: CellEdit): CellChange {
  const content: Content = contentOf(edit.after);
  const change: CellChange = { sheet: edit.sheet, cell: edit.cell, content };
  if (content.formula === undefined && typeof content.value === 'string' && needsTextFormat(content.value)) change.numberFormat = '@';
  return change;
}

export interface ActionsOptions {
  /** Where the change log is kept (default: memory). */
  store: KeyValueStore;
}

/** Builds the actions on a host; the change log is keyed by the host's document URL. */
export function createActions(host: XlHost, { store }: ActionsOptions): WorkbookActions {
  const log = new ChangeLog(store, ChangeLog.keyFor(host.documentUrl()));
  // Learnt once per session: the separator this Excel takes between the areas of an address list.
  const addressStyle: AddressListStyle = { separator: ',' };

  async function validate(options: ValidateOptions): Promise<ValidationReport> {
    // Marking in one batch needs to know the earlier marks (their conditional formats, or fills): read with the data, no extra round trip.
    const probe = options.mark ? probeMarks(host, await log.load()) : undefined;
    const { workbook, stats, facts } = await readWorkbook(host, probe === undefined ? {} : { alongside: probe.alongside });
    const result = checkWorkbook(workbook, checkOptions(options));
    const report: ValidationReport = { result, workbook, read: { syncs: stats.syncs, dataRequests: stats.dataRequests, cells: stats.cells } };
    // The findings can be shown now; the marks follow in their own round trip.
    await options.onChecked?.({ ...report });
    if (options.mark) {
      try {
        const lang = options.lang ?? languageFromLocale(host.displayLanguage());
        // Approved findings (kept on the workbook's approvals sheet) are not marked.
        const marked = await markFindings(host, log, reviewFindings(result, workbook).open, {
          notes: options.notes === true,
          lang,
          addressStyle,
          ...(probe === undefined ? {} : { known: probe.knowledge(facts) }),
        });
        report.marks = { cells: marked.cells, skippedSheets: marked.skippedSheets };
      } catch (err) {
        report.marks = { cells: 0, skippedSheets: [], error: toActionError(err).code };
      }
    }
    return report;
  }

  async function clearMarks(): Promise<void> {
    try {
      await clearAllMarks(host, log);
    } catch (err) {
      throw toActionError(err);
    }
  }

  /** What an action adds beyond `ApplyEditsOptions`: whether it may add sheets, and the charts it will add (kept in the log ahead). */
  interface ActionExtras {
    addSheets?: boolean;
    charts?: ChartRecord[];
  }

  async function applyEdits(edits: readonly CellEdit[], label: string, options: ApplyEditsOptions = {}, extras: ActionExtras = {}): Promise<ChangeLogEntry> {
    const entry: LogEntry = { id: newId(), label, at: Date.now(), cells: edits.length, state: 'pending', before: [], changes: [], ...(extras.charts === undefined ? {} : { charts: extras.charts }) };
    if (edits.length === 0) return publicEntry(entry);
    const sheets = [...new Set(edits.map((e) => e.sheet))];
    // A sheet whose edits all start from an empty cell may not exist yet: it is added in the write batch (unless the action must not add one).
    const creatable = extras.addSheets === false ? [] : sheets.filter((s) => edits.every((e) => e.sheet !== s || isEmptyContent(e.before)));
    const hideColumns = options.hideColumns ?? [];
    const hideSheets = [...new Set(options.hideSheets ?? [])];
    const lists = options.listValidations ?? [];
    const listLang = languageFromLocale(host.displayLanguage());
    try {
      await changeCells(
        host,
        edits,
        (states, info) => {
          const addSheets = creatable.filter((s) => info.missingSheets.has(s));
          refuseIfLocked(
            info,
            sheets.filter((s) => !addSheets.includes(s)),
          );
          edits.forEach((e, i) => {
            if (!holds(states[i] as CellState, e.before)) throw new ActionError('stale', `${e.sheet}!${e.cell}`);
          });
          const layout: LayoutChange = { addSheets };
          layout.columns = hideColumns
            .filter((c) => addSheets.includes(c.sheet) || (!info.missingSheets.has(c.sheet) && info.columnHidden.has(columnKey(c)) && info.columnHidden.get(columnKey(c)) !== true))
            .map((c) => ({ sheet: c.sheet, col: c.col, hidden: true }));
          // Never the last visible sheet (Excel refuses it).
          let visible = info.visibleSheets + addSheets.length;
          layout.sheets = [];
          for (const name of hideSheets) {
            const now = addSheets.includes(name) ? 'Visible' : info.visibility.get(name);
            if (now !== 'Visible' || visible <= 1) continue;
            layout.sheets.push({ name, visibility: 'Hidden' });
            visible--;
          }
          return { changes: edits.map(changeForEdit), layout };
        },
        {
          mergeUndoGroup: true,
          // Columns to hide on a sheet the edits do not touch are probed only if that sheet exists.
          mayBeMissing: [...creatable, ...hideColumns.map((c) => c.sheet).filter((s) => !sheets.includes(s))],
          probe: { columns: hideColumns, sheets: hideSheets },
          // Drop-down lists (the comments sheet's Status) go in the same write batch, where ExcelApi 1.8 allows.
          ...(lists.length > 0 && host.supports('1.8')
            ? { alsoQueue: (context: XlContext) => queueListValidations(context, lists, translate('review.signoff.alert.title', listLang), translate('review.signoff.alert.message', listLang)) }
            : {}),
          beforeWrite: async (before, changes, layoutBack) => {
            entry.before = before;
            entry.changes = changes;
            if (layoutBack !== undefined) entry.layoutBack = layoutBack;
            await log.update((l) => l.entries.push(entry));
          },
        },
      );
    } catch (err) {
      // Put back (by changeCells): the entry goes. Not put back: it stays, so "Ångra" can restore the cells.
      if (!(err instanceof UnrestoredError) && entry.before.length > 0) await log.update((l) => (l.entries = l.entries.filter((e) => e.id !== entry.id)));
      throw toActionError(err);
    }
    entry.state = 'done';
    await log.update((l) => {
      const stored = l.entries.find((e) => e.id === entry.id);
      if (stored !== undefined) stored.state = 'done';
    });
    return publicEntry(entry);
  }

  async function lastChange(): Promise<ChangeLogEntry | null> {
    const { entries } = await log.load();
    const last = entries[entries.length - 1];
    return last === undefined ? null : publicEntry(last);
  }

  async function undo(): Promise<ChangeLogEntry> {
    const { entries } = await log.load();
    const entry = entries[entries.length - 1];
    if (entry === undefined) throw new ActionError('nothing-to-undo');
    const sheets = [...new Set(entry.before.map((b) => b.sheet))];
    const back = entry.layoutBack;
    // Sheets the action added: deleted again, unless someone put more on them since.
    const added = back?.deleteSheets ?? [];
    const ours = new Set(entry.changes.map((c) => `${c.sheet}\u0000${c.cell}`));
    try {
      await changeCells(
        host,
        entry.before,
        (states, info) => {
          refuseIfLocked(
            info,
            sheets.filter((s) => !(added.includes(s) && info.missingSheets.has(s))),
          );
          const restores: CellChange[] = [];
          entry.changes.forEach((change, i) => {
            if (info.missingSheets.has(change.sheet)) return; // an added sheet someone deleted since: nothing to restore
            const now = states[i] as CellState;
            const before = entry.before[i] as CellState;
            // Each cell must still hold what the action wrote (or, after a failed action, what it held before).
            const mine = change.content === undefined || holds(now, change.content) || holds(now, contentOf(before));
            if (!mine) throw new ActionError('stale', `${change.sheet}!${change.cell}`);
            restores.push(restoreChange(before, change));
          });
          const deleteSheets = added.filter((n) => !info.missingSheets.has(n) && [...(info.contents.get(n) ?? [])].every((a) => ours.has(`${n}\u0000${a}`)));
          const exists = (n: string): boolean => !info.missingSheets.has(n) && !deleteSheets.includes(n);
          const layout: LayoutChange = {
            columns: (back?.columns ?? []).filter((c) => exists(c.sheet)),
            sheets: (back?.sheets ?? []).filter((x) => exists(x.name)),
            deleteSheets,
          };
          return { changes: restores.filter((c) => !deleteSheets.includes(c.sheet)), layout };
        },
        { mergeUndoGroup: true, mayBeMissing: added, probe: { contentsOf: added } },
      );
      // The charts it added, after the cells (a refusal above leaves them too); those on a deleted sheet went with it.
      await removeCharts(host, entry.charts ?? []);
    } catch (err) {
      throw toActionError(err);
    }
    await log.update((l) => (l.entries = l.entries.filter((e) => e.id !== entry.id)));
    return publicEntry(entry);
  }

  async function select(sheet: string, cell: string): Promise<void> {
    try {
      await host.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (err) {
      throw toActionError(err);
    }
  }

  async function insertChart(planned: ChartPlan): Promise<InsertedChartAction> {
    // Beside the table unless Excel shows what the grid could not: a protected sheet, a chart in the way.
    let plan = planned;
    let moved: BesideTableObstacle | undefined;
    if (planned.placement === 'beside-table' && planned.onNewSheet !== undefined) {
      try {
        moved = await obstacleBesideTable(host, planned);
      } catch (err) {
        throw toActionError(err);
      }
      if (moved !== undefined) plan = planned.onNewSheet;
    }
    // Named so that Ångra finds it again; the log holds the name before the chart exists.
    const chart: ChartRecord = { sheet: plan.sheet, name: `${CHART_NAME_PREFIX} ${newId()}` };
    // Beside the table, the table's sheet must still be there: never a new sheet in its name.
    const entry = await applyEdits(plan.edits, 'action.chart', {}, { addSheets: plan.placement === 'new-sheet', charts: [chart] });
    try {
      const added = await addVarianceChart(host, plan, chart.name);
      return { entry, type: added.type, plan, ...(moved === undefined ? {} : { moved }) };
    } catch (err) {
      // No chart: the figures (and a new sheet) go again, with a chart the failed batch may have left, so nothing half-made is left.
      await undo().catch(() => undefined);
      throw toActionError(err);
    }
  }

  const selfTest = (): Promise<SelfTestReport> => runSelfTest(host, { store, scratch: (h, s) => createActions(h, { store: s }) });

  return { validate, clearMarks, applyEdits, lastChange, undo, select, insertChart, displayLanguage: () => host.displayLanguage(), selfTest };
}
