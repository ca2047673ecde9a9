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
 * Prints one JSON line: `{"exceljs": [ms…], "sheetjs": [ms…], "check": [ms…], "code": exit code}`.
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

async function exceljsLoad() {
  await new ExcelJS.Workbook().xlsx.readFile(file);
}

function sheetjsRead() {
  XLSX.readFile(file, { cellFormula: true });
}

function check() {
  return main(['check', file, '--json'], { stdout: sink, stderr: sink, stderrIsTTY: false });
}

async function timed(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function run() {
  // Warm up every path twice, then alternate so all see the same state of the process and the machine.
  let code = 0;
  for (let i = 0; i < 2; i++) {
    await exceljsLoad();
    sheetjsRead();
    code = await check();
  }
  const out = { exceljs: [], sheetjs: [], check: [], code };
  for (let i = 0; i < rounds; i++) {
    out.exceljs.push(await timed(exceljsLoad));
    out.sheetjs.push(await timed(sheetjsRead));
    out.check.push(await timed(check));
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

run().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(3);
});
