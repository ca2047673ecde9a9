/** What every benchmark takes and returns; `bench/index.ts` prints the rows. */
export interface BenchOptions {
  /** Small sizes and few repetitions: proves the benchmark still runs (CI). */
  quick: boolean;
}

/** One printed row: a figure beside its baseline and target. */
export interface BenchRow {
  /** Section: engine, cli, office, bytes, taskpane, growth. */
  bench: string;
  measure: string;
  /** What was measured on: sheets, rows, cells, file size. */
  size: string;
  /** The figure as printed (`812 ms`, `2 + 1`, `41 B/cell`) and as a number with its unit, for --json. */
  figure: string;
  value: number;
  unit: string;
  /** What the figure is compared with (a baseline measured in the same run), if anything. */
  baseline?: string;
  /** The target in words, and whether it held. */
  target?: string;
  met?: boolean;
  /** Repetitions behind a median, if timed. */
  runs?: number;
}

export interface Bench {
  name: string;
  run(options: BenchOptions): Promise<BenchRow[]>;
}
