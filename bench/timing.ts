/** Timing helpers shared by the benchmarks. */
import { performance } from 'perf_hooks';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Median wall time of `runs` calls, after one warm-up call unless `warm` is false. */
export async function medianTime(runs: number, fn: () => Promise<unknown> | unknown, warm = true): Promise<number> {
  if (warm) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await time(fn));
  return median(out);
}

export function ms(x: number): string {
  return x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`;
}

export function kib(bytes: number): string {
  return bytes >= 10 * 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

/** Takes `name N` out of a command line's arguments and returns N (`fallback` when it is not there). */
export function takeNumberOption(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  args.splice(i, 2);
  return value;
}
