/**
 * The Chromium that the browser tests and the task-pane benchmarks launch
 * through playwright-core: the system's (Debian's `/usr/bin/chromium`,
 * `chromium`, `google-chrome` … on PATH) when there is one, otherwise the
 * one npm installed with `@sparticuz/chromium` (a headless Chromium with the
 * libraries it needs), so that `npm test` runs the browser tests on a
 * machine with nothing but Node and npm.
 *
 * `AVVIKELSEKOLLEN_CHROMIUM=bundled` forces the npm one; a path there names
 * the browser to use. Every launch says in one line which browser ran.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Where the system's Chromium usually is, checked in this order; then these names on PATH. */
const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** How long unpacking the npm Chromium and starting any Chromium may take before the test fails. */
const UNPACK_TIMEOUT_MS = 120_000;
const LAUNCH_TIMEOUT_MS = 30_000;

/** The browser a launch uses: its executable, what to call it, and the environment it needs. */
export interface ChromiumChoice {
  executablePath: string;
  source: 'system' | 'bundled' | 'AVVIKELSEKOLLEN_CHROMIUM';
  env?: Record<string, string>;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The system's Chromium or Chrome, or undefined when there is none. */
export function systemChromium(): string | undefined {
  const onPath = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => dir !== '')
    .flatMap((dir) => SYSTEM_NAMES.map((name) => path.join(dir, name)));
  return [...SYSTEM_PATHS, ...onPath].find(isExecutable);
}

/**
 * The npm-installed Chromium, unpacked once per version into the temporary
 * folder. `@sparticuz/chromium` unpacks into `os.tmpdir()`, so a child
 * process with its own TMPDIR unpacks into a fresh folder that is then
 * renamed into place: a run that is stopped half-way never leaves a broken
 * browser behind, and two runs at once do not read each other's half-written
 * files. `AWS_LAMBDA_JS_RUNTIME` makes the package also unpack the NSS
 * libraries Chromium links to (built for Amazon Linux 2023, whose glibc is
 * older than Debian 12's), so it runs where no libnss3 is installed.
 */
export function bundledChromium(): ChromiumChoice {
  const entry = require.resolve('@sparticuz/chromium');
  const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(entry), '..', '..', 'package.json'), 'utf8')) as { version: string };
  const dir = path.join(os.tmpdir(), `avvikelsekollen-chromium-${pkg.version}`);
  const executablePath = path.join(dir, 'chromium');
  if (!isExecutable(executablePath)) {
    const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'avvikelsekollen-chromium-unpacking-'));
    try {
      const script = `require(${JSON.stringify(entry)}).executablePath().then((p) => process.stdout.write(p))`;
      const r = spawnSync(process.execPath, ['-e', script], {
        env: { ...process.env, TMPDIR: staging, AWS_LAMBDA_JS_RUNTIME: 'nodejs20.x' },
        encoding: 'utf8',
        timeout: UNPACK_TIMEOUT_MS,
      });
      if (r.status !== 0 || !isExecutable(path.join(staging, 'chromium'))) {
        throw new Error(`@sparticuz/chromium could not unpack its Chromium (${r.error?.message ?? `exit ${String(r.status ?? r.signal)}`}): ${r.stderr.trim()}`);
      }
      // Its fonts.conf names /tmp/fonts; this one names the fonts unpacked here and the system's.
      fs.writeFileSync(
        path.join(staging, 'fonts.conf'),
        `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${dir}/fonts</dir>\n  <dir>/usr/share/fonts</dir>\n  <cachedir>${dir}/fonts-cache</cachedir>\n</fontconfig>\n`,
      );
      try {
        fs.renameSync(staging, dir);
      } catch (e) {
        if (!isExecutable(executablePath)) throw e; // (otherwise another run put it there first)
      }
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
  }
  const libraries = path.join(dir, 'al2023', 'lib');
  return {
    executablePath,
    source: 'bundled',
    env: {
      LD_LIBRARY_PATH: [libraries, process.env.LD_LIBRARY_PATH].filter((p) => p !== undefined && p !== '').join(path.delimiter),
      FONTCONFIG_PATH: dir,
    },
  };
}

/** The browser to launch: AVVIKELSEKOLLEN_CHROMIUM, else the system's, else the npm one. */
export function chooseChromium(): ChromiumChoice {
  const wanted = process.env.AVVIKELSEKOLLEN_CHROMIUM;
  if (wanted === 'bundled') return bundledChromium();
  if (wanted !== undefined && wanted !== '') {
    if (!isExecutable(wanted)) throw new Error(`AVVIKELSEKOLLEN_CHROMIUM=${wanted}: no such program (a path to Chromium, or "bundled")`);
    return { executablePath: wanted, source: 'AVVIKELSEKOLLEN_CHROMIUM' };
  }
  const system = systemChromium();
  return system !== undefined ? { executablePath: system, source: 'system' } : bundledChromium();
}

/**
 * Launches headless Chromium (see chooseChromium) with `args` beside the
 * usual quiet ones, gives up after 30 s, and writes which browser ran to
 * stderr.
 */
export async function launchChromium(args: string[] = [], options: Omit<LaunchOptions, 'executablePath' | 'args' | 'env'> = {}): Promise<Browser> {
  const choice = chooseChromium();
  const browser = await chromium.launch({
    timeout: LAUNCH_TIMEOUT_MS,
    ...options,
    executablePath: choice.executablePath,
    env: choice.env === undefined ? undefined : { ...process.env, ...choice.env },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', ...args],
  });
  process.stderr.write(`browser: Chromium ${browser.version()} (${choice.source}: ${choice.executablePath})\n`);
  return browser;
}
