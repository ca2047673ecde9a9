/**
 * What Validera checked, as the pane lists it: every table found (also those
 * without findings) with the columns it understood, its unit and sign
 * convention, and the rules that ran. Pure functions.
 */
import { columnLetter, type Finding, type Language, type Measure, type RuleId, type VarianceTable } from '../engine';
import { paneText } from './i18n';

export interface CheckedTable {
  id: string;
  sheet: string;
  /** `RN3 (A3:F20)`. */
  label: string;
  /** `12 rader · belopp i tkr · kostnader negativa: Avvikelse = Utfall − Budget`. */
  details: string;
  /** `Bokslut B, Utfall C, Budget D, Avvikelse E, Förändring % F`. */
  columns: string;
  findings: number;
}

const MEASURE_ORDER: readonly Measure[] = ['previous', 'actual', 'budget', 'variance', 'change'];

/** A table as the "Kontrollerat" list shows it. */
export function checkedTable(table: VarianceTable, findings: readonly Finding[], lang: Language): CheckedTable {
  const range = table.id.includes('!') ? table.id.slice(table.id.lastIndexOf('!') + 1) : table.id;
  const name = table.kind === 'rn' ? (table.level ?? 'RN') : paneText('taskpane.table.kontogrupp', lang);
  const columns = MEASURE_ORDER.flatMap((m) => {
    const c = table.columns[m];
    return c === undefined ? [] : [paneText('taskpane.checked.column', lang, { measure: paneText(`taskpane.measure.${m}`, lang), column: columnLetter(c.col) })];
  });
  return {
    id: table.id,
    sheet: table.sheet,
    label: paneText('taskpane.table.label', lang, { name, range }),
    details: paneText('taskpane.checked.details', lang, {
      rows: paneText(table.rows.length === 1 ? 'taskpane.checked.rows.one' : 'taskpane.checked.rows.other', lang, { count: table.rows.length }),
      unit: table.unit,
      convention: paneText(`taskpane.convention.${table.convention}`, lang),
    }),
    columns: columns.join(', '),
    findings: findings.filter((f) => f.tableId === table.id).length,
  };
}

/** The rules that ran, by name, in the order they run. */
export function rulesRun(ids: readonly RuleId[], lang: Language): string[] {
  return ids.map((id) => paneText(`rule.${id}.name`, lang));
}
