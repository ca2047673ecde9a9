/**
 * `npm run bench [-- --quick] [-- --json]`: runs every benchmark and prints a
 * table (or JSON). Adding a benchmark: a file here exporting a function
 * returning `BenchResult[]`, and one line in BENCHES.
 */
import * as os from 'os';
import { parseArgs } from 'node:util';
import { benchCheck } from './check';
import type { Bench, BenchResult } from './types';

export const BENCHES: Bench[] = [{ name: 'check', run: benchCheck }];

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

function table(results: { bench: string; result: BenchResult }[]): string {
  const rows = results.map(({ bench, result: r }) => [
    bench,
    r.name,
    r.size,
    `${r.ms.toFixed(0)} ms`,
    r.target === undefined ? '' : `${r.target}${r.ratio === undefined ? '' : ` (${r.ratio.toFixed(2)} ×)`}`,
    r.met === undefined ? '' : r.met ? 'ok' : 'MISSED',
  ]);
  const head = ['bench', 'measure', 'size', 'median', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const fmt = (r: string[]) => r.map((c, i) => pad(c, widths[i] as number, i === 3)).join('  ').trimEnd();
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

async function run(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean' }, json: { type: 'boolean' } }, allowPositionals: false });
  const quick = values.quick === true;
  const all: { bench: string; result: BenchResult }[] = [];
  for (const b of BENCHES) for (const result of await b.run({ quick })) all.push({ bench: b.name, result });
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  if (values.json === true) {
    process.stdout.write(`${JSON.stringify({ machine, quick, results: all.map(({ bench, result }) => ({ bench, ...result })) })}\n`);
  } else {
    process.stdout.write(`${machine}${quick ? ' (--quick)' : ''}\n${table(all)}\n`);
  }
}

run().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
