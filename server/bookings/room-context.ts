import { eq, sql, type Placeholder } from 'drizzle-orm';
import { db, preparedQuery, type Executor } from '@/db/client';
import { bookingRules, facilities, spaces } from '@/db/schema';
import type { WeeklyHours } from '@/db/schema/register';

export type BookingRules = Omit<typeof bookingRules.$inferSelect, 'facilityId' | 'communityId' | 'updatedAt'>;

/** The rules every facility starts with (the column defaults of booking_rules). */
export const DEFAULT_BOOKING_RULES: BookingRules = {
  slotMinutes: 30,
  minMinutes: 30,
  maxMinutes: 240,
  minNoticeMinutes: 60,
  maxDaysAhead: 14,
  requiresApproval: false,
  cancelCutoffMinutes: 120,
  maxActiveBookings: 3,
  maxMinutesPerWeek: 480,
  noShowLimit: 3,
  noShowWindowDays: 90,
  suspensionDays: 30,
};

export interface RoomContext {
  roomId: string;
  roomName: string;
  communityId: string;
  facilityId: string;
  facilityName: string;
  bookable: boolean;
  capacity: number | null;
  retiredOn: string | null;
  facilityClosedOn: string | null;
  openingHours: WeeklyHours;
  rules: BookingRules;
}

function roomContextQuery(executor: Executor, roomId: Placeholder<'roomId'> | string) {
  return executor
    .select({
      roomId: spaces.id,
      roomName: spaces.name,
      communityId: spaces.communityId,
      facilityId: facilities.id,
      facilityName: facilities.name,
      bookable: spaces.bookable,
      capacity: spaces.capacity,
      retiredOn: spaces.retiredOn,
      facilityClosedOn: facilities.closedOn,
      openingHours: facilities.openingHours,
      rules: bookingRules,
    })
    .from(spaces)
    .innerJoin(facilities, eq(facilities.id, spaces.facilityId))
    .leftJoin(bookingRules, eq(bookingRules.facilityId, facilities.id))
    .where(eq(spaces.id, roomId));
}

/** A room with its facility's hours and booking rules, or null. Every booking and room page reads it. */
export async function loadRoomContext(executor: Executor, roomId: string): Promise<RoomContext | null> {
  const [row] =
    executor === db
      ? await preparedQuery('room_context', (database, name) => roomContextQuery(database, sql.placeholder('roomId')).prepare(name)).execute({ roomId })
      : await roomContextQuery(executor, roomId);
  if (!row) return null;
  const { facilityId: _f, communityId: _c, updatedAt: _u, ...rules } = row.rules ?? { ...DEFAULT_BOOKING_RULES, facilityId: '', communityId: '', updatedAt: new Date() };
  return { ...row, rules };
}
