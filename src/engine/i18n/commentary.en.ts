import type { LanguagePack } from './index';

/** Commentary, English: same keys and placeholders as commentary.sv.ts. */
export const commentaryEn: LanguagePack = {
  // Amounts are filled without a sign (the words carry it); no-break spaces join SEK, the figure and million.
  'commentary.mall.avdelning.avvikelse.positiv': '{enhet} shows a favourable budget variance of SEK\u00a0{avvikelse_mnkr}\u00a0million.',
  'commentary.mall.avdelning.avvikelse.negativ': '{enhet} shows an unfavourable budget variance of SEK\u00a0{avvikelse_mnkr}\u00a0million.',
  'commentary.mall.avdelning.i_nivå': '{enhet} shows an outcome in line with budget ({riktning_med_artikel} variance of SEK\u00a0{avvikelse_mnkr}\u00a0million).',
  'commentary.mall.avdelning.i_nivå.noll': '{enhet} shows an outcome in line with budget.',
  'commentary.mall.summa.avvikelse.positiv': '{enhet} shows an overall favourable budget variance of SEK\u00a0{avvikelse_mnkr}\u00a0million.',
  'commentary.mall.summa.avvikelse.negativ': '{enhet} shows an overall unfavourable budget variance of SEK\u00a0{avvikelse_mnkr}\u00a0million.',
  'commentary.mall.summa.i_nivå': '{enhet} shows an overall outcome in line with budget ({riktning_med_artikel} variance of SEK\u00a0{avvikelse_mnkr}\u00a0million).',
  'commentary.mall.summa.i_nivå.noll': '{enhet} shows an overall outcome in line with budget.',
  'commentary.mall.utfall.nettokostnad': 'The net cost was SEK\u00a0{utfall_mnkr}\u00a0million against a budget of SEK\u00a0{budget_mnkr}\u00a0million.',
  'commentary.mall.utfall.nettointäkt': 'The net income was SEK\u00a0{utfall_mnkr}\u00a0million against a budget of SEK\u00a0{budget_mnkr}\u00a0million.',
  'commentary.mall.utfall.nettointäkt_mot_budgeterad_kostnad':
    'The outcome was a net income of SEK\u00a0{utfall_mnkr}\u00a0million against a budgeted net cost of SEK\u00a0{budget_mnkr}\u00a0million.',
  'commentary.mall.utfall.nettokostnad_mot_budgeterad_intäkt':
    'The outcome was a net cost of SEK\u00a0{utfall_mnkr}\u00a0million against a budgeted net income of SEK\u00a0{budget_mnkr}\u00a0million.',
  'commentary.mall.förändring': 'Compared with {år_föregående}, {nettopost} has {förändring_riktning} by SEK\u00a0{förändring_mnkr}\u00a0million ({förändring_procent}%).',
  'commentary.mall.förändring.oförändrad': 'Compared with {år_föregående}, {nettopost} is broadly unchanged.',
  'commentary.mall.förändring.teckenbyte':
    'Compared with {år_föregående}, the result has gone from {från_post} of SEK\u00a0{från_mnkr}\u00a0million to {till_post} of SEK\u00a0{till_mnkr}\u00a0million.',
  'commentary.mall.förändring.nollbas': 'Compared with {år_föregående}, when the outcome was zero, {nettopost} now amounts to SEK\u00a0{utfall_mnkr}\u00a0million.',
  'commentary.mall.förändring.låg_bas':
    'Compared with {år_föregående}, {nettopost} has {förändring_riktning} by SEK\u00a0{förändring_mnkr}\u00a0million from a low level (SEK\u00a0{bokslut_mnkr}\u00a0million).',
  'commentary.mall.summa.bidrag.två':
    'The largest contributions to the variance come from {enhet_1} (SEK\u00a0{avvikelse_1_mnkr}\u00a0million) and {enhet_2} (SEK\u00a0{avvikelse_2_mnkr}\u00a0million).',
  'commentary.mall.summa.bidrag.en': 'The largest contribution to the variance comes from {enhet_1} (SEK\u00a0{avvikelse_1_mnkr}\u00a0million).',
  'commentary.mall.summa.kontogrupper.två': 'The variance lies mainly in {kontogrupp_1} (SEK\u00a0{kontogrupp_1_mnkr}\u00a0million) and {kontogrupp_2} (SEK\u00a0{kontogrupp_2_mnkr}\u00a0million).',
  'commentary.mall.summa.kontogrupper.en': 'The variance lies mainly in {kontogrupp_1} (SEK\u00a0{kontogrupp_1_mnkr}\u00a0million).',
  'commentary.mall.lucka': '[Explain the variance: …]',

  'commentary.ord.positiv': 'favourable',
  'commentary.ord.negativ': 'unfavourable',
  'commentary.ord.en_positiv': 'a favourable',
  'commentary.ord.en_negativ': 'an unfavourable',
  'commentary.ord.ökat': 'increased',
  'commentary.ord.minskat': 'decreased',
  'commentary.ord.nettokostnaden': 'the net cost',
  'commentary.ord.nettointäkten': 'the net income',
  'commentary.ord.en_nettokostnad': 'a net cost',
  'commentary.ord.en_nettointäkt': 'a net income',
  'commentary.ord.år': 'this year',
  'commentary.ord.år_föregående': 'last year',
  'commentary.kontogrupp.3': 'revenue',
  'commentary.kontogrupp.4': 'purchases of goods and services and grants',
  'commentary.kontogrupp.5': 'staff costs',
  'commentary.kontogrupp.6A': 'premises rent',
  'commentary.kontogrupp.6B': 'contracting, property and other costs',
  'commentary.kontogrupp.7': 'other costs',

  'commentary.sheet.kod': 'Code',
  'commentary.sheet.enhet': 'Unit',
  'commentary.sheet.avvikelse': 'Variance (SEK k)',
  'commentary.sheet.förändring': 'Change %',
  'commentary.sheet.kommentar': 'Comment',
  'commentary.sheet.status': 'Status',
  'commentary.sheet.källa': 'Source',
  'commentary.sheet.summa': '{enhet}, total',
  'commentary.status.utkast': 'Draft',
  'commentary.status.uppdaterat': 'Draft, updated with new figures',
  'commentary.status.redigerad': 'Edited by hand, kept',
  'commentary.status.egen': 'Own text, kept',
  'commentary.status.saknas': 'The unit is no longer in the tables',

  'commentary.template.unknown-placeholder': 'Template {mall} uses the placeholder {{platshållare}}, which that template does not have (allowed: {tillåtna}). The default text is used instead.',
  'commentary.template.unbalanced': 'Template {mall} has an unpaired brace {}. The default text is used instead.',
  'commentary.template.unknown-id': 'Template {mall} (cell {cell} on sheet {blad}) does not exist and is not used.',

  'rule.narrative-mismatch.name': 'Comment does not match',
  'narrative-mismatch': 'The comment does not agree with the table.',
  'narrative-mismatch.amount': 'The comment for {kod} states the variance as {angivet}, but the table shows {förväntat} {enhet_belopp} ({tkr} SEK k in {tabell}).',
  'narrative-mismatch.direction': 'The comment for {kod} calls the variance {angiven_riktning}, but the table shows {förväntat} {enhet_belopp} ({tkr} SEK k in {tabell}).',
  'narrative-mismatch.riktning.positiv': 'favourable',
  'narrative-mismatch.riktning.negativ': 'unfavourable',
  // Command line: avvikelsekollen comment.
  'cli.comment.written':
    'Wrote {output}: sheet Kommentarer with {rows} rows ({new} new drafts, {refreshed} updated, {unchanged} unchanged, {kept} hand-written texts kept, {missing} units missing from the tables).',
  'cli.comment.mismatch-heading': 'Comments that disagree with the tables ({count}):',
  'cli.comment.mismatch': '  {sheet}!{cell}: {message}',
  'cli.comment.template-issue': 'Template: {message}',
};
