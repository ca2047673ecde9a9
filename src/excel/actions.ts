/**
 * What the task pane and the ribbon commands can ask of a workbook. One
 * implementation talks to Excel through Office.js; another runs the same code
 * against the test host (demo mode, tests). The task pane depends only on
 * this interface.
 */
import type { CellEdit, CheckOptions, CheckResult, ListValidation, WorkbookGrid } from '../engine';
import type { SelfTestReport } from './self-test-report';
import type { ChartPlan } from '../engine';

export interface ValidateOptions extends Partial<CheckOptions> {
  /**
   * Mark every finding's cell with its severity's colour (replacing earlier
   * marks): a conditional format over the cells where ExcelApi 1.9 allows
   * (the cells' own formatting untouched), else the cells' fill.
   */
  mark: boolean;
  /** Also add a note with the message where notes are supported (ExcelApi 1.18). */
  notes?: boolean;
  /** Language of notes. */
  lang?: 'sv' | 'en';
  /**
   * Called with the report as soon as the checks are done, before the cells
   * are marked (the marking is one more round trip): the findings can be
   * listed first. Marking starts when the promise it returns (if any)
   * settles, e.g. once the list is painted. `validate` then resolves with the
   * same result and grid, and `marks`.
   */
  onChecked?: (report: ValidationReport) => void | Promise<void>;
}

export interface ValidationReport {
  result: CheckResult;
  /** The grid that was read, for planning fixes and drafting commentary. */
  workbook: WorkbookGrid;
  /** How the workbook was read: round trips, of which carried cell data, and cells in all used ranges. */
  read?: { syncs: number; dataRequests: number; cells: number };
  /**
   * What marking did (when `mark` was asked): cells marked, sheets left
   * unmarked because they are protected, and why marking failed if it did.
   * A marking failure never loses the findings: the report is still returned.
   */
  marks?: { cells: number; skippedSheets: string[]; error?: ActionErrorCode };
}

/** What "Infoga diagram" did: its log entry, the chart type, the plan it carried out, and why a chart planned beside its table went on a new sheet. */
export interface InsertedChartAction {
  entry: ChangeLogEntry;
  type: 'Waterfall' | 'BarClustered';
  /** The plan carried out: the one asked for, or its `onNewSheet`. */
  plan: ChartPlan;
  /** Set when the chart went on a new sheet although planned beside its table. */
  moved?: 'protected' | 'chart';
}

/** Why an action failed, as a code the language packs translate (`action-error.<code>`). */
export type ActionErrorCode =
  | 'protected'
  | 'editing'
  | 'connection'
  | 'stale'
  | 'too-large'
  | 'readonly'
  | 'nothing-to-undo'
  /** Excel refused to put a step in one undo group (UndoNotSupported). */
  | 'undo-unsupported'
  /** The workbook is not the active one (InactiveWorkbook: another window has focus). */
  | 'inactive-workbook'
  /** Excel refused an argument (InvalidArgument), e.g. an address list in a locale it did not expect. */
  | 'invalid-argument'
  /** Office.js did not start within its time in Excel (the pane offers a retry). */
  | 'unresponsive'
  | 'unknown';

/**
 * A failed action. The workbook is as it was before the action (or restored);
 * `code` says why in terms the task pane can translate.
 */
export class ActionError extends Error {
  constructor(
    public readonly code: ActionErrorCode,
    detail?: string,
  ) {
    super(detail === undefined ? code : `${code}: ${detail}`);
    this.name = 'ActionError';
  }
}

/** One entry of the add-in's own change log, restorable by `undo`. */
export interface ChangeLogEntry {
  id: string;
  /** Message id of what was done (`action.fix`, `action.mark`, `action.comments`). */
  label: string;
  at: number;
  cells: number;
}

/**
 * What `applyEdits` may do besides writing cells, in the same batch (ExcelApi
 * 1.7: `range.columnHidden`, `worksheet.visibility`). Optional: callers that
 * pass nothing get exactly the behaviour they had.
 */
export interface ApplyEditsOptions {
  /** Columns (0-based) to hide, e.g. the comments sheet's fingerprint column. */
  hideColumns?: { sheet: string; col: number }[];
  /** Sheets to hide if they exist, e.g. the template sheet (never the last visible one). */
  hideSheets?: string[];
  /**
   * Drop-down lists to put on ranges in the same write batch (ExcelApi 1.8;
   * skipped without it), e.g. the comments sheet's Status column. Not part of
   * what Ångra restores (a sheet the action added goes with its lists).
   */
  listValidations?: ListValidation[];
}

export interface WorkbookActions {
  /** Reads every sheet (at most 2 syncs), runs the checks and, if asked, marks the cells. */
  validate(options: ValidateOptions): Promise<ValidationReport>;
  /**
   * Takes every mark away, leaving each cell as the economist formatted it
   * (conditional-format marks deleted; filled marks given their own previous
   * fill back, no fill included), and removes the add-in's notes.
   */
  clearMarks(): Promise<void>;
  /**
   * Writes the edits in one batch, after checking that every cell still holds
   * `edit.before` (else `ActionError('stale')` and nothing is written), and
   * records value, formula, number format and fill of every touched cell in the
   * change log so `undo` can restore them exactly.
   *
   * A write that fails (`protected`, `editing`, `readonly`, `connection`) is put
   * back before the error is thrown. Only when Excel cannot be reached to put
   * it back (the connection stays lost) does the action stay on the change log:
   * then `lastChange()` returns it and `undo()` restores the cells later.
   * Round trips: 2 (check the cells, write them all).
   *
   * A sheet whose edits all start from an empty cell (`before` empty), such as
   * a new Kommentarer sheet, may be missing: it is then added in the same
   * write batch (one more round trip first, to learn whether it exists).
   * `undo` deletes a sheet the action added, when nothing but the action's
   * own cells is on it; otherwise it only restores the cells (leaving the
   * sheet). Columns and sheets hidden by `options` are shown again by `undo`.
   */
  applyEdits(edits: readonly CellEdit[], label: string, options?: ApplyEditsOptions): Promise<ChangeLogEntry>;
  /** The newest change-log entry that can be undone, if any (survives closing and reopening the pane). */
  lastChange(): Promise<ChangeLogEntry | null>;
  /** Restores the cells of the newest change-log entry exactly; returns it. */
  undo(): Promise<ChangeLogEntry>;
  /** Activates the sheet and selects the cell. */
  select(sheet: string, cell: string): Promise<void>;
  /**
   * "Infoga diagram": writes the chart's figures on the plan's new sheet
   * (`applyEdits`, so Ångra deletes the sheet and the chart on it) and adds a
   * waterfall (ExcelApi 1.9) or clustered bar chart over them. If the chart
   * cannot be added, the sheet is taken away again.
   */
  insertChart?(plan: ChartPlan): Promise<InsertedChartAction>;
  /** Excel's display language (`sv-SE`), or the browser's in demo mode. */
  displayLanguage(): string;
  /**
   * Självtest: every Office.js path the add-in uses, on a temporary hidden
   * sheet, cleaned up afterwards (see self-test.ts). Never throws.
   */
  selfTest(): Promise<SelfTestReport>;
}
