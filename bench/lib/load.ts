import { summarize, type Summary } from './stats';

export interface ClosedLoopOptions {
  /** Concurrent clients, each sending its next request as soon as the previous one is answered. */
  clients: number;
  /** Requests answered before the window opens are not counted (connections, caches, JIT). */
  warmupMs: number;
  /** The measured window: requests answered within it are counted. */
  durationMs: number;
  /** Called when the window opens and when it closes (say, to read CPU counters). */
  onWindowOpen?: () => void;
  onWindowClose?: () => void;
}

/** What a request ended with: `ok`, or a short label (`HTTP 409 slot-taken`, an error message). */
export type Outcome = string;

export interface ClosedLoopResult {
  clients: number;
  /** Length of the measured window (shorter than asked when `next` ran out of work). */
  windowMs: number;
  /** Requests answered within the window, by outcome. */
  outcomes: Record<Outcome, number>;
  ok: number;
  /** `ok` answers per second within the window. */
  okPerSecond: number;
  /** Latency of every request answered within the window, whatever its outcome. */
  latency: Summary | null;
  /** Set when `next` returned null before the window closed. */
  ranOut: boolean;
}

/**
 * A closed-loop load (what autocannon does with one request in flight per connection): `clients`
 * loops each send a request, wait for its answer, and send the next. `next` makes the next
 * request (null when there is no more work); `send` performs it and names its outcome, throwing
 * only for a network-level failure (recorded by its message). Throughput is the `ok` answers
 * completed inside a fixed window after the warm-up, divided by the window; latency is
 * measured from send to complete answer.
 */
export async function closedLoop<T>(
  options: ClosedLoopOptions,
  next: () => T | null,
  send: (work: T) => Promise<Outcome>,
): Promise<ClosedLoopResult> {
  const started = performance.now();
  let windowStart = started + options.warmupMs;
  let windowEnd = windowStart + options.durationMs;
  let ranOutAt: number | null = null;
  const latencies: number[] = [];
  const outcomes: Record<Outcome, number> = {};
  const openTimer = setTimeout(() => options.onWindowOpen?.(), options.warmupMs);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    options.onWindowClose?.();
  };
  const closeTimer = setTimeout(close, options.warmupMs + options.durationMs);

  const client = async () => {
    for (;;) {
      if (performance.now() >= windowEnd) return;
      const work = next();
      if (work === null) {
        if (ranOutAt === null) {
          ranOutAt = performance.now();
          if (ranOutAt >= windowStart) close();
        }
        return;
      }
      const t0 = performance.now();
      let outcome: Outcome;
      try {
        outcome = await send(work);
      } catch (error) {
        outcome = error instanceof Error ? error.message : String(error);
      }
      const t1 = performance.now();
      if (t1 >= windowStart && t1 < windowEnd && (ranOutAt === null || t1 <= ranOutAt)) {
        latencies.push(t1 - t0);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  clearTimeout(openTimer);
  clearTimeout(closeTimer);
  close();
  if (ranOutAt !== null && ranOutAt < windowEnd) windowEnd = ranOutAt;
  if (windowEnd < windowStart) windowStart = windowEnd;
  const windowMs = windowEnd - windowStart;
  const ok = outcomes.ok ?? 0;
  return {
    clients: options.clients,
    windowMs,
    outcomes,
    ok,
    okPerSecond: windowMs > 0 ? (ok * 1000) / windowMs : 0,
    latency: latencies.length > 0 ? summarize(latencies) : null,
    ranOut: ranOutAt !== null,
  };
}
