/**
 * The task pane's production build (dist/) for the browser tests and the
 * benchmark, built once when it is older than its sources. Tests run in
 * parallel workers and the benchmark in a process of its own: a lock folder
 * makes one of them build while the others wait for that build (a second
 * webpack writing into the same dist/ would leave it half of each).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');
/** webpack's stats of the build in dist/ (the benchmark reads the entry points' files from it). */
export const STATS = path.join(ROOT, 'artifacts', 'webpack-stats.json');
const LOCK = path.join(ROOT, 'artifacts', 'build.lock');

/** A production build takes 1–2 minutes here, several times that on a loaded two-core machine. */
export const BUILD_TIMEOUT_MS = 900_000;

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newestMtime(path.join(p, f))), st.mtimeMs);
}

/** dist/ and its stats are newer than every source they are built from (and not built for another address). */
function isFresh(): boolean {
  if (process.env.ADDIN_BASE_URL !== undefined) return false;
  const built = path.join(DIST, 'taskpane.html');
  if (!fs.existsSync(built) || !fs.existsSync(STATS)) return false;
  const sources = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'package.json'].map((p) => path.join(ROOT, p));
  return Math.min(fs.statSync(built).mtimeMs, fs.statSync(STATS).mtimeMs) > Math.max(...sources.map(newestMtime));
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Whether the process that took the lock has ended without giving it back. */
function lockIsStale(): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(LOCK, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function build(): void {
  const env = { ...process.env };
  delete env.ADDIN_BASE_URL;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--json', STATS], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: BUILD_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error !== undefined) throw new Error(`webpack did not finish within ${BUILD_TIMEOUT_MS / 1000} s: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
}

/** Builds dist/ (and its stats) unless it is newer than its sources; waits for a build another process is making. */
export function ensureBuild(): void {
  if (isFresh()) return;
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (lockIsStale()) {
      fs.rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another process has been building dist/ for ${BUILD_TIMEOUT_MS / 1000} s (${LOCK})`);
    sleep(1000);
  }
  try {
    if (!isFresh()) build();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
