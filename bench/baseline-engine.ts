/**
 * The engine of an earlier revision, for ratios measured side by side in one
 * run: git copies that revision's `src/engine/` (`git show`, file by file) into a folder under
 * the system's temporary directory (once; later runs reuse it). Both engines,
 * that one and today's, are then bundled alike by esbuild into one CommonJS
 * file each, as webpack bundles the engine into the task pane: calls between
 * the engine's modules are plain calls there. (Loaded through tsx instead,
 * every call into another module goes through an export getter, a cost that
 * grows with the number of modules and that no user's code pays.) Both read
 * the same generated grid (the grid's shape has not changed since that
 * revision).
 *
 * The revision is the tree before detection learnt every kommun's layouts and
 * the drafts were rewritten as plain data; the limit for those changes is
 * 1,5 × its time.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSync } from 'esbuild';
import type { WorkbookGrid } from '../src/engine/grid';

export const BASELINE_REVISION = '7e0753a';

/** What the benchmark calls of an engine; today's and the baseline's have these three. */
export interface EngineUnderTest {
  findTables(grid: WorkbookGrid): unknown;
  checkWorkbook(grid: WorkbookGrid): { tables: unknown[]; findings: unknown[] };
  draftCommentary(result: { tables: unknown[] }, grid: WorkbookGrid, options: { lang: 'sv' }): { units: unknown[] };
}

function extract(revision: string): string {
  const root = path.join(os.tmpdir(), `avvikelsekollen-engine-${revision}`);
  if (fs.existsSync(path.join(root, 'src', 'engine', 'check.ts'))) return root;
  const partial = `${root}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  const git = (args: string[]): string => execFileSync('git', args, { cwd: path.join(__dirname, '..'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const file of git(['ls-tree', '-r', '--name-only', revision, 'src/engine'])
    .split('\n')
    .filter((f) => f !== '')) {
    fs.mkdirSync(path.join(partial, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(partial, file), git(['show', `${revision}:${file}`]));
  }
  fs.rmSync(root, { recursive: true, force: true });
  fs.renameSync(partial, root);
  return root;
}

/**
 * `exports` (an ES module's text of `export … from` lines, resolved in
 * `resolveDir`) bundled into one CommonJS file and loaded.
 */
function bundled<T>(exportsText: string, resolveDir: string, name: string): T {
  const outfile = path.join(os.tmpdir(), `avvikelsekollen-bench-${name}-${process.pid}.js`);
  buildSync({ stdin: { contents: exportsText, resolveDir, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error' });
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a file bundled just now, loaded by path
    return require(outfile) as T;
  } finally {
    fs.rmSync(outfile, { force: true });
  }
}

/** Today's engine, bundled as the baseline's is (`loadBaselineEngine`). */
export function loadTodaysEngine(): EngineUnderTest {
  return bundled<EngineUnderTest>("export { checkWorkbook, draftCommentary } from './src/engine/index';\nexport { findTables } from './src/engine/detect/index';", path.join(__dirname, '..'), 'today');
}

/**
 * The engine at `revision`, bundled, or the reason it cannot be had (a
 * shallow clone without that commit, no git): the benchmark then prints the
 * reason instead of the ratio.
 */
export function loadBaselineEngine(revision = BASELINE_REVISION): EngineUnderTest | string {
  let root: string;
  try {
    root = extract(revision);
  } catch {
    return `revision ${revision} is not in this clone (git fetch --unshallow)`;
  }
  const entry = ["export { checkWorkbook } from './src/engine/check';", "export { findTables } from './src/engine/detect';", "export { draftCommentary } from './src/engine/commentary/index';"].join(
    '\n',
  );
  return bundled<EngineUnderTest>(entry, root, revision);
}
