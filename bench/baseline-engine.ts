/**
 * The engine of an earlier revision, for ratios measured side by side in one
 * run: git copies that revision's `src/engine/` (`git show`, file by file) into a folder under
 * the system's temporary directory (once; later runs reuse it), and tsx loads
 * it beside today's engine. Both read the same generated grid (the grid's
 * shape has not changed since that revision).
 *
 * The revision is the tree before detection learnt every kommun's layouts and
 * the drafts were rewritten as plain data; the limit for those changes is
 * 1,5 × its time.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
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
 * The engine at `revision`, or the reason it cannot be had (a shallow clone
 * without that commit, no git): the benchmark then prints the reason instead
 * of the ratio.
 */
export async function loadBaselineEngine(revision = BASELINE_REVISION): Promise<EngineUnderTest | string> {
  let root: string;
  try {
    root = extract(revision);
  } catch {
    return `revision ${revision} is not in this clone (git fetch --unshallow)`;
  }
  const check = (await import(path.join(root, 'src', 'engine', 'check.ts'))) as Pick<EngineUnderTest, 'checkWorkbook'>;
  const detect = (await import(path.join(root, 'src', 'engine', 'detect.ts'))) as Pick<EngineUnderTest, 'findTables'>;
  const commentary = (await import(path.join(root, 'src', 'engine', 'commentary', 'index.ts'))) as Pick<EngineUnderTest, 'draftCommentary'>;
  return { findTables: detect.findTables, checkWorkbook: check.checkWorkbook, draftCommentary: commentary.draftCommentary };
}
