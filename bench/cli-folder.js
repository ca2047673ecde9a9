/**
 * `check FOLDER` (the files in worker threads, as many as cores) against
 * checking the same files one at a time, alternated in one plain Node
 * process (run by bench/cli.ts):
 *
 *   node bench/cli-folder.js FOLDER ROUNDS
 *
 * Prints one JSON line: `{"folder": [ms…], "oneByOne": [ms…]}`.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { performance } = require('perf_hooks');
const { main } = require(path.join(__dirname, '..', 'build', 'cli', 'main.js'));

const [folder, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg);
const files = fs
  .readdirSync(folder)
  .filter((f) => f.endsWith('.xlsx'))
  .sort()
  .map((f) => path.join(folder, f));
const sink = { write: () => true };
const io = { stdout: sink, stderr: sink, stderrIsTTY: false };

async function timed(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function run() {
  const out = { folder: [], oneByOne: [] };
  await main(['check', folder, '--json'], io);
  for (let i = 0; i < rounds; i++) {
    out.folder.push(await timed(() => main(['check', folder, '--json'], io)));
    out.oneByOne.push(
      await timed(async () => {
        for (const f of files) await main(['check', f, '--json'], io);
      }),
    );
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

run().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(3);
});
