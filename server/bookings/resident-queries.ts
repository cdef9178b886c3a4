import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { calendarFeeds, communities, spaces, towns } from '@/db/schema';
import { requireRole, type RequestContext } from '@/server/auth/context';
import { loadRoomContext } from './room-context';
import { shanghaiDate } from './shanghai-time';

// Reads for the resident pages (room page, My bookings). Read-only; the writes stay in
// create-booking.ts, change-booking.ts and calendar-feed.ts.

/**
 * A room as anyone may see it before booking: where it is, who can fit, its facility's hours and
 * the booking rules a resident needs to read (how far ahead, cut-off, approval). Null if unknown.
 */
export async function getPublicRoom(roomId: string, now = new Date()) {
  const room = await loadRoomContext(db, roomId);
  if (!room) return null;
  const [place] = await db
    .select({
      setting: spaces.setting,
      floor: spaces.floor,
      aboveGround: spaces.aboveGround,
      accessibilityNotes: spaces.accessibilityNotes,
      communityName: communities.name,
      townNameZh: towns.nameZh,
      townNameEn: towns.nameEn,
    })
    .from(spaces)
    .innerJoin(communities, eq(communities.id, spaces.communityId))
    .innerJoin(towns, eq(towns.code, communities.townCode))
    .where(eq(spaces.id, roomId));
  if (!place) return null;
  const today = shanghaiDate(now);
  const open = !(room.retiredOn && room.retiredOn <= today) && !(room.facilityClosedOn && room.facilityClosedOn <= today);
  const { rules } = room;
  return {
    roomId: room.roomId,
    roomName: room.roomName,
    communityId: room.communityId,
    facilityName: room.facilityName,
    ...place,
    capacity: room.capacity,
    /** Bookable now: marked bookable, not retired, its facility not closed. */
    bookable: room.bookable && open,
    openingHours: room.openingHours,
    rules: {
      slotMinutes: rules.slotMinutes,
      minMinutes: rules.minMinutes,
      maxMinutes: rules.maxMinutes,
      minNoticeMinutes: rules.minNoticeMinutes,
      maxDaysAhead: rules.maxDaysAhead,
      requiresApproval: rules.requiresApproval,
      cancelCutoffMinutes: rules.cancelCutoffMinutes,
      maxActiveBookings: rules.maxActiveBookings,
      maxMinutesPerWeek: rules.maxMinutesPerWeek,
    },
  };
}

export type PublicRoom = NonNullable<Awaited<ReturnType<typeof getPublicRoom>>>;

/** Each room's cancellation cut-off in minutes, for the rooms of a resident's bookings. */
export async function listCancelCutoffs(roomIds: string[]): Promise<Record<string, number>> {
  const unique = [...new Set(roomIds)];
  if (unique.length === 0) return {};
  const rooms = await Promise.all(unique.map((id) => loadRoomContext(db, id)));
  return Object.fromEntries(rooms.flatMap((room) => (room ? [[room.roomId, room.rules.cancelCutoffMinutes] as const] : [])));
}

/** Whether the resident has a calendar feed URL already (only its hash is stored, never the URL). */
export async function hasCalendarFeed(ctx: RequestContext): Promise<boolean> {
  const actor = await requireRole(ctx, 'resident');
  const rows = await db.select({ userId: calendarFeeds.userId }).from(calendarFeeds).where(eq(calendarFeeds.userId, actor.id));
  return rows.length > 0;
}
