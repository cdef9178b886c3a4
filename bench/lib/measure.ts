import { summarize, type Summary } from './stats';

export interface MeasureOptions {
  /** Runs before timing starts (caches, prepared statements, JIT of the JavaScript). */
  warmup: number;
  iterations: number;
  /** Stop starting new iterations once this much time went by (at least one is always timed). */
  budgetMs: number;
}

/** The timings, and the error that ended the measurement early, if one did. */
export interface Measured {
  summary: Summary | null;
  error: string | null;
}

/**
 * Times `run` after its warm-ups. An error ends the measurement and is reported, not thrown:
 * one failing path (say, a response too large to send) must not hide the others' figures.
 */
export async function measure(run: () => Promise<unknown>, options: MeasureOptions): Promise<Measured> {
  const started = performance.now();
  const samples: number[] = [];
  try {
    for (let i = 0; i < options.warmup; i++) await run();
    while (samples.length < options.iterations && (samples.length === 0 || performance.now() - started < options.budgetMs)) {
      const t0 = performance.now();
      await run();
      samples.push(performance.now() - t0);
    }
  } catch (error) {
    return { summary: samples.length > 0 ? summarize(samples) : null, error: error instanceof Error ? error.message : String(error) };
  }
  return { summary: summarize(samples), error: null };
}
