/**
 * The command line: `avvikelsekollen <command> ...`. Dispatches to one file
 * per command under `commands/`; adding a command is one file and one line in
 * COMMANDS. Every failure is one line on stderr and an exit code, never a
 * stack trace.
 */
import { translate } from './texts';
import { EXIT_OK, EXIT_UNREADABLE, failureMessage, line, peekLanguage, UsageError, usageMessage, type CliIO, type Command } from './command';

/**
 * The commands by name, each loaded when it is run: a one-shot `check` does
 * not compile the drafting, fixing and writing code it never calls.
 */
export const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  check: async () => (await import('./commands/check')).checkCommand,
  fix: async () => (await import('./commands/fix')).fixCommand,
  comment: async () => (await import('./commands/comment')).commentCommand,
};

/** Runs the command line (arguments after the program name); returns the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const args = [...argv];
  const lang = peekLanguage(args);
  const name = args[0];
  if (name === undefined || name === '--help' || name === '-h' || name === 'help' || args.includes('--help') || args.includes('-h')) {
    line(name === undefined ? io.stderr : io.stdout, translate('cli.usage', lang));
    return name === undefined ? EXIT_UNREADABLE : EXIT_OK;
  }
  const load = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (load === undefined) {
    line(io.stderr, usageMessage(new UsageError('cli.error.unknown-command', { command: name }), lang));
    return EXIT_UNREADABLE;
  }
  try {
    return await (await load()).run(args.slice(1), io);
  } catch (e) {
    const file = args.slice(1).find((a) => !a.startsWith('-')) ?? '';
    line(io.stderr, failureMessage(e, lang, file));
    return EXIT_UNREADABLE;
  }
}

/** The process entry: real streams, exit code set when all output is flushed. */
export function run(): void {
  // A reader that stops early (`avvikelsekollen check … | head`) closes the pipe: stop quietly, as other tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') process.stderr.write(`${e.message}\n`);
      process.exit(e.code === 'EPIPE' ? (typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK) : EXIT_UNREADABLE);
    });
  }
  const io: CliIO = { stdout: process.stdout, stderr: process.stderr, stderrIsTTY: process.stderr.isTTY === true };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = EXIT_UNREADABLE;
    },
  );
}

if (require.main === module) run();
