#!/usr/bin/env node
/**
 * `npm run fuzz`: the engine fuzzing of test/robustness/engine.fuzz.test.ts,
 * nightly-style: full-size workbooks and many more of them, a fresh random
 * seed per round (printed, so a failure can be replayed).
 *
 *   FUZZ_RUNS=200000 (default)  workbooks per round
 *   FUZZ_ROUNDS=1 (default)     rounds, each with its own seed
 *   FUZZ_SEED=1234              replay one seed (one round)
 *   FUZZ_SIZE=small             the suite's small workbooks instead of full-size ones
 *
 * Exit code: 0 when every round passed, 1 otherwise.
 */
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const runs = Number(process.env.FUZZ_RUNS || 200000);
const rounds = process.env.FUZZ_SEED ? 1 : Number(process.env.FUZZ_ROUNDS || 1);
let failed = 0;
for (let i = 0; i < rounds; i++) {
  const seed = process.env.FUZZ_SEED || String(Math.floor(Math.random() * 0x7fffffff));
  console.log(`fuzz round ${i + 1}/${rounds}: ${runs} workbooks, seed ${seed}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--runInBand', 'test/robustness/engine.fuzz.test.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: seed, FUZZ_SIZE: process.env.FUZZ_SIZE || 'full' },
  });
  console.log(`round ${i + 1}: ${r.status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s (replay: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz)`);
  if (r.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
