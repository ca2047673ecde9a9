import type { LanguagePack } from './index';

/**
 * Commentary, Swedish: the default draft templates
 * (`commentary.mall.<template id>`), the words they are filled with, the
 * comments sheet's texts and the narrative check's messages.
 */
export const commentarySv: LanguagePack = {
  // Draft templates. Placeholders: see TEMPLATE_PLACEHOLDERS in src/engine/commentary/templates.ts.
  // Amounts are filled without a sign (the words carry it); a no-break space joins a figure and its unit.
  'commentary.mall.avdelning.avvikelse.positiv': '{enhet} visar en {riktning} budgetavvikelse med {avvikelse_mnkr}\u00a0mnkr.',
  'commentary.mall.avdelning.avvikelse.negativ': '{enhet} visar en {riktning} budgetavvikelse med {avvikelse_mnkr}\u00a0mnkr.',
  'commentary.mall.avdelning.i_nivå': '{enhet} visar ett utfall i nivå med budget ({riktning_med_artikel} avvikelse med {avvikelse_mnkr}\u00a0mnkr).',
  'commentary.mall.avdelning.i_nivå.noll': '{enhet} visar ett utfall i nivå med budget.',
  'commentary.mall.summa.avvikelse.positiv': '{enhet} visar sammantaget en {riktning} budgetavvikelse med {avvikelse_mnkr}\u00a0mnkr.',
  'commentary.mall.summa.avvikelse.negativ': '{enhet} visar sammantaget en {riktning} budgetavvikelse med {avvikelse_mnkr}\u00a0mnkr.',
  'commentary.mall.summa.i_nivå': '{enhet} visar sammantaget ett utfall i nivå med budget ({riktning_med_artikel} avvikelse med {avvikelse_mnkr}\u00a0mnkr).',
  'commentary.mall.summa.i_nivå.noll': '{enhet} visar sammantaget ett utfall i nivå med budget.',
  'commentary.mall.utfall.nettokostnad': 'Nettokostnaden blev {utfall_mnkr}\u00a0mnkr mot en budget på {budget_mnkr}\u00a0mnkr.',
  'commentary.mall.utfall.nettointäkt': 'Nettointäkten blev {utfall_mnkr}\u00a0mnkr mot en budget på {budget_mnkr}\u00a0mnkr.',
  'commentary.mall.utfall.nettointäkt_mot_budgeterad_kostnad': 'Utfallet blev en nettointäkt på {utfall_mnkr}\u00a0mnkr mot en budgeterad nettokostnad på {budget_mnkr}\u00a0mnkr.',
  'commentary.mall.utfall.nettokostnad_mot_budgeterad_intäkt': 'Utfallet blev en nettokostnad på {utfall_mnkr}\u00a0mnkr mot en budgeterad nettointäkt på {budget_mnkr}\u00a0mnkr.',
  'commentary.mall.förändring': 'Jämfört med {år_föregående} har {nettopost} {förändring_riktning} med {förändring_mnkr}\u00a0mnkr ({förändring_procent}\u00a0%).',
  'commentary.mall.förändring.oförändrad': 'Jämfört med {år_föregående} är {nettopost} i stort sett oförändrad.',
  'commentary.mall.förändring.teckenbyte': 'Jämfört med {år_föregående} har resultatet gått från {från_post} på {från_mnkr}\u00a0mnkr till {till_post} på {till_mnkr}\u00a0mnkr.',
  'commentary.mall.förändring.nollbas': 'Jämfört med {år_föregående}, då utfallet var noll, uppgår {nettopost} nu till {utfall_mnkr}\u00a0mnkr.',
  'commentary.mall.förändring.låg_bas': 'Jämfört med {år_föregående} har {nettopost} {förändring_riktning} med {förändring_mnkr}\u00a0mnkr, från en låg nivå ({bokslut_mnkr}\u00a0mnkr).',
  'commentary.mall.summa.bidrag.två': 'Störst bidrag till avvikelsen ger {enhet_1} ({avvikelse_1_mnkr}\u00a0mnkr) och {enhet_2} ({avvikelse_2_mnkr}\u00a0mnkr).',
  'commentary.mall.summa.bidrag.en': 'Störst bidrag till avvikelsen ger {enhet_1} ({avvikelse_1_mnkr}\u00a0mnkr).',
  'commentary.mall.summa.kontogrupper.två': 'Avvikelsen återfinns främst inom {kontogrupp_1} ({kontogrupp_1_mnkr}\u00a0mnkr) och {kontogrupp_2} ({kontogrupp_2_mnkr}\u00a0mnkr).',
  'commentary.mall.summa.kontogrupper.en': 'Avvikelsen återfinns främst inom {kontogrupp_1} ({kontogrupp_1_mnkr}\u00a0mnkr).',
  'commentary.mall.lucka': '[Förklara avvikelsen: …]',

  // Words the templates are filled with.
  'commentary.ord.positiv': 'positiv',
  'commentary.ord.negativ': 'negativ',
  'commentary.ord.en_positiv': 'en positiv',
  'commentary.ord.en_negativ': 'en negativ',
  'commentary.ord.ökat': 'ökat',
  'commentary.ord.minskat': 'minskat',
  'commentary.ord.nettokostnaden': 'nettokostnaden',
  'commentary.ord.nettointäkten': 'nettointäkten',
  'commentary.ord.en_nettokostnad': 'en nettokostnad',
  'commentary.ord.en_nettointäkt': 'en nettointäkt',
  'commentary.ord.år': 'i år',
  'commentary.ord.år_föregående': 'föregående år',
  'commentary.kontogrupp.3': 'intäkter',
  'commentary.kontogrupp.4': 'inköp av tillgångar och verksamhet samt bidrag',
  'commentary.kontogrupp.5': 'personalkostnader',
  'commentary.kontogrupp.6A': 'lokalhyror',
  'commentary.kontogrupp.6B': 'entreprenad-, fastighets- och övriga kostnader',
  'commentary.kontogrupp.7': 'övriga kostnader',

  // The comments sheet.
  'commentary.sheet.kod': 'Kod',
  'commentary.sheet.enhet': 'Enhet',
  'commentary.sheet.avvikelse': 'Avvikelse (tkr)',
  'commentary.sheet.förändring': 'Förändr%',
  'commentary.sheet.kommentar': 'Kommentar',
  'commentary.sheet.status': 'Status',
  'commentary.sheet.källa': 'Källa',
  'commentary.sheet.summa': '{enhet}, totalt',
  'commentary.status.utkast': 'Utkast',
  'commentary.status.uppdaterat': 'Utkast, uppdaterat med nya siffror',
  'commentary.status.redigerad': 'Redigerad för hand, behålls',
  'commentary.status.egen': 'Egen text, behålls',
  'commentary.status.saknas': 'Enheten finns inte längre i tabellerna',

  // Template problems (returned as data, shown by the CLI and the task pane).
  'commentary.template.unknown-placeholder': 'Mallen {mall} använder platshållaren {{platshållare}}, som inte finns i den mallen (tillåtna: {tillåtna}). Standardtexten används i stället.',
  'commentary.template.unbalanced': 'Mallen {mall} har en klammer {} som inte är parad. Standardtexten används i stället.',
  'commentary.template.unknown-id': 'Mallen {mall} (cell {cell} på bladet {blad}) finns inte och används inte.',

  // Rule narrative-mismatch.
  'rule.narrative-mismatch.name': 'Kommentaren stämmer inte',
  'narrative-mismatch': 'Kommentaren stämmer inte med tabellen.',
  'narrative-mismatch.amount': 'Kommentaren för {kod} anger avvikelsen {angivet}, men tabellen visar {förväntat} {enhet_belopp} ({tkr} tkr i {tabell}).',
  'narrative-mismatch.direction': 'Kommentaren för {kod} beskriver avvikelsen som {angiven_riktning}, men tabellen visar {förväntat} {enhet_belopp} ({tkr} tkr i {tabell}).',
  'narrative-mismatch.riktning.positiv': 'positiv',
  'narrative-mismatch.riktning.negativ': 'negativ',
  // Command line: avvikelsekollen comment.
  'cli.comment.written':
    'Skrev {output}: bladet Kommentarer med {rows} rader ({new} nya utkast, {refreshed} uppdaterade, {unchanged} oförändrade, {kept} texter skrivna för hand behålls, {missing} enheter saknas i tabellerna).',
  'cli.comment.mismatch-heading': 'Kommentarer som inte stämmer med tabellerna ({count}):',
  'cli.comment.mismatch': '  {sheet}!{cell}: {message}',
  'cli.comment.template-issue': 'Mall: {message}',
};
