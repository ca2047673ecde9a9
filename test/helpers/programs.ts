/**
 * Tests that need a program outside npm (LibreOffice's `soffice`, `xmllint`):
 * where it is missing they say so in one line and are skipped, except under
 * CI=true (`.ci/run` installs them), where the missing program fails the run.
 */
import * as fs from 'fs';
import * as path from 'path';

/** A program outside npm: the names it goes by on PATH, an environment variable that may name its path, how to install it. */
export interface Program {
  names: string[];
  envVar?: string;
  install: string;
}

/** The program's path, or undefined when it is not installed. */
export function findProgram(program: Program): string | undefined {
  const fromEnv = program.envVar === undefined ? undefined : process.env[program.envVar];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    for (const name of program.names) {
      const candidate = path.join(dir, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/** `describe(title, …)` with the program's path; skipped with one line when it is missing (failing under CI=true). */
export function describeWithProgram(title: string, program: Program, define: (programPath: string) => void): void {
  const found = findProgram(program);
  if (found !== undefined) {
    describe(title, () => define(found));
    return;
  }
  const name = program.names[0] ?? 'program';
  const missing = `${name} not found (${program.install}${program.envVar === undefined ? '' : `, or set ${program.envVar} to its path`})`;
  if (IN_CI) {
    describe(title, () => {
      it(`needs ${name} (CI=true)`, () => {
        throw new Error(`${missing}: .ci/run must install it`);
      });
    });
    return;
  }
  process.stderr.write(`skipped "${title}": ${missing}; CI=true makes this a failure\n`);
  describe.skip(title, () => {
    it(`needs ${name}`, () => undefined);
  });
}
