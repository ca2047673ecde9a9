/**
 * Memory of one `check` in a fresh process (run by bench/cli.ts):
 *   node --expose-gc --import tsx bench/cli-memory.ts check FILE
 *
 * What is measured: the JavaScript heap in use while
 * `avvikelsekollen check --json FILE` runs (the shipped build/cli/main.js),
 * sampled about every millisecond from a worker thread through the
 * inspector (Runtime.getHeapUsage, answered between the check's own steps),
 * at its peak, over the heap in use just before the check (after a full
 * collection); plus the memory outside the heap the check holds: the file's
 * bytes (kept while its parts are read) and the largest part inflated (one
 * part is inflated at a time). Before the measured check the same file is
 * checked twice, so the program's code is loaded and compiled: the figure is
 * the memory the workbook's check takes, not the program's start-up. The
 * heap in use includes garbage not yet collected, so it is an upper bound of
 * what the check holds alive.
 *
 * Also: the heap the grid of the workbook takes once read (the floor of any
 * check that keeps the whole grid), what the peak is made of (the peak while
 * only the grid is read, and while only the engine checks a grid read
 * before), and the peak resident set size (sampled
 * the same way) over the RSS before the check: it counts what V8 had already
 * reserved as nothing, and is printed for reference only. Prints one JSON line.
 */
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { CliIO } from '../src/cli/command';
import type { WorkbookGrid } from '../src/engine';

/**
 * The command line as it ships (`build/`, which bench/cli.ts compiles first): run from
 * the TypeScript sources, tsx would compile each module the check loads during the
 * measurement and count its own memory in the check's peak.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { main } = require(path.join(__dirname, '..', 'build', 'cli', 'main.js')) as { main: (argv: string[], io: CliIO) => Promise<number> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { openPackage } = require(path.join(__dirname, '..', 'build', 'xlsx', 'package.js')) as typeof import('../src/xlsx/package');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readPackageGrid } = require(path.join(__dirname, '..', 'build', 'xlsx', 'read.js')) as typeof import('../src/xlsx/read');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkWorkbook, reviewFindings } = require(path.join(__dirname, '..', 'build', 'engine', 'index.js')) as typeof import('../src/engine');

export interface MemoryReport {
  mode: string;
  /** Peak heap in use during the check over the heap in use before it, plus the file's bytes and the largest part inflated. */
  peakBytes: number;
  /** The heap part of `peakBytes`. */
  peakHeapDelta: number;
  /** How many heap samples the peak is taken from. */
  samples: number;
  /** Peak resident set size during the check (sampled), over the resident set size just before it. */
  peakRssDelta: number;
  /** Heap held by the workbook's grid once read (the heap with it, less the heap once it is dropped). */
  gridHeapBytes: number;
  /** The package's bytes (the file, held while its parts are read). */
  fileBytes: number;
  /** The largest part, inflated. */
  largestPartBytes: number;
  /** Heap still held after the check and a full collection. */
  retainedBytes: number;
  /** What the peak is made of: the peak heap in use while only the grid is read (the grid and the reader's garbage). */
  readPeakHeapDelta: number;
  /** … and while the engine checks and reviews a grid read before (its tables, findings and garbage; the grid not counted). */
  enginePeakHeapDelta: number;
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g === undefined) throw new Error('run with --expose-gc');
  g();
  g();
}

/**
 * A worker thread that samples, between 'start' and 'stop', the main thread's heap in use (through the
 * inspector, which answers between the main thread's steps even while it runs synchronous code) and the
 * process's RSS, answering with the peaks.
 */
const SAMPLER = `
const { parentPort } = require('worker_threads');
const inspector = require('inspector');
const session = new inspector.Session();
session.connectToMainThread();
let heap = 0, rss = 0, samples = 0, running = false;
function sample() {
  if (!running) return;
  rss = Math.max(rss, process.memoryUsage.rss());
  session.post('Runtime.getHeapUsage', (err, r) => {
    if (!err) { heap = Math.max(heap, r.usedSize); samples++; }
    setTimeout(sample, 1);
  });
}
parentPort.on('message', (m) => {
  if (m === 'start') { running = true; heap = 0; rss = process.memoryUsage.rss(); samples = 0; sample(); parentPort.postMessage('started'); }
  else { running = false; rss = Math.max(rss, process.memoryUsage.rss()); parentPort.postMessage({ heap, rss, samples }); }
});`;

function message(worker: Worker, send: string): Promise<unknown> {
  return new Promise((resolve) => {
    worker.once('message', resolve);
    worker.postMessage(send);
  });
}

/** The heap the workbook's grid holds once read (the heap with it, less the heap once it is dropped), the file's size and its largest part's. */
function gridHeap(file: string): { gridHeapBytes: number; fileBytes: number; largestPartBytes: number } {
  const pkg = openPackage(file);
  const held: { grid?: WorkbookGrid } = { grid: readPackageGrid(pkg).grid };
  gc();
  const withGrid = process.memoryUsage().heapUsed;
  delete held.grid;
  gc();
  return { gridHeapBytes: withGrid - process.memoryUsage().heapUsed, fileBytes: pkg.bytes.length, largestPartBytes: Math.max(...pkg.entries.map((e) => e.size)) };
}

/** The peak heap in use while `step` runs (sampled), over the heap in use before it after a full collection; and the heap still held after it. */
async function sampledPeak(sampler: Worker, step: () => Promise<unknown>): Promise<{ peakHeapDelta: number; samples: number; peakRssDelta: number; retainedBytes: number }> {
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const rss0 = process.memoryUsage.rss();
  await message(sampler, 'start');
  await step();
  const peak = (await message(sampler, 'stop')) as { heap: number; rss: number; samples: number };
  gc();
  return { peakHeapDelta: Math.max(0, peak.heap - heap0), samples: peak.samples, peakRssDelta: peak.rss - rss0, retainedBytes: process.memoryUsage().heapUsed - heap0 };
}

async function run(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if (file === undefined || mode !== 'check') throw new Error('usage: cli-memory.ts check FILE');
  const sink = { write: () => true };
  const io = { stdout: sink, stderr: sink, stderrIsTTY: false };
  const sampler = new Worker(SAMPLER, { eval: true });
  await main(['check', file, '--json'], io);
  await main(['check', file, '--json'], io);
  const { gridHeapBytes, fileBytes, largestPartBytes } = gridHeap(file);

  const checked = await sampledPeak(sampler, () => main(['check', file, '--json'], io));
  const read = await sampledPeak(sampler, async () => readPackageGrid(openPackage(file)));
  const grid = readPackageGrid(openPackage(file)).grid;
  const engine = await sampledPeak(sampler, async () => reviewFindings(checkWorkbook(grid, { sheets: [] }), grid));
  await sampler.terminate();
  const { peakHeapDelta, samples, peakRssDelta, retainedBytes } = checked;
  const report: MemoryReport = {
    mode,
    peakBytes: peakHeapDelta + fileBytes + largestPartBytes,
    peakHeapDelta,
    samples,
    peakRssDelta,
    gridHeapBytes,
    fileBytes,
    largestPartBytes,
    retainedBytes,
    readPeakHeapDelta: read.peakHeapDelta,
    enginePeakHeapDelta: engine.peakHeapDelta,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

run().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
