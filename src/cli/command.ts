/**
 * What every command of the command line shares: its interface, the output
 * streams, exit codes, the language option and one-line error messages.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Language, MessageParams } from '../engine';
import { translate } from './texts';
import { XlsxFileError } from '../xlsx/file';

/** Exit codes: nothing of severity error / errors found / a file could not be read (or bad usage). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNREADABLE = 2;

/** Where a command writes. The real process passes its streams; tests pass buffers. */
export interface CliIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** True when stderr is a terminal (progress is shown only then). */
  stderrIsTTY: boolean;
}

export interface Command {
  name: string;
  /** Runs the command with the arguments after its name; returns the exit code. Never throws. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** A wrong command line: reported as one line, exit 2. */
export class UsageError extends Error {
  constructor(
    readonly messageId: string,
    readonly params: MessageParams = {},
  ) {
    super(messageId);
    this.name = 'UsageError';
  }
}

export function parseLanguage(value: string | undefined): Language {
  if (value === undefined || value === 'sv') return 'sv';
  if (value === 'en') return 'en';
  throw new UsageError('cli.error.bad-lang', { lang: value });
}

/** The language asked for on a command line, looked up before parsing (so usage errors speak it too). */
export function peekLanguage(args: readonly string[]): Language {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const v = a.startsWith('--lang=') ? a.slice(7) : a === '--lang' ? args[i + 1] : undefined;
    if (v === 'en' || v === 'sv') return v;
  }
  return 'sv';
}

/** node:util parseArgs, with its errors turned into a usage error. */
export function parseCommandLine<T extends ParseArgsConfig['options']>(args: string[], options: T): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, unknown>, positionals };
  } catch (e) {
    const code = (e as { code?: string }).code;
    const message = e instanceof Error ? e.message : String(e);
    const option = /'([^']+)'/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError('cli.error.unknown-option', { option });
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError('cli.error.option-value', { option: option.split(' ')[0] ?? option });
    throw new UsageError('cli.error.usage', { detail: message.split('\n')[0] ?? '' });
  }
}

export function line(io: CliIO['stdout'], text: string): void {
  io.write(`${printable(text)}\n`);
}

/**
 * Cell text on a terminal: control characters (an escape sequence hidden in a
 * unit's name could move the cursor or recolour the terminal) become U+FFFD.
 * Line breaks and tabs stay. JSON output is unaffected: JSON.stringify has
 * already escaped them.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}

/** The one-line message for a file that cannot be read or written. */
export function fileErrorMessage(e: XlsxFileError, lang: Language): string {
  return translate(`cli.file.${e.problem}`, lang, { file: e.file });
}

/** The one-line message for any failure; a stack trace only with AVVIKELSEKOLLEN_DEBUG set. */
export function failureMessage(e: unknown, lang: Language, file: string): string {
  if (e instanceof XlsxFileError) return fileErrorMessage(e, lang);
  if (e instanceof UsageError) return usageMessage(e, lang);
  const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
  if ((process.env.AVVIKELSEKOLLEN_DEBUG ?? '') !== '' && e instanceof Error) return `${translate('cli.error.internal', lang, { file, detail: detail ?? '' })}\n${e.stack ?? ''}`;
  return translate('cli.error.internal', lang, { file, detail: detail ?? '' });
}

export function usageMessage(e: UsageError, lang: Language): string {
  const inner = translate(e.messageId, lang, e.params);
  return e.messageId === 'cli.error.usage' ? inner : translate('cli.error.usage', lang, { detail: inner });
}
