/** One benchmark under bench/, run by bench/run.ts (`npm run bench [-- name…]`). */
export interface Benchmark {
  name: string;
  description: string;
  run(context: BenchContext): Promise<void>;
}

export interface BenchContext {
  /** Registers clean-up (stop a server, drop a database) to run however the run ends. */
  onCleanup(cleanup: () => Promise<void>): void;
  log(message: string): void;
}
