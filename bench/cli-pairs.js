/**
 * `check --json` against merely loading the same file with exceljs, warm and
 * alternated in one plain Node process (run by bench/cli.ts, several times):
 *
 *   node bench/cli-pairs.js FILE PAIRS
 *
 * Plain JavaScript in plain Node, because that is how the command line ships
 * (`build/cli/main.js`, which bench/cli.ts compiles first). In the
 * benchmark's own process (tsx's loader, the generated workbook just written
 * with exceljs) the same pairs read ≈ 0,06 × higher for `check` (medians of
 * ten processes each: 1,26 against 1,19); see docs/performance.md.
 *
 * Prints one JSON line: `{"load": [ms…], "check": [ms…], "code": exit code}`.
 */
'use strict';
const path = require('path');
const { performance } = require('perf_hooks');
const ExcelJS = require('exceljs');
const { main } = require(path.join(__dirname, '..', 'build', 'cli', 'main.js'));

const [file, pairsArg] = process.argv.slice(2);
const pairs = Number(pairsArg);
if (file === undefined || !(pairs > 0)) {
  process.stderr.write('usage: node bench/cli-pairs.js FILE PAIRS\n');
  process.exit(2);
}

const sink = { write: () => true };

async function loadOnly() {
  await new ExcelJS.Workbook().xlsx.readFile(file);
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
  // Warm up both paths twice, then alternate so both see the same state of the process and the machine.
  let code = 0;
  for (let i = 0; i < 2; i++) {
    await loadOnly();
    code = await check();
  }
  const load = [];
  const checks = [];
  for (let i = 0; i < pairs; i++) {
    load.push(await timed(loadOnly));
    checks.push(await timed(check));
  }
  process.stdout.write(`${JSON.stringify({ load, check: checks, code })}\n`);
}

run().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(3);
});
