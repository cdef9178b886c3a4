import { and, asc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { bookingRules, bookings, closures, communities, facilities, occupancies, spaces, towns, users } from '@/db/schema';
import { requireRole, type Actor, type RequestContext } from '@/server/auth/context';
import { canManageCommunity } from '@/server/auth/policy';
import { AppError } from '@/server/errors';
import { maskMobile } from '@/server/privacy/mask';
import { occupancyRange } from './occupancy-range';
import { DEFAULT_BOOKING_RULES } from './room-context';
import { addDays, shanghaiDate, shanghaiInstant, toShanghaiIso } from './shanghai-time';
import { toBookingView } from './views';

// Reads behind the staff booking desk. Staff see the rooms and bookings of the communities they
// are assigned to, admins everything; a facility of someone else's community reads as not found.
// Residents appear by name; a mobile number leaves the server only masked.

const NO_COMMUNITY = '00000000-0000-0000-0000-000000000000';

function mine(actor: Actor, column: typeof bookings.communityId | typeof facilities.communityId | typeof closures.communityId): SQL {
  if (actor.role === 'admin') return sql`true`;
  return inArray(column, actor.communityIds.length > 0 ? actor.communityIds : [NO_COMMUNITY]);
}

const inUse = (today: string) => or(isNull(spaces.retiredOn), sql`${spaces.retiredOn} > ${today}::date`);

/** Facilities the person runs the desk for, each with its rooms still in use. */
export async function listStaffFacilities(ctx: RequestContext, now = new Date()) {
  const actor = await requireRole(ctx, 'staff', 'admin');
  const facilityRows = await db
    .select({
      id: facilities.id,
      name: facilities.name,
      communityId: facilities.communityId,
      communityName: communities.name,
      townNameZh: towns.nameZh,
      townNameEn: towns.nameEn,
    })
    .from(facilities)
    .innerJoin(communities, eq(communities.id, facilities.communityId))
    .innerJoin(towns, eq(towns.code, communities.townCode))
    .where(and(mine(actor, facilities.communityId), isNull(facilities.closedOn)))
    .orderBy(asc(communities.code), asc(facilities.name));
  if (facilityRows.length === 0) return [];
  const roomRows = await db
    .select({ id: spaces.id, facilityId: spaces.facilityId, name: spaces.name, bookable: spaces.bookable, capacity: spaces.capacity })
    .from(spaces)
    .where(and(inArray(spaces.facilityId, facilityRows.map((f) => f.id)), inUse(shanghaiDate(now))))
    .orderBy(asc(spaces.name));
  return facilityRows.map((facility) => ({ ...facility, rooms: roomRows.filter((room) => room.facilityId === facility.id) }));
}
export type StaffFacility = Awaited<ReturnType<typeof listStaffFacilities>>[number];

const requestColumns = {
  booking: bookings,
  roomName: spaces.name,
  capacity: spaces.capacity,
  facilityName: facilities.name,
  communityName: communities.name,
  residentName: users.name,
  residentMobile: users.mobile,
};

/** Requests awaiting a decision in the person's communities, soonest first. */
export async function listPendingRequests(ctx: RequestContext) {
  const actor = await requireRole(ctx, 'staff', 'admin');
  const rows = await db
    .select(requestColumns)
    .from(bookings)
    .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
    .innerJoin(facilities, eq(facilities.id, spaces.facilityId))
    .innerJoin(communities, eq(communities.id, bookings.communityId))
    .innerJoin(users, eq(users.id, bookings.residentId))
    .where(and(mine(actor, bookings.communityId), eq(bookings.status, 'pending')))
    .orderBy(asc(bookings.startsAt))
    .limit(300);
  return rows.map((row) => ({
    ...toBookingView(row.booking, row),
    capacity: row.capacity,
    communityName: row.communityName,
    residentName: row.residentName,
    residentMobile: maskMobile(row.residentMobile),
  }));
}
export type PendingRequest = Awaited<ReturnType<typeof listPendingRequests>>[number];

async function facilityFor(actor: Actor, facilityId: string) {
  const [facility] = await db
    .select({ id: facilities.id, name: facilities.name, communityId: facilities.communityId, communityName: communities.name, openingHours: facilities.openingHours })
    .from(facilities)
    .innerJoin(communities, eq(communities.id, facilities.communityId))
    .where(eq(facilities.id, facilityId));
  if (!facility || !canManageCommunity(actor, facility.communityId)) throw new AppError('not_found', 'Facility not found');
  return facility;
}

/**
 * One facility's day, room by room: every booking (whatever its status) and whatever else holds
 * a room (closures, maintenance, activity sessions), in time order.
 */
export async function getDaySheet(ctx: RequestContext, facilityId: string, date: string) {
  const actor = await requireRole(ctx, 'staff', 'admin');
  const facility = await facilityFor(actor, facilityId);
  const from = shanghaiInstant(date, 0);
  const to = shanghaiInstant(addDays(date, 1), 0);
  const bookingRows = await db
    .select(requestColumns)
    .from(bookings)
    .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
    .innerJoin(facilities, eq(facilities.id, spaces.facilityId))
    .innerJoin(communities, eq(communities.id, bookings.communityId))
    .innerJoin(users, eq(users.id, bookings.residentId))
    .where(and(eq(spaces.facilityId, facilityId), lt(bookings.startsAt, to), gt(bookings.endsAt, from)))
    .orderBy(asc(bookings.startsAt), asc(bookings.createdAt));
  const holdRows = await db
    .select({
      id: occupancies.id,
      spaceId: occupancies.spaceId,
      kind: occupancies.kind,
      startsAt: sql<string>`lower(${occupancies.during})`,
      endsAt: sql<string>`upper(${occupancies.during})`,
      reason: closures.reason,
    })
    .from(occupancies)
    .innerJoin(spaces, eq(spaces.id, occupancies.spaceId))
    .leftJoin(closures, eq(closures.id, occupancies.closureId))
    .where(
      and(
        eq(spaces.facilityId, facilityId),
        sql`${occupancies.kind} <> 'booking'`,
        sql`${occupancies.during} && ${occupancyRange({ startsAt: from, endsAt: to })}`,
      ),
    )
    .orderBy(sql`lower(${occupancies.during})`);
  const roomRows = await db
    .select({ id: spaces.id, name: spaces.name, capacity: spaces.capacity, bookable: spaces.bookable, inUse: sql<boolean>`coalesce(${inUse(date)}, false)` })
    .from(spaces)
    .where(eq(spaces.facilityId, facilityId))
    .orderBy(asc(spaces.name));
  const [rules] = await db.select({ requiresApproval: bookingRules.requiresApproval }).from(bookingRules).where(eq(bookingRules.facilityId, facilityId));
  const busy = new Set([...bookingRows.map((row) => row.booking.spaceId), ...holdRows.map((row) => row.spaceId)]);
  return {
    facility: { id: facility.id, name: facility.name, communityName: facility.communityName, hours: facility.openingHours, requiresApproval: rules?.requiresApproval ?? DEFAULT_BOOKING_RULES.requiresApproval },
    date,
    rooms: roomRows
      // Rooms that can be booked, and any other room that is held that day.
      .filter((room) => (room.bookable && room.inUse) || busy.has(room.id))
      .map(({ inUse: _inUse, ...room }) => ({
        ...room,
        bookings: bookingRows
          .filter((row) => row.booking.spaceId === room.id)
          .map((row) => ({ ...toBookingView(row.booking, row), residentName: row.residentName, residentMobile: maskMobile(row.residentMobile) })),
        holds: holdRows
          .filter((row) => row.spaceId === room.id)
          .map((row) => ({ id: row.id, kind: row.kind, startsAt: toShanghaiIso(new Date(row.startsAt)), endsAt: toShanghaiIso(new Date(row.endsAt)), reason: row.reason })),
      })),
  };
}
export type DaySheet = Awaited<ReturnType<typeof getDaySheet>>;

/** A facility's booking rules (its own, or the defaults it has never changed) and opening hours. */
export async function getFacilityBookingRules(ctx: RequestContext, facilityId: string) {
  const actor = await requireRole(ctx, 'staff', 'admin');
  const facility = await facilityFor(actor, facilityId);
  const [row] = await db.select().from(bookingRules).where(eq(bookingRules.facilityId, facilityId));
  const { facilityId: _f, communityId: _c, updatedAt, ...rules } = row ?? { ...DEFAULT_BOOKING_RULES, facilityId, communityId: facility.communityId, updatedAt: null };
  return {
    facility: { id: facility.id, name: facility.name, communityName: facility.communityName },
    openingHours: facility.openingHours,
    rules,
    updatedAt: updatedAt ? toShanghaiIso(updatedAt) : null,
  };
}

/** Closures and maintenance not yet over, in the person's communities, soonest first. */
export async function listUpcomingClosures(ctx: RequestContext, now = new Date()) {
  const actor = await requireRole(ctx, 'staff', 'admin');
  const rows = await db
    .select({
      id: closures.id,
      kind: closures.kind,
      startsAt: closures.startsAt,
      endsAt: closures.endsAt,
      reason: closures.reason,
      facilityName: facilities.name,
      roomName: spaces.name,
    })
    .from(closures)
    .innerJoin(facilities, eq(facilities.id, closures.facilityId))
    .leftJoin(spaces, eq(spaces.id, closures.spaceId))
    .where(and(mine(actor, closures.communityId), isNull(closures.cancelledAt), gt(closures.endsAt, now)))
    .orderBy(asc(closures.startsAt))
    .limit(100);
  return rows.map((row) => ({ ...row, startsAt: toShanghaiIso(row.startsAt), endsAt: toShanghaiIso(row.endsAt) }));
}
