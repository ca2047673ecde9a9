/**
 * `avvikelsekollen comment FILE.xlsx -o OUT.xlsx [--lang sv|en]
 *    [--materiality TKR] [--materiality-percent PCT]`
 *
 * Writes a copy of FILE with the sheet Kommentarer created or updated: one
 * draft per avdelning and one summary per table (see
 * src/engine/commentary). Comments edited by hand are kept and checked;
 * their mismatches with the tables are listed. FILE is never modified; on any
 * failure no output file is written.
 */
import { COMMENTS_SHEET, type CommentsSheetPlan, draftCommentary, FINGERPRINT_HEADER, planCommentsSheetWithReport, TEMPLATE_SHEET, type WorkbookGrid } from '../../engine';
import { translate } from '../texts';
import type { NewSheetColumns } from '../../xlsx/patch-sheet';
import { writePatchedCopy } from '../../xlsx/write';
import { loadForCopy } from '../copy';
import { EXIT_OK, line, parseCommandLine, parseLanguage, UsageError, type CliIO, type Command } from '../command';

function parseNumberOption(value: unknown, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(String(value).replace(',', '.'));
  if (!Number.isFinite(n) || n < 0) throw new UsageError('cli.error.usage', { detail: `--${option} ${String(value)}` });
  return n;
}

/** Widths of a Kommentarer sheet the command creates, its fingerprint column hidden and its header row bold. */
function newCommentsSheetColumns(grid: WorkbookGrid, plan: CommentsSheetPlan): NewSheetColumns | undefined {
  if (grid.sheets.some((s) => s.name === COMMENTS_SHEET)) return undefined;
  const fingerprintHeader = plan.edits.find((e) => e.sheet === COMMENTS_SHEET && e.after.value === FINGERPRINT_HEADER);
  return {
    widths: [8, 32, 14, 10, 90, 30, 30],
    hidden: fingerprintHeader === undefined ? [] : [fingerprintHeader.col],
    boldRows: fingerprintHeader === undefined ? [] : [fingerprintHeader.row],
  };
}

export const commentCommand: Command = {
  name: 'comment',
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandLine(args, {
      output: { type: 'string', short: 'o' },
      lang: { type: 'string' },
      materiality: { type: 'string' },
      'materiality-percent': { type: 'string' },
    });
    const lang = parseLanguage(values.lang as string | undefined);
    if (positionals.length !== 1) throw new UsageError('cli.error.one-file');
    const output = values.output as string | undefined;
    if (output === undefined || output === '') throw new UsageError('cli.error.no-output');
    const input = positionals[0] as string;
    const materialityTkr = parseNumberOption(values.materiality, 'materiality');
    const materialityPercent = parseNumberOption(values['materiality-percent'], 'materiality-percent');

    const loaded = await loadForCopy(input, output, io, lang);
    if (loaded === null) return EXIT_OK;
    const { pkg, info, grid, result } = loaded;
    const drafts = draftCommentary(result, grid, {
      lang,
      ...(materialityTkr === undefined ? {} : { materialityTkr }),
      ...(materialityPercent === undefined ? {} : { materialityShare: materialityPercent / 100 }),
    });
    for (const issue of drafts.templateIssues) {
      line(io.stderr, translate('cli.comment.template-issue', lang, { message: translate(issue.messageId, lang, issue.params) }));
    }
    const plan = planCommentsSheetWithReport(grid, drafts, { lang });
    const columns = newCommentsSheetColumns(grid, plan);
    writePatchedCopy(pkg, info, output, plan.edits, {
      listValidations: plan.listValidations ?? [],
      hiddenSheets: [TEMPLATE_SHEET],
      ...(columns === undefined ? {} : { newSheetColumns: { [COMMENTS_SHEET]: columns } }),
    });

    const count = (...states: string[]): number => plan.rows.filter((r) => states.includes(r.state)).length;
    line(
      io.stdout,
      translate('cli.comment.written', lang, {
        output,
        rows: String(plan.rows.length),
        new: String(count('new')),
        refreshed: String(count('refreshed')),
        unchanged: String(count('unchanged')),
        kept: String(count('edited', 'own')),
        missing: String(count('missing')),
      }),
    );
    // Kept comments are not rewritten, so their findings on the input are theirs in the output too.
    const kept = new Set(plan.rows.filter((r) => r.state === 'edited' || r.state === 'own' || r.state === 'missing').map((r) => r.row));
    const mismatches = result.findings.filter((f) => f.rule === 'narrative-mismatch' && f.sheet === COMMENTS_SHEET && kept.has(f.row));
    if (mismatches.length > 0) {
      line(io.stdout, translate('cli.comment.mismatch-heading', lang, { count: String(mismatches.length) }));
      for (const f of mismatches) line(io.stdout, translate('cli.comment.mismatch', lang, { sheet: f.sheet, cell: f.cell, message: translate(f.messageId, lang, f.params) }));
    }
    return EXIT_OK;
  },
};
