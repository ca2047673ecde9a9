/**
 * `avvikelsekollen fix FILE.xlsx -o OUT.xlsx [--marker TEXT] [--meaningless]`
 *
 * Writes a copy of FILE with the #DIV/0! in every table's change-% column
 * repaired (a guarded formula, or the marker for pasted error text); with
 * `--meaningless` also the sign-flip rows. FILE is never modified; on any
 * failure no output file is written.
 */
import { type CellContent, type Language, planFixes } from '../../engine';
import { translate } from '../texts';
import { writePatchedCopy } from '../../xlsx/write';
import { loadForCopy } from '../copy';
import { EXIT_OK, line, parseCommandLine, parseLanguage, UsageError, type CliIO, type Command } from '../command';

function show(content: CellContent, lang: Language): string {
  if (content.formula !== undefined) return content.formula;
  if (content.value === null || content.value === '') return translate('cli.value.empty', lang);
  return typeof content.value === 'string' ? `"${content.value}"` : String(content.value);
}

export const fixCommand: Command = {
  name: 'fix',
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandLine(args, {
      output: { type: 'string', short: 'o' },
      marker: { type: 'string' },
      meaningless: { type: 'boolean' },
      lang: { type: 'string' },
    });
    const lang = parseLanguage(values.lang as string | undefined);
    if (positionals.length !== 1) throw new UsageError('cli.error.one-file');
    const output = values.output as string | undefined;
    if (output === undefined || output === '') throw new UsageError('cli.error.no-output');
    const input = positionals[0] as string;

    // Refuses before any work: same file, missing or unwritable folder, unreadable workbook.
    const loaded = await loadForCopy(input, output, io, lang);
    if (loaded === null) return EXIT_OK;
    const { pkg, info, grid, result } = loaded;
    const edits = planFixes(grid, result, { marker: (values.marker as string | undefined) ?? '', meaningless: values.meaningless === true });
    writePatchedCopy(pkg, info, output, edits);
    line(io.stdout, translate(edits.length === 0 ? 'cli.fix.nothing' : 'cli.fix.written', lang, { output, count: String(edits.length) }));
    for (const e of edits) {
      line(io.stdout, translate('cli.fix.edit', lang, { sheet: e.sheet, cell: e.cell, before: show(e.before, lang), after: show(e.after, lang) }));
    }
    return EXIT_OK;
  },
};
