/**
 * `check FOLDER` (the files in worker threads, as many as cores) against
 * checking the same files one at a time, alternated (run by bench/cli.ts):
 *
 *   node bench/cli-folder.js FOLDER ROUNDS
 *
 * Each run is a fresh process, as a user starts the command line: the
 * shipped `bin/avvikelsekollen.js check FOLDER --json`, and the same files
 * checked one after the other in one process (bench/cli-one-by-one.js, the
 * code `check` runs for each file, without worker threads). The two must
 * print the same lines. Both pay Node's start-up and module loading once;
 * the worker threads pay it again each, which is theirs to win back.
 *
 * Prints one JSON line: `{"folder": [ms…], "oneByOne": [ms…]}`.
 */
'use strict';
const path = require('path');
const { spawnSync } = require('child_process');
const { performance } = require('perf_hooks');

const [folder, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg);
const ROOT = path.join(__dirname, '..');

function timedRun(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${String(r.status)} ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

const folderRun = () => timedRun([path.join(ROOT, 'bin', 'avvikelsekollen.js'), 'check', folder, '--json']);
const oneByOneRun = () => timedRun([path.join(__dirname, 'cli-one-by-one.js'), folder]);

function run() {
  const first = folderRun();
  const second = oneByOneRun();
  if (first.stdout !== second.stdout) throw new Error('check FOLDER and one file at a time printed different lines');
  const out = { folder: [], oneByOne: [] };
  for (let i = 0; i < rounds; i++) {
    out.folder.push(folderRun().ms);
    out.oneByOne.push(oneByOneRun().ms);
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

try {
  run();
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(3);
}
