/**
 * `avvikelsekollen check FILE.xlsx|FOLDER... [--json|--csv] [--include-approved] [--lang sv|en] [--sheet NAME]...`
 *
 * Checks every RN/kontogrupp table in each file. Readable report (default),
 * one JSON object per file and line (`--json`), or one CSV record per finding
 * (`--csv`, for Swedish Excel). Findings approved in the workbook (by the
 * task pane) are counted apart and listed only with `--include-approved`.
 * Exit 0: no open finding of severity error; 1: errors found; 2: a file could
 * not be read.
 */
import { checkWorkbook } from '../../engine/check';
import { translate } from '../../engine/i18n';
import { assertCheckable, readWorkbookGrid } from '../../xlsx/read';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, failureMessage, line, parseCommandLine, parseLanguage, UsageError, type CliIO, type Command } from '../command';
import { expandInputs } from '../inputs';
import { reviewFindings, type ReviewedFinding } from '../../engine/review';
import type { Finding } from '../../engine/finding';
import { csvRecords, toCsv } from '../csv';
import { countBySeverity, renderReport, toJson, type ReviewInfo } from '../report';

export const checkCommand: Command = {
  name: 'check',
  async run(args: string[], io: CliIO): Promise<number> {
    const parsed = parseCommandLine(args, {
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      'include-approved': { type: 'boolean' },
      lang: { type: 'string' },
      sheet: { type: 'string', multiple: true },
    });
    const values = parsed.values;
    const lang = parseLanguage(values.lang as string | undefined);
    const json = values.json === true;
    const csv = values.csv === true;
    const includeApproved = values['include-approved'] === true;
    if (json && csv) throw new UsageError('cli.error.json-and-csv');
    const sheets = (values.sheet as string[] | undefined) ?? [];
    if (parsed.positionals.length === 0) throw new UsageError('cli.error.no-files');
    const { files: positionals, emptyFolders } = expandInputs(parsed.positionals);
    for (const folder of emptyFolders) line(io.stderr, translate('cli.folder.no-workbooks', lang, { folder }));
    if (positionals.length === 0) return EXIT_UNREADABLE;

    const progress = io.stderrIsTTY && positionals.length > 1;
    const totals = { error: 0, warning: 0, info: 0, unreadable: 0 };
    let code = EXIT_OK;
    let csvHeader = true;
    for (const [i, file] of positionals.entries()) {
      if (progress) io.stderr.write(`\r\x1b[K${translate('cli.progress', lang, { index: String(i + 1), count: String(positionals.length), file })}`);
      let result;
      let grid;
      try {
        grid = await readWorkbookGrid(file);
        assertCheckable(grid, file);
        for (const s of sheets) {
          if (!grid.sheets.some((g) => g.name === s)) {
            if (progress) io.stderr.write('\r\x1b[K');
            line(io.stderr, translate('cli.sheet-missing', lang, { file, sheet: s }));
          }
        }
        result = checkWorkbook(grid, { sheets });
      } catch (e) {
        if (progress) io.stderr.write('\r\x1b[K');
        line(io.stderr, failureMessage(e, lang, file));
        totals.unreadable++;
        code = EXIT_UNREADABLE;
        continue;
      }
      if (progress) io.stderr.write('\r\x1b[K');
      const review = reviewFindings(result, grid);
      const listedReview: ReviewedFinding[] = includeApproved ? review.findings : review.findings.filter((r) => r.status === 'open');
      const shown = { ...result, findings: listedReview.map((r) => r.finding) };
      const info: ReviewInfo = { approved: review.approved.length };
      if (includeApproved) info.listed = new Map<Finding, ReviewedFinding>(review.findings.map((r) => [r.finding, r] as const));
      const n = countBySeverity(review.open);
      totals.error += n.error;
      totals.warning += n.warning;
      totals.info += n.info;
      if (n.error > 0 && code === EXIT_OK) code = EXIT_FINDINGS;
      if (json) {
        line(io.stdout, JSON.stringify(toJson(file, shown, lang, info)));
      } else if (csv) {
        io.stdout.write(await toCsv(csvRecords(file, listedReview, lang), csvHeader));
        csvHeader = false;
      } else if (result.tables.length === 0 && result.findings.length === 0) {
        line(io.stdout, translate('cli.no-tables', lang, { file }));
      } else {
        for (const l of renderReport(file, shown, lang, info)) line(io.stdout, l);
        if (positionals.length > 1) line(io.stdout, '');
      }
    }
    if (!json && !csv && positionals.length > 1) {
      line(
        io.stdout,
        translate('cli.summary.files', lang, {
          files: String(positionals.length),
          errors: String(totals.error),
          warnings: String(totals.warning),
          infos: String(totals.info),
          unreadable: String(totals.unreadable),
        }),
      );
    }
    return code;
  },
};
