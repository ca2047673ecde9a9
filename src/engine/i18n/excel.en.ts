import type { LanguagePack } from './index';

/** The Excel adapter's errors (`action-error.<code>`) and the self-test (`selftest.*`), English. */
export const excelEn: LanguagePack = {
  'action-error.undo-unsupported': 'Excel could not put the change in a single undo step. Nothing was changed; try again.',
  'action-error.inactive-workbook': 'The workbook is not the active one. Click in the workbook and try again. Nothing was changed.',
  'action-error.invalid-argument': 'Excel did not accept the request (invalid argument). Nothing was changed; run the Self-test under Settings and attach its report to a bug report.',
  'action-error.unresponsive': 'Excel is not responding yet. Wait a moment and try again.',
  'commands.validated': 'Avvikelsekollen: {count} cells marked. Open Avvikelsekollen for details.',
  'commands.validated.none': 'Avvikelsekollen: no deviations found.',
  'selftest.title': 'Self-test',
  'selftest.intro': 'Tries every way the add-in uses Excel, on a temporary hidden sheet that is removed afterwards. Your sheets are not touched.',
  'selftest.run': 'Run self-test',
  'selftest.running': 'Running self-test…',
  'selftest.copy': 'Copy the report',
  'selftest.copied': 'The report is copied.',
  'selftest.passed': 'All {count} steps passed.',
  'selftest.failed': '{failed} of {count} steps failed. Attach the report to a bug report.',
};
