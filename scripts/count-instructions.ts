/**
 * Instructions per check, counted by valgrind: the engine's cost as a number
 * that does not move with the machine's load (wall and CPU times on this
 * shared two-core machine move 1,5–3 × with what others run; the count moves
 * a few per cent).
 *
 *   node --import tsx scripts/count-instructions.ts ee7030a HEAD .     (. = the working tree)
 *
 * For each revision, its `src` is taken with `git archive` and compiled with
 * tsc into a temporary folder; a plain script then runs `checkWorkbook` on
 * the bench's 40-sheet workbook (`generatedWorkbook(40, 150)`: 6 240 table
 * rows, no exceljs) SHORT and LONG times (8 and 24) under
 * `valgrind --tool=cachegrind --cache-sim=no`, node with `--single-threaded`
 * (the collector's and compiler's work on the one thread counted). The
 * difference over LONG − SHORT checks is the warm cost of a check: start-up,
 * generation and the first, cold checks cancel out. Needs valgrind
 * (`apt-get install -y valgrind`); ≈ 1,5 minutes a revision.
 */
import { execFileSync, execSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..');
const SHORT = 8;
const LONG = 24;

const RUNNER = `
const dir = process.argv[2];
const n = Number(process.argv[3]);
const { generatedWorkbook } = require(dir + '/engine/generate');
const { checkWorkbook } = require(dir + '/engine/check');
const grid = generatedWorkbook(40, 150);
// A fresh sheet list each time: the rules' per-sheet readings are not reused between checks.
for (let i = 0; i < n; i++) checkWorkbook({ sheets: grid.sheets.map((s) => ({ ...s })) });
`;

/** The revision's engine compiled to JavaScript in a temporary folder (`.`: the working tree). */
function compiled(rev: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `instructions-${rev.replace(/[^\w.-]/g, '_')}-`));
  if (rev === '.') fs.cpSync(path.join(root, 'src'), path.join(dir, 'src'), { recursive: true });
  else execSync(`git archive ${JSON.stringify(rev)} src | tar -x -C ${JSON.stringify(dir)}`, { cwd: root });
  const out = path.join(dir, 'build');
  const tsc = require.resolve('typescript/bin/tsc');
  const config = path.join(dir, 'tsconfig.json');
  // The build's own options, with the revision's src as the only input.
  const build = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8')) as { compilerOptions?: object };
  const base = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8')) as { compilerOptions?: object };
  const options = { ...base.compilerOptions, ...build.compilerOptions, outDir: out, rootDir: path.join(dir, 'src'), noEmit: false, incremental: false, types: ['node'], typeRoots: [path.join(root, 'node_modules', '@types')] };
  fs.writeFileSync(config, JSON.stringify({ compilerOptions: options, include: [path.join(dir, 'src', 'engine', '**', '*.ts')] }));
  execFileSync(process.execPath, [tsc, '-p', config], { cwd: dir, stdio: 'inherit' });
  fs.writeFileSync(path.join(dir, 'runner.js'), RUNNER);
  return dir;
}

/** Instructions of one process running n checks. */
function instructions(dir: string, n: number): number {
  // valgrind's summary goes to stderr.
  const r = spawnSync('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--single-threaded', path.join(dir, 'runner.js'), path.join(dir, 'build'), String(n)], { encoding: 'utf8' });
  if (r.error !== undefined) throw new Error(`valgrind could not run (apt-get install -y valgrind): ${r.error.message}`);
  const m = /I\s+refs:\s+([\d,]+)/.exec(r.stderr);
  if (m === null || r.status !== 0) throw new Error(`no instruction count from valgrind (exit ${String(r.status)}):\n${r.stderr.slice(-800)}`);
  return Number((m[1] as string).replace(/,/g, ''));
}

const revs = process.argv.slice(2);
if (revs.length === 0) {
  process.stderr.write('usage: node --import tsx scripts/count-instructions.ts REV... (. = the working tree)\n');
  process.exit(2);
}
for (const rev of revs) {
  const dir = compiled(rev);
  try {
    const perCheck = (instructions(dir, LONG) - instructions(dir, SHORT)) / (LONG - SHORT);
    process.stdout.write(`${rev}: ${(perCheck / 1e6).toFixed(0)} M instructions per check of 40 sheets (6 240 table rows)\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
