/**
 * Memory of one command in a fresh process (run by bench/cli.ts):
 *   node --expose-gc --import tsx bench/cli-memory.ts check FILE WARM-UP-FILE
 * The peak RSS of `avvikelsekollen check --json FILE` over the RSS before it
 * (the shipped build/cli/main.js), after one check of a small workbook
 * (WARM-UP-FILE) has loaded and compiled the code: the figure is the memory
 * the workbook costs, not the program's. Prints one JSON line.
 */
import * as path from 'path';
import type { CliIO } from '../src/cli/command';

/**
 * The command line as it ships (`build/`, which bench/cli.ts compiles first): run from
 * the TypeScript sources, tsx would compile each module the check loads during the
 * measurement and count its own memory in the check's peak.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { main } = require(path.join(__dirname, '..', 'build', 'cli', 'main.js')) as { main: (argv: string[], io: CliIO) => Promise<number> };

export interface MemoryReport {
  mode: string;
  /** Heap held after the command and a full GC. */
  retainedBytes: number;
  /** Peak resident set size during the command, over the resident set size before it. */
  peakRssDelta: number;
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g === undefined) throw new Error('run with --expose-gc');
  g();
  g();
}

async function run(): Promise<void> {
  const [mode, file, warmUp] = process.argv.slice(2);
  if (file === undefined || warmUp === undefined || mode !== 'check') throw new Error('usage: cli-memory.ts check FILE WARM-UP-FILE');
  const sink = { write: () => true };
  await main(['check', warmUp, '--json'], { stdout: sink, stderr: sink, stderrIsTTY: false });
  gc();
  const rss0 = process.memoryUsage().rss;
  const heap0 = process.memoryUsage().heapUsed;
  const keep = await main(['check', file, '--json'], { stdout: sink, stderr: sink, stderrIsTTY: false });
  const peakRss = process.resourceUsage().maxRSS * 1024;
  gc();
  const heap1 = process.memoryUsage().heapUsed;
  const report: MemoryReport = { mode, retainedBytes: heap1 - heap0, peakRssDelta: peakRss - rss0 };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  void keep;
}

run().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
