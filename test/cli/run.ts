/** Runs the command line in-process with captured output, and as a real process. */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { main } from '../../src/cli/main';

export const ROOT = path.join(__dirname, '..', '..');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `avvikelsekollen ...args` in this process, from the repository root, with captured streams. */
export async function cli(args: string[], options: { tty?: boolean } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const code = await main(args, {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      stderrIsTTY: options.tty === true,
    });
    return { code, stdout, stderr };
  } finally {
    process.chdir(cwd);
  }
}

/** The command line as a separate Node process (through tsx, so no build is needed). */
export function cliProcess(args: string[]): Run {
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const r = spawnSync(process.execPath, [tsx, path.join(ROOT, 'src', 'cli', 'main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, AVVIKELSEKOLLEN_DEBUG: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
