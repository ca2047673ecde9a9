/** What every benchmark takes and returns; `bench/index.ts` prints the results. */
export interface BenchOptions {
  /** Fewer repetitions, for a quick look. */
  quick: boolean;
}

export interface BenchResult {
  name: string;
  /** What was measured: sheets, rows, file size. */
  size: string;
  /** Median wall time in milliseconds. */
  ms: number;
  runs: number;
  /** The target in words, whether it was met, and the ratio it is stated in (if any). */
  target?: string;
  ratio?: number;
  met?: boolean;
}

export interface Bench {
  name: string;
  run(options: BenchOptions): Promise<BenchResult[]>;
}
