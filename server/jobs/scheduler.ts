import { purgeSecurityLog } from '@/server/security/retention';
import { runBookingJobs } from './booking-jobs';

const INTERVAL_MS = Number(process.env.LINLI_JOBS_INTERVAL_MS ?? 60_000);

/**
 * Runs the background jobs every minute in each app instance. The jobs keep their state in the
 * database and claim rows with SKIP LOCKED, so any number of instances, restarts included, is safe.
 */
export function startJobScheduler() {
  const tick = () => {
    runBookingJobs().catch((error) => console.error('[jobs] booking jobs failed', error));
    // Deleting what is past its retention is idempotent: two instances at once delete it once.
    purgeSecurityLog().catch((error) => console.error('[jobs] security log purge failed', error));
  };
  const timer = setInterval(tick, INTERVAL_MS);
  timer.unref();
  setTimeout(tick, 5_000).unref();
}
