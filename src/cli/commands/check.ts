/**
 * `avvikelsekollen check FILE.xlsx|FOLDER... [--json|--csv] [--include-approved] [--lang sv|en] [--sheet NAME]...`
 *
 * Checks every RN/kontogrupp table in each file. Readable report (default),
 * one JSON object per file and line (`--json`), or one CSV record per finding
 * (`--csv`, for Swedish Excel). Findings approved in the workbook (by the
 * task pane) are counted apart and listed only with `--include-approved`.
 * Exit 0: no open finding of severity error; 1: errors found; 2: a file could
 * not be read. Several files are checked in parallel worker threads (see
 * ../parallel.ts), their output in the order given.
 */
import { translate } from '../texts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, line, parseCommandLine, parseLanguage, UsageError, type CliIO, type Command } from '../command';
import { expandInputs } from '../inputs';
import { toCsv } from '../csv';
import { checkFiles } from '../parallel';
import type { CheckFileOutcome } from '../check-file';

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
    const options = { lang, json, csv, includeApproved, sheets, several: positionals.length > 1 };
    const showProgress = (i: number): void => {
      if (progress) io.stderr.write(`\r\x1b[K${translate('cli.progress', lang, { index: String(i + 1), count: String(positionals.length), file: positionals[i] as string })}`);
    };
    const outcomes: CheckFileOutcome[] = [];
    await checkFiles(
      positionals,
      options,
      (_i, outcome) => {
        if (progress) io.stderr.write('\r\x1b[K');
        outcomes.push(outcome);
        for (const l of outcome.stderr) line(io.stderr, l);
        if (!csv) for (const l of outcome.stdout) line(io.stdout, l);
        if (outcome.unreadable) {
          totals.unreadable++;
          code = EXIT_UNREADABLE;
          return;
        }
        totals.error += outcome.counts.error;
        totals.warning += outcome.counts.warning;
        totals.info += outcome.counts.info;
        if (outcome.counts.error > 0 && code === EXIT_OK) code = EXIT_FINDINGS;
      },
      showProgress,
    );
    if (csv)
      io.stdout.write(
        await toCsv(
          outcomes.flatMap((o) => o.csvRecords),
          true,
        ),
      );
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
