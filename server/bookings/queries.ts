import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { bookings, facilities, spaces } from '@/db/schema';
import { requireUser, type Actor, type RequestContext } from '@/server/auth/context';
import { canManageCommunity } from '@/server/auth/policy';
import { AppError } from '@/server/errors';
import { toBookingView } from './views';

const withRoom = {
  booking: bookings,
  roomName: spaces.name,
  facilityName: facilities.name,
};

/** The booking if this actor may see it: its resident, staff of its community, or an admin. */
export async function loadBookingFor(executor: Executor, actor: Actor, bookingId: string, options: { forUpdate?: boolean } = {}) {
  const query = executor
    .select(withRoom)
    .from(bookings)
    .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
    .innerJoin(facilities, eq(facilities.id, spaces.facilityId))
    .where(eq(bookings.id, bookingId));
  const [row] = options.forUpdate ? await query.for('update', { of: bookings }) : await query;
  // Someone else's booking reads as not found: its id reveals nothing.
  if (!row || (row.booking.residentId !== actor.id && !canManageCommunity(actor, row.booking.communityId))) {
    throw new AppError('not_found', 'Booking not found');
  }
  return row;
}

export async function getBooking(ctx: RequestContext, bookingId: string) {
  const actor = await requireUser(ctx);
  const row = await loadBookingFor(db, actor, bookingId);
  return toBookingView(row.booking, row);
}

/** A resident's own bookings: upcoming first (soonest first), then past (latest first). */
export async function listMyBookings(ctx: RequestContext, now = new Date()) {
  const actor = await requireUser(ctx);
  const rows = await db
    .select(withRoom)
    .from(bookings)
    .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
    .innerJoin(facilities, eq(facilities.id, spaces.facilityId))
    .where(eq(bookings.residentId, actor.id))
    .orderBy(desc(bookings.startsAt))
    .limit(500);
  const views = rows.map((row) => toBookingView(row.booking, row));
  const upcoming = views.filter((b) => new Date(b.endsAt) > now).reverse();
  const past = views.filter((b) => new Date(b.endsAt) <= now);
  return { upcoming, past };
}

/** Staff: bookings of their communities in a range (the day sheet), or awaiting approval (the inbox). */
export async function listCommunityBookings(ctx: RequestContext, filter: { from?: Date; to?: Date; pendingOnly?: boolean }) {
  const actor = await requireUser(ctx);
  if (actor.role !== 'staff' && actor.role !== 'admin') throw new AppError('forbidden', 'Not allowed for this account');
  const conditions = [
    actor.role === 'admin' ? sql`true` : inArray(bookings.communityId, actor.communityIds.length > 0 ? actor.communityIds : ['00000000-0000-0000-0000-000000000000']),
    filter.pendingOnly ? eq(bookings.status, 'pending') : sql`true`,
    filter.from ? gte(bookings.endsAt, filter.from) : sql`true`,
    filter.to ? lt(bookings.startsAt, filter.to) : sql`true`,
  ];
  const rows = await db
    .select(withRoom)
    .from(bookings)
    .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
    .innerJoin(facilities, eq(facilities.id, spaces.facilityId))
    .where(and(...conditions))
    .orderBy(asc(bookings.startsAt))
    .limit(1000);
  return rows.map((row) => toBookingView(row.booking, row));
}

