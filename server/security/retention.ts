import { lt } from 'drizzle-orm';
import { db } from '@/db/client';
import { authAttempts, securityEvents } from '@/db/schema';

/** The law's floor: security logs are kept at least six months. */
export const MIN_RETENTION_DAYS = 180;

/**
 * Days the security log is kept: LINLI_SECURITY_LOG_DAYS, never below 180 (a lower value is
 * raised to 180, and the database refuses earlier deletions anyway).
 */
export function securityLogRetentionDays(env: Record<string, string | undefined> = process.env): number {
  const configured = Number(env.LINLI_SECURITY_LOG_DAYS);
  return Number.isFinite(configured) && configured > MIN_RETENTION_DAYS ? Math.floor(configured) : MIN_RETENTION_DAYS;
}

/**
 * Deletes security-log entries (and sign-in attempts) older than the retention period, and
 * nothing younger. Run by the background job; idempotent, safe from two instances at once.
 */
export async function purgeSecurityLog(now = new Date(), days = securityLogRetentionDays()) {
  const cutoff = new Date(now.getTime() - Math.max(days, MIN_RETENTION_DAYS) * 86_400_000);
  const events = await db.delete(securityEvents).where(lt(securityEvents.at, cutoff)).returning({ id: securityEvents.id });
  const attempts = await db.delete(authAttempts).where(lt(authAttempts.at, cutoff)).returning({ id: authAttempts.id });
  return { events: events.length, attempts: attempts.length, cutoff };
}
