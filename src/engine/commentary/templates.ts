/**
 * Draft templates: sentences with named placeholders (`{enhet}`,
 * `{avvikelse_mnkr}` …), one template per condition (material or not,
 * favourable or not, a meaningful % or not). The defaults live in the language
 * packs (`commentary.mall.<id>`); a team's overrides travel with the workbook
 * on the hidden sheet `Avvikelsekollen_mallar` (column A template id, column B
 * text; an id prefixed `en:` overrides the English template, a plain id the
 * Swedish one). A template with an unknown placeholder is never used: it comes
 * back as a `TemplateIssue` naming the placeholder and the default is used.
 */
import type { CellEdit } from '../finding';
import { cellAddress, cellAt, type Cell, type WorkbookGrid } from '../grid';
import { PACKS, type Language } from '../i18n';
import type { MessageParams } from '../finding';

/** The hidden sheet a team's templates travel on. Adapters create it hidden. */
export const TEMPLATE_SHEET = 'Avvikelsekollen_mallar';

/**
 * Placeholders every template may use. Amounts are written without a sign:
 * the template's words say which way a variance goes and whether a figure is
 * a net cost or a net income (`avvikelse_mnkr_med_tecken` is the one signed
 * amount, for lists). `avvikelse_mnkr_abs` and `utfall_mnkr_abs` are the same
 * as `avvikelse_mnkr` and `utfall_mnkr`, kept for teams' older templates.
 */
const COMMON = [
  'enhet',
  'kod',
  'år',
  'år_föregående',
  'riktning',
  'riktning_med_artikel',
  'avvikelse_mnkr',
  'avvikelse_mnkr_abs',
  'avvikelse_mnkr_med_tecken',
  'avvikelse_tkr',
  'utfall_mnkr',
  'utfall_mnkr_abs',
  'budget_mnkr',
] as const;
const CHANGE = ['bokslut_mnkr', 'förändring_mnkr', 'förändring_riktning', 'nettopost'] as const;

/**
 * Every template id and the placeholders it may use. The ids name the
 * condition: `avdelning.*` one unit's row, `summa.*` a table's summary, the
 * rest are shared by both.
 */
export const TEMPLATE_PLACEHOLDERS = {
  /** Material, favourable. */
  'avdelning.avvikelse.positiv': COMMON,
  /** Material, unfavourable. */
  'avdelning.avvikelse.negativ': COMMON,
  /** Immaterial: the one short sentence, no gap. */
  'avdelning.i_nivå': COMMON,
  /** Immaterial and 0,0 mnkr: no amount to state. */
  'avdelning.i_nivå.noll': COMMON,
  'summa.avvikelse.positiv': COMMON,
  'summa.avvikelse.negativ': COMMON,
  'summa.i_nivå': COMMON,
  'summa.i_nivå.noll': COMMON,
  /** Utfall against budget, both net costs. */
  'utfall.nettokostnad': COMMON,
  /** Utfall against budget, both net incomes. */
  'utfall.nettointäkt': COMMON,
  /** A net income against a budgeted net cost. */
  'utfall.nettointäkt_mot_budgeterad_kostnad': COMMON,
  /** A net cost against a budgeted net income. */
  'utfall.nettokostnad_mot_budgeterad_intäkt': COMMON,
  /** Change since last year with a meaningful %. */
  förändring: [...COMMON, ...CHANGE, 'förändring_procent'],
  /** Change that rounds to 0,0 mnkr. */
  'förändring.oförändrad': [...COMMON, ...CHANGE, 'förändring_procent'],
  /** Sign changed between the years: no %, in words. */
  'förändring.teckenbyte': [...COMMON, 'bokslut_mnkr', 'från_post', 'från_mnkr', 'till_post', 'till_mnkr'],
  /** Last year's figure was zero: no %. */
  'förändring.nollbas': [...COMMON, 'nettopost'],
  /** Last year's figure was tiny (rounds to 0,0 mnkr by default): no %. */
  'förändring.låg_bas': [...COMMON, ...CHANGE],
  /** The two units contributing most to a table's variance (in its direction). */
  'summa.bidrag.två': [...COMMON, 'enhet_1', 'avvikelse_1_mnkr', 'enhet_2', 'avvikelse_2_mnkr'],
  'summa.bidrag.en': [...COMMON, 'enhet_1', 'avvikelse_1_mnkr'],
  /** The two account groups (kontogrupp table of the same unit) driving it. */
  'summa.kontogrupper.två': [...COMMON, 'kontogrupp_1', 'kontogrupp_1_mnkr', 'kontogrupp_2', 'kontogrupp_2_mnkr'],
  'summa.kontogrupper.en': [...COMMON, 'kontogrupp_1', 'kontogrupp_1_mnkr'],
  /** The marked gap for the cause, only the economist knows it. */
  lucka: COMMON,
} as const satisfies Record<string, readonly string[]>;

export type TemplateId = keyof typeof TEMPLATE_PLACEHOLDERS;

export const TEMPLATE_IDS = Object.keys(TEMPLATE_PLACEHOLDERS) as TemplateId[];

export function isTemplateId(id: string): id is TemplateId {
  return Object.prototype.hasOwnProperty.call(TEMPLATE_PLACEHOLDERS, id);
}

/** A team's template text for one language. */
export interface TemplateOverride {
  id: string;
  lang: Language;
  text: string;
  /** Where it was read from, when it came from the workbook. */
  sheet?: string;
  cell?: string;
}

/** A template that cannot be used, as data (message id + params for the language packs). */
export interface TemplateIssue {
  templateId: string;
  lang: Language;
  messageId: 'commentary.template.unknown-placeholder' | 'commentary.template.unbalanced' | 'commentary.template.unknown-id';
  /** The unknown placeholder's name, for `unknown-placeholder`. */
  placeholder?: string;
  sheet?: string;
  cell?: string;
  params: MessageParams;
}

/** The placeholder names a template text uses, in order, or `null` when a brace is unpaired. */
export function placeholdersIn(text: string): string[] | null {
  const names: string[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    const close = text.indexOf('}', i);
    if (open < 0) return close < 0 ? names : null;
    if (close >= 0 && close < open) return null;
    const end = text.indexOf('}', open + 1);
    if (end < 0) return null;
    const name = text.slice(open + 1, end);
    if (name.includes('{')) return null;
    names.push(name.trim());
    i = end + 1;
  }
  return names;
}

/**
 * Checks a template text against the placeholders its id allows. Returns the
 * problems (empty when the text can be used).
 */
export function validateTemplate(id: string, text: string, lang: Language, where: { sheet?: string; cell?: string } = {}): TemplateIssue[] {
  const base = { templateId: id, lang, ...where };
  if (!isTemplateId(id)) {
    return [{ ...base, messageId: 'commentary.template.unknown-id', params: { mall: id, blad: where.sheet ?? '', cell: where.cell ?? '' } }];
  }
  const names = placeholdersIn(text);
  if (names === null) return [{ ...base, messageId: 'commentary.template.unbalanced', params: { mall: id } }];
  const allowed: readonly string[] = TEMPLATE_PLACEHOLDERS[id];
  const issues: TemplateIssue[] = [];
  for (const name of names) {
    if (!allowed.includes(name) && !issues.some((i) => i.placeholder === name)) {
      issues.push({
        ...base,
        messageId: 'commentary.template.unknown-placeholder',
        placeholder: name,
        params: { mall: id, platshållare: name, tillåtna: allowed.map((a) => `{${a}}`).join(', ') },
      });
    }
  }
  return issues;
}

/** The default text of a template in a language (from the language pack). */
export function defaultTemplate(id: TemplateId, lang: Language): string {
  const key = `commentary.mall.${id}`;
  return PACKS[lang][key] ?? PACKS.sv[key] ?? '';
}

/** The templates a draft uses, after overrides, and what was wrong with the overrides. */
export interface TemplateSet {
  lang: Language;
  texts: Record<TemplateId, string>;
  issues: TemplateIssue[];
}

/**
 * The templates for a language: the defaults, replaced by every valid
 * override of that language (later overrides win). Invalid overrides are
 * reported and not used.
 */
export function resolveTemplates(lang: Language, overrides: readonly TemplateOverride[] = []): TemplateSet {
  const texts = {} as Record<TemplateId, string>;
  for (const id of TEMPLATE_IDS) texts[id] = defaultTemplate(id, lang);
  const issues: TemplateIssue[] = [];
  for (const o of overrides) {
    if (o.lang !== lang) continue;
    const where: { sheet?: string; cell?: string } = {};
    if (o.sheet !== undefined) where.sheet = o.sheet;
    if (o.cell !== undefined) where.cell = o.cell;
    const problems = validateTemplate(o.id, o.text, lang, where);
    if (problems.length > 0) {
      issues.push(...problems);
      continue;
    }
    if (isTemplateId(o.id)) texts[o.id] = o.text;
  }
  return { lang, texts, issues };
}

/** A template's values: by name, or computed when a template asks for one (undefined: none). */
export type TemplateValues = Readonly<Record<string, string>> | ((name: string) => string | undefined);

/** A template split at its placeholders: `texts[0]`, `names[0]`, `texts[1]` … (`written[i]`: `{name}` as written). */
export interface SplitTemplate {
  texts: string[];
  names: string[];
  written: string[];
}

/** Splits a template at its placeholders, once, for filling it many times. */
export function splitTemplate(text: string): SplitTemplate {
  const out: SplitTemplate = { texts: [], names: [], written: [] };
  let last = 0;
  for (const m of text.matchAll(/\{([^{}]+)\}/g)) {
    out.texts.push(text.slice(last, m.index));
    out.names.push((m[1] as string).trim());
    out.written.push(m[0]);
    last = m.index + m[0].length;
  }
  out.texts.push(text.slice(last));
  return out;
}

/**
 * Fills a template's placeholders (given as text or split). Every
 * placeholder must have a value (the templates are validated first); a
 * missing one is left visible as `{name}` rather than dropped, so a sentence
 * is never silently broken. Values in `overlay` win over those in `values`.
 */
export function fillTemplate(template: string | SplitTemplate, values: TemplateValues, overlay?: Readonly<Record<string, string>>): string {
  const split = typeof template === 'string' ? splitTemplate(template) : template;
  let out = split.texts[0] as string;
  for (let i = 0; i < split.names.length; i++) {
    const name = split.names[i] as string;
    const value = overlay?.[name] ?? (typeof values === 'function' ? values(name) : values[name]);
    out += (value ?? split.written[i]) + (split.texts[i + 1] as string);
  }
  return out;
}

function textOf(cell: Cell): string {
  const v = cell.value;
  return typeof v === 'string' ? v : v === null ? '' : String(v);
}

const HEADER_WORDS = /^(mall|mall-id|template|template id|id)$/i;

/**
 * Reads a team's template overrides from the hidden sheet (pure: from the
 * grid). Column A holds the id (`avdelning.avvikelse.positiv`, or
 * `en:avdelning.avvikelse.positiv` for English), column B the text. A header
 * row (`Mall` / `Text`) and blank rows are skipped.
 */
export function readTemplateOverrides(workbook: WorkbookGrid): TemplateOverride[] {
  const sheet = workbook.sheets.find((s) => s.name === TEMPLATE_SHEET);
  if (sheet === undefined) return [];
  const out: TemplateOverride[] = [];
  for (let r = 0; r < sheet.cells.length; r++) {
    const rawId = textOf(cellAt(sheet, r, 0)).trim();
    const text = textOf(cellAt(sheet, r, 1));
    if (rawId === '' || (r === 0 && HEADER_WORDS.test(rawId))) continue;
    if (text.trim() === '') continue;
    const m = /^(sv|en):(.+)$/i.exec(rawId);
    const lang: Language = m !== null && (m[1] as string).toLowerCase() === 'en' ? 'en' : 'sv';
    const id = m !== null ? (m[2] as string).trim() : rawId;
    out.push({ id, lang, text, sheet: sheet.name, cell: cellAddress(r, 1) });
  }
  return out;
}

/**
 * Plans the edits that write a team's templates to the hidden sheet
 * `Avvikelsekollen_mallar` (created by the adapter if missing, and hidden):
 * a header row, then one row per override; rows left over from an earlier
 * version are emptied. Only overrides that validate are written.
 */
export function planTemplateSheet(workbook: WorkbookGrid, overrides: readonly TemplateOverride[]): CellEdit[] {
  const sheet = workbook.sheets.find((s) => s.name === TEMPLATE_SHEET);
  const rows: [string, string][] = [['Mall', 'Text']];
  for (const o of overrides) {
    if (validateTemplate(o.id, o.text, o.lang).length > 0) continue;
    rows.push([o.lang === 'en' ? `en:${o.id}` : o.id, o.text]);
  }
  const edits: CellEdit[] = [];
  const height = Math.max(rows.length, sheet?.cells.length ?? 0);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < 2; c++) {
      const before = sheet === undefined ? { value: null } : cellAt(sheet, r, c);
      const value = rows[r]?.[c] ?? null;
      if (before.formula === undefined && before.value === value) continue;
      if (before.formula === undefined && (before.value === null || before.value === '') && value === null) continue;
      const b: CellEdit['before'] = { value: before.value };
      if (before.formula !== undefined) b.formula = before.formula;
      edits.push({ sheet: TEMPLATE_SHEET, cell: cellAddress(r, c), row: r, col: c, before: b, after: { value }, reason: 'narrative-mismatch' });
    }
  }
  return edits;
}
