/**
 * `npm run bench [-- --quick] [-- --json]`: runs every benchmark
 * and prints one table, each figure beside its baseline and target (or JSON).
 * `--quick`: small sizes, few repetitions, to prove it still runs (CI).
 * `--only engine,cli,…`: some sections only.
 * Adding a benchmark: a file here exporting a function returning
 * `BenchRow[]`, and one line in BENCHES.
 */
import * as os from 'os';
import { parseArgs } from 'node:util';
import { benchCli } from './cli';
import { benchEngine } from './engine';
import { benchOffice } from './office';
import { benchTaskpane } from './taskpane';
import type { Bench, BenchRow } from './types';

export const BENCHES: Bench[] = [
  { name: 'engine', run: benchEngine },
  { name: 'cli', run: benchCli },
  { name: 'office', run: benchOffice },
  { name: 'taskpane', run: benchTaskpane },
];

function table(rows: BenchRow[]): string {
  const cells = rows.map((r) => [r.bench, r.measure, r.size, r.figure, r.baseline ?? '', r.target ?? '', r.met === undefined ? '' : r.met ? 'ok' : 'MISSED']);
  const head = ['bench', 'measure', 'size', 'figure', 'baseline', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] as string).length)));
  const fmt = (r: string[]): string =>
    r
      .map((c, i) => c.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(fmt)].join('\n');
}

/** The machine the figures come from. */
export function machine(): { cpus: number; cpu: string; memory: string; node: string; load: string } {
  return {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'cpu',
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

async function run(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean' }, json: { type: 'boolean' }, only: { type: 'string' } }, allowPositionals: false });
  const quick = values.quick === true;
  const only = values.only === undefined ? undefined : values.only.split(',');
  const started = Date.now();
  const m0 = machine();
  const rows: BenchRow[] = [];
  for (const b of BENCHES) {
    if (only !== undefined && !only.includes(b.name)) continue;
    if (values.json !== true) process.stderr.write(`bench: ${b.name}…\n`);
    rows.push(...(await b.run({ quick })));
  }
  const seconds = (Date.now() - started) / 1000;
  const m = { ...m0, loadAfter: machine().load };
  if (values.json === true) {
    process.stdout.write(`${JSON.stringify({ machine: m, quick, seconds, rows })}\n`);
  } else {
    process.stdout.write(`${m.cpus} × ${m.cpu}, ${m.memory}, Node ${m.node}, load ${m.load} → ${m.loadAfter}${quick ? ' (--quick)' : ''}; ${seconds.toFixed(0)} s\n${table(rows)}\n`);
  }
}

if (require.main === module) {
  run().catch((e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
