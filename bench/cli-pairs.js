/**
 * `check --json` against merely loading the same file with exceljs and
 * against SheetJS (@e965/xlsx) reading it with formulas, warm and alternated
 * in one plain Node process (run by bench/cli.ts, several times):
 *
 *   node bench/cli-pairs.js FILE ROUNDS
 *
 * Plain JavaScript in plain Node, because that is how the command line ships
 * (`build/cli/main.js`, which bench/cli.ts compiles first).
 *
 * Prints one JSON line: `{"exceljs": [ms…], "sheetjs": [ms…], "check": [ms…], "cpu": {the same in CPU ms}, "code": exit code}`:
 * wall time is the figure; CPU time says how much of it the machine's other load took.
 */
'use strict';
const path = require('path');
const { performance } = require('perf_hooks');
const ExcelJS = require('exceljs');
const XLSX = require('@e965/xlsx');
const { main } = require(path.join(__dirname, '..', 'build', 'cli', 'main.js'));

const [file, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg);
if (file === undefined || !(rounds > 0)) {
  process.stderr.write('usage: node bench/cli-pairs.js FILE ROUNDS\n');
  process.exit(2);
}

const sink = { write: () => true };
const WARM_UP_ROUNDS = 5;

async function exceljsLoad() {
  await new ExcelJS.Workbook().xlsx.readFile(file);
}

function sheetjsRead() {
  XLSX.readFile(file, { cellFormula: true });
}

function check() {
  return main(['check', file, '--json'], { stdout: sink, stderr: sink, stderrIsTTY: false });
}

/** Wall time and CPU time (all the process's threads: V8's compiler and collector too) of one call, in ms. */
async function timed(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

async function run() {
  // Warm up every path alike, then alternate so all see the same state of the process and the machine.
  // Five rounds: after two, at the small (--quick) size, the check's code (the engine's rules are more
  // functions than either reader has) was still being optimised, and its figure was V8's warm-up.
  let code = 0;
  for (let i = 0; i < WARM_UP_ROUNDS; i++) {
    await exceljsLoad();
    sheetjsRead();
    code = await check();
  }
  const out = { exceljs: [], sheetjs: [], check: [], cpu: { exceljs: [], sheetjs: [], check: [] }, code };
  for (let i = 0; i < rounds; i++) {
    for (const [name, fn] of [
      ['exceljs', exceljsLoad],
      ['sheetjs', sheetjsRead],
      ['check', check],
    ]) {
      const t = await timed(fn);
      out[name].push(t.wall);
      out.cpu[name].push(t.cpu);
    }
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

run().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(3);
});
