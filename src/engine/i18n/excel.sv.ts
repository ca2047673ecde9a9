import type { LanguagePack } from './index';

/** The Excel adapter's errors (`action-error.<code>`) and the self-test (`selftest.*`), Swedish. */
export const excelSv: LanguagePack = {
  'action-error.undo-unsupported': 'Excel kunde inte lägga ändringen i ett enda ångra-steg. Inget har ändrats; försök igen.',
  'action-error.inactive-workbook': 'Arbetsboken är inte den aktiva. Klicka i arbetsboken och försök igen. Inget har ändrats.',
  'action-error.invalid-argument': 'Excel godtog inte begäran (ogiltigt argument). Inget har ändrats; kör Självtest under Inställningar och bifoga rapporten i en felanmälan.',
  'action-error.unresponsive': 'Excel svarar inte ännu. Vänta en stund och försök igen.',
  'commands.validated': 'Avvikelsekollen: {count} celler markerade. Öppna Avvikelsekollen för detaljer.',
  'commands.validated.none': 'Avvikelsekollen: inga avvikelser hittades.',
  'selftest.title': 'Självtest',
  'selftest.intro': 'Provar varje sätt tillägget använder Excel på, på ett tillfälligt dolt blad som tas bort efteråt. Dina blad rörs inte.',
  'selftest.run': 'Kör självtest',
  'selftest.running': 'Kör självtest…',
  'selftest.copy': 'Kopiera rapporten',
  'selftest.copied': 'Rapporten är kopierad.',
  'selftest.passed': 'Alla {count} steg gick bra.',
  'selftest.failed': '{failed} av {count} steg misslyckades. Bifoga rapporten i en felanmälan.',
};
