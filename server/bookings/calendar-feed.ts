import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { bookings, calendarFeeds, facilities, spaces } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireRole, type RequestContext } from '@/server/auth/context';
import { bookingsToIcs } from './ics';
import { toBookingView } from './views';

function hash(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

/** A new secret feed token for the resident; the old URL stops working at once. */
export async function regenerateCalendarFeed(ctx: RequestContext): Promise<{ token: string; path: string }> {
  const actor = await requireRole(ctx, 'resident');
  const token = randomBytes(24).toString('base64url');
  await db.transaction(async (tx) => {
    await tx
      .insert(calendarFeeds)
      .values({ userId: actor.id, tokenHash: hash(token) })
      .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash: hash(token), createdAt: new Date() } });
    await writeAudit(tx, { actorId: actor.id, action: 'calendar_feed.regenerate', entity: 'user', entityId: actor.id, requestId: ctx.requestId });
  });
  return { token, path: `/api/v1/calendar/${token}.ics` };
}

/**
 * GET /api/v1/calendar/{token}.ics: the resident's bookings from 30 days ago on, for a phone
 * calendar to subscribe to. The token is the only credential; an unknown token is not found.
 */
export async function getCalendarFeed(token: string, now = new Date()): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const [feed] = await db.select({ userId: calendarFeeds.userId }).from(calendarFeeds).where(eq(calendarFeeds.tokenHash, hash(token)));
  if (!feed) return null;
  const rows = await db
    .select({ booking: bookings, roomName: spaces.name, facilityName: facilities.name })
    .from(bookings)
    .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
    .innerJoin(facilities, eq(facilities.id, spaces.facilityId))
    .where(and(eq(bookings.residentId, feed.userId), gt(bookings.endsAt, new Date(now.getTime() - 30 * 86_400_000)), inArray(bookings.status, ['pending', 'confirmed', 'attended', 'cancelled', 'rejected', 'no_show'])))
    .orderBy(desc(bookings.startsAt))
    .limit(500);
  return bookingsToIcs(rows.map((row) => toBookingView(row.booking, row)), '邻里预约 Linli bookings', now);
}
