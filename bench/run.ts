/**
 * `npm run bench [-- name…]`: runs every benchmark under bench/ (or those named), each against its
 * own throwaway database, prints its figures and records them in bench/README.md. Missing a
 * target is a finding, not a failure: the exit code is non-zero only when a benchmark could not
 * run. A watchdog ends the run after BENCH_TIMEOUT_MINUTES (default 90), cleaning up first.
 */
import type { Benchmark } from './lib/benchmark';
import { bookingBenchmark } from './booking/index';
import { complianceBenchmark } from './compliance/index';

const BENCHMARKS: Benchmark[] = [complianceBenchmark, bookingBenchmark];

const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | null = null;

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error('clean-up failed:', error);
      }
    }
    cleanups.length = 0;
  })();
  return cleaning;
}

function exitAfterCleanUp(code: number) {
  void cleanUp().finally(() => process.exit(code));
}

async function main(): Promise<number> {
  const names = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = names.filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
    return 2;
  }
  const selected = names.length > 0 ? BENCHMARKS.filter((b) => names.includes(b.name)) : BENCHMARKS;

  const timeoutMinutes = Number(process.env.BENCH_TIMEOUT_MINUTES ?? 90);
  const watchdog = setTimeout(() => {
    console.error(`\nThe benchmarks did not finish within ${timeoutMinutes} minutes (BENCH_TIMEOUT_MINUTES): stopping.`);
    exitAfterCleanUp(3);
  }, timeoutMinutes * 60_000);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the benchmarks…`);
      exitAfterCleanUp(signal === 'SIGINT' ? 130 : 143);
    });
  }

  let failed = 0;
  for (const benchmark of selected) {
    console.log(`\n=== ${benchmark.name}: ${benchmark.description}\n`);
    const started = performance.now();
    try {
      await benchmark.run({
        onCleanup: (cleanup) => cleanups.push(cleanup),
        log: (message) => console.log(message),
      });
      console.log(`\n${benchmark.name} finished in ${((performance.now() - started) / 60_000).toFixed(1)} min.`);
    } catch (error) {
      failed++;
      console.error(`\n${benchmark.name} failed:`, error);
    } finally {
      await cleanUp();
      cleaning = null;
    }
  }
  clearTimeout(watchdog);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    exitAfterCleanUp(1);
  },
);
