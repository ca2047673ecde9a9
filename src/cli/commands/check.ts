/**
 * `avvikelsekollen check FILE.xlsx|FOLDER... [--json] [--lang sv|en] [--sheet NAME]...`
 *
 * Checks every RN/kontogrupp table in each file. Readable report (default)
 * or one JSON object per file and line (`--json`). Exit 0: nothing of
 * severity error; 1: errors found; 2: a file could not be read.
 */
import { checkWorkbook } from '../../engine/check';
import { translate } from '../../engine/i18n';
import { assertCheckable, readWorkbookGrid } from '../../xlsx/read';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, failureMessage, line, parseCommandLine, parseLanguage, UsageError, type CliIO, type Command } from '../command';
import { expandInputs } from '../inputs';
import { countBySeverity, renderReport, toJson } from '../report';

export const checkCommand: Command = {
  name: 'check',
  async run(args: string[], io: CliIO): Promise<number> {
    const parsed = parseCommandLine(args, {
      json: { type: 'boolean' },
      lang: { type: 'string' },
      sheet: { type: 'string', multiple: true },
    });
    const values = parsed.values;
    const lang = parseLanguage(values.lang as string | undefined);
    const json = values.json === true;
    const sheets = (values.sheet as string[] | undefined) ?? [];
    if (parsed.positionals.length === 0) throw new UsageError('cli.error.no-files');
    const { files: positionals, emptyFolders } = expandInputs(parsed.positionals);
    for (const folder of emptyFolders) line(io.stderr, translate('cli.folder.no-workbooks', lang, { folder }));
    if (positionals.length === 0) return EXIT_UNREADABLE;

    const progress = io.stderrIsTTY && positionals.length > 1;
    const totals = { error: 0, warning: 0, info: 0, unreadable: 0 };
    let code = EXIT_OK;
    for (const [i, file] of positionals.entries()) {
      if (progress) io.stderr.write(`\r\x1b[K${translate('cli.progress', lang, { index: String(i + 1), count: String(positionals.length), file })}`);
      let result;
      try {
        const grid = await readWorkbookGrid(file);
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
      const n = countBySeverity(result.findings);
      totals.error += n.error;
      totals.warning += n.warning;
      totals.info += n.info;
      if (n.error > 0 && code === EXIT_OK) code = EXIT_FINDINGS;
      if (json) {
        line(io.stdout, JSON.stringify(toJson(file, result, lang)));
      } else if (result.tables.length === 0 && result.findings.length === 0) {
        line(io.stdout, translate('cli.no-tables', lang, { file }));
      } else {
        for (const l of renderReport(file, result, lang)) line(io.stdout, l);
        if (positionals.length > 1) line(io.stdout, '');
      }
    }
    if (!json && positionals.length > 1) {
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
