/**
 * The self-test's report and its text (no other imports: the pane's
 * settings load this without the Excel adapter).
 */

export interface StepResult {
  id: string;
  title: string;
  outcome: 'ok' | 'failed' | 'skipped';
  detail?: string;
  /** The Office.js error code (`AccessDenied`, `UndoNotSupported` …) of a failure. */
  code?: string;
}

export interface SelfTestReport {
  at: string;
  version: string;
  platform: string;
  language: string;
  sets: Record<string, boolean>;
  steps: StepResult[];
  /** The cleanup removed every self-test sheet and the workbook has the sheets it had before. */
  cleanedUp: boolean;
}

/** The report as plain text to copy into a bug report. */
export function formatSelfTestReport(report: SelfTestReport): string {
  const sets = Object.entries(report.sets)
    .map(([name, ok]) => `${name} ${ok ? 'ja' : 'nej'}`)
    .join(', ');
  const lines = [
    `Avvikelsekollen självtest ${report.at}`,
    `Excel: ${report.version}, plattform ${report.platform}, språk ${report.language}`,
    `Kravuppsättningar: ${sets}`,
    ...report.steps.map(
      (s) =>
        `${s.outcome === 'ok' ? 'OK' : s.outcome === 'skipped' ? 'HOPPADES ÖVER' : 'FEL'}  ${s.id}: ${s.title}${s.detail === undefined ? '' : ` – ${s.detail}`}${s.code === undefined ? '' : ` [${s.code}]`}`,
    ),
    report.cleanedUp ? 'Städning: klar, inga spår kvar.' : 'Städning: INTE klar – se stegen ovan.',
  ];
  return lines.join('\n');
}
