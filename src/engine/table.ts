/**
 * The model of a detected budget follow-up table (RN or kontogrupp table).
 */

/** The five standard value columns, by meaning. */
export type Measure = 'previous' | 'actual' | 'budget' | 'variance' | 'change';

export const MEASURES: readonly Measure[] = ['previous', 'actual', 'budget', 'variance', 'change'];

export type TableKind = 'rn' | 'kontogrupp';

/** The unit of a table's amounts: tkr (the standard), kr or mnkr when its title, header or number format says so. */
export type AmountUnit = 'kr' | 'tkr' | 'mnkr';

/** Amounts in `unit` × this factor are tkr. */
export function tkrFactor(unit: AmountUnit): number {
  return unit === 'kr' ? 0.001 : unit === 'mnkr' ? 1000 : 1;
}

/**
 * How a table signs its amounts. `costs-negative` (Örebro's layout): costs and
 * net costs are negative, revenues positive, variance = actual − budget.
 * `costs-positive`: costs and net costs are positive, variance = budget − actual.
 * Either way a positive variance is favourable.
 */
export type SignConvention = 'costs-negative' | 'costs-positive';

/** A value column of a table and what its header says. */
export interface TableColumn {
  /** 0-based column index on the sheet. */
  col: number;
  /** The header text, all header rows joined with a newline. */
  header: string;
  /** The four-digit years (1990–2099) the header mentions, in order. */
  years: number[];
  /** The row (0-based) of the header cell that names the years, for findings about them. */
  headerRow: number;
}

/**
 * The roles a value column can have: the five standard measures, and those
 * other kommuners' layouts add: `changeAmount` (Förändring tkr), `forecast`
 * (Prognos helår), `forecastVariance` (Avvikelse prognos), and the parts of
 * the net: `income` (Intäkter), `cost` (Kostnader), `net` (Netto, Nettokostnad).
 */
export type ColumnRole = Measure | 'changeAmount' | 'forecast' | 'forecastVariance' | 'income' | 'cost' | 'net';

/** The roles beyond the five, in the order the JSON output lists them. */
export const EXTRA_ROLES: readonly Exclude<ColumnRole, Measure>[] = ['changeAmount', 'forecast', 'forecastVariance', 'income', 'cost', 'net'];

/** An extra column that is not one of the five (Prognos helår, Avvikelse prognos, Intäkter 2022 …). */
export interface ExtraColumn extends TableColumn {
  kind: 'forecast' | 'forecast-variance' | 'change-amount' | 'income' | 'cost' | 'net' | 'other';
}

/**
 * An identity the table's figures keep on (most of) their rows: in each row,
 * the `result` column equals the signed sum of the `terms` columns. Found by
 * detection from headers and confirmed by the figures: Avv = Utfall − Budget,
 * Netto = Intäkter + Kostnader, Förändring tkr = Utfall − Bokslut.
 */
export interface ColumnRelation {
  /** What the result column is: the rules report a broken `variance` or `forecastVariance` as variance-mismatch, the rest as row-arithmetic. */
  meaning: 'variance' | 'forecastVariance' | 'changeAmount' | 'net';
  result: number;
  terms: { col: number; sign: 1 | -1 }[];
}

/** A column whose header names a relation the figures contradict on most rows: a misreading, said once. */
export interface UnreconciledColumn {
  col: number;
  header: string;
  /** What the header suggested. */
  role: ColumnRole;
  /** Rows where the relation could be checked, and rows where it held. */
  checked: number;
  agreeing: number;
}

/** One data row (one unit or one account group). */
export interface TableRow {
  /** 0-based row index on the sheet. */
  row: number;
  /** The unit or account-group code: `KLC`, `6A`. Empty when the label has none. */
  code: string;
  /** The name: `Kansli Centerpartiet`, `Lokalhyror`. */
  name: string;
  /**
   * For a subtotal, a nämnd row above its verksamheter, or the total: the
   * sheet rows whose figures it adds up. Absent for a plain row.
   */
  parts?: number[];
}

/**
 * A detected RN or kontogrupp table. Positions are 0-based sheet coordinates.
 */
export interface VarianceTable {
  /** Stable id within one validation: `Sheet!A3:F20`. */
  id: string;
  sheet: string;
  kind: TableKind;
  /** `RN3` for an RN table, null for a kontogrupp table. */
  level: string | null;
  /** Text above the header that names the table or its unit, if any (`Kommunledning`). */
  title: string | null;
  /** First and last header row. */
  headerTop: number;
  headerBottom: number;
  /** Column of the code (or of the whole padded label), and of the name when split. */
  labelCol: number;
  nameCol: number | null;
  /**
   * The value columns by role: the five standard ones and, where the table
   * has them, the roles of `ColumnRole` beyond (this year's Intäkter,
   * Prognos …). A missing one is undefined. A column may have two roles
   * (Nettokostnad is both `actual` and `net`).
   */
  columns: Partial<Record<ColumnRole, TableColumn>>;
  /** Every value column that is not one of the five (with a role or not), in sheet order. */
  extraColumns: ExtraColumn[];
  /** The identities between columns that the figures confirm; the rules check each row against them. */
  relations: ColumnRelation[];
  /** Header guesses the figures contradict (at most reported once, as info). */
  unreconciled: UnreconciledColumn[];
  /** Rows with a label and no figures that head a group of rows (`Gemensamma verksamheter`). */
  sections: TableRow[];
  /** How the change % is stored: already × 100 (`0,0`) or as a fraction (`0,0%`). */
  changeUnit: 'percent' | 'fraction';
  /**
   * The unit of the amounts (Bokslut, Utfall, Budget, Avv, Prognos): `tkr`
   * unless the title above the table, a header cell or the cells' number
   * format says kr (`Belopp i kr`, `Budget (kr)`, `#,##0 "kr"`). The rules
   * compare figures within the table, so they need no conversion; whatever
   * states amounts in tkr or mnkr (commentary, narrative check) converts.
   */
  unit: AmountUnit;
  /** Which sign convention the table's figures follow (see `SignConvention`). */
  convention: SignConvention;
  rows: TableRow[];
  /** The total row, if the table has one. */
  total: TableRow | null;
  /** The table's extent: header top-left to last row and last value column. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}
