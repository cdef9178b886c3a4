import { and, desc, eq, gt } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { bookings } from '@/db/schema';
import type { BookingRules } from './room-context';

/**
 * The no-show rule (public venues in China: 3 no-shows within 90 days → 30 days without
 * booking): when the latest no-show is the limit-th within the window, booking is suspended for
 * the suspension period from that no-show. Returns the end of the suspension, or null.
 */
export async function suspendedUntil(executor: Executor, residentId: string, rules: BookingRules, now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - (rules.noShowWindowDays + rules.suspensionDays) * 86_400_000);
  const noShows = await executor
    .select({ startsAt: bookings.startsAt })
    .from(bookings)
    .where(and(eq(bookings.residentId, residentId), eq(bookings.status, 'no_show'), gt(bookings.startsAt, since)))
    .orderBy(desc(bookings.startsAt));
  for (let i = 0; i + rules.noShowLimit - 1 < noShows.length; i++) {
    const latest = noShows[i]!.startsAt;
    const earliest = noShows[i + rules.noShowLimit - 1]!.startsAt;
    if (latest.getTime() - earliest.getTime() <= rules.noShowWindowDays * 86_400_000) {
      const until = new Date(latest.getTime() + rules.suspensionDays * 86_400_000);
      return until > now ? until : null;
    }
  }
  return null;
}

