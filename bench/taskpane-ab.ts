/**
 * Page load → findings list of two or more task-pane builds, alternated in
 * one harness (bench/taskpane.ts's page clock, no tracing), for A/B on a
 * loaded machine: each round opens every build `--runs` times (after one
 * untimed load), and the medians are printed per build.
 *   npx tsx bench/taskpane-ab.ts <dist-a> <dist-b> [--rounds 4] [--runs 2]
 * Build a folder with `npx webpack --mode production --output-path DIR`.
 */
import * as os from 'os';
import { paneTimings, type PaneTiming } from './taskpane';
import { median, takeNumberOption } from './timing';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: number): number => takeNumberOption(args, name, dflt);
  const rounds = opt('--rounds', 4);
  const runs = opt('--runs', 2);
  if (args.length === 0) throw new Error('usage: npx tsx bench/taskpane-ab.ts <dist> [<dist> …] [--rounds N] [--runs N]');
  const all = new Map<string, PaneTiming[]>(args.map((d) => [d, []]));
  const loads: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const dir of args) all.get(dir)?.push(...(await paneTimings(40, runs, dir)));
    loads.push(os.loadavg()[0] ?? 0);
  }
  process.stdout.write(`${rounds} rounds × ${runs} runs, alternated; load after each round ${loads.map((l) => l.toFixed(1)).join(', ')}; medians, ms:\n`);
  for (const [dir, ts] of all) {
    const m = (f: (t: PaneTiming) => number): string => median(ts.map(f)).toFixed(0);
    process.stdout.write(
      `${dir}: list ${m((t) => t.findingsMs)}, ready ${m((t) => t.readyMs)}, click ${m((t) => t.clickMs)}, click → list ${m((t) => t.findingsMs - t.clickMs)}, read + check ${m((t) => t.validateMs)}, all drawn ${m((t) => t.completeMs)} (n = ${ts.length})\n`,
    );
  }
}

void main();
