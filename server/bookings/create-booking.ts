import { and, count, eq, gt, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { bookings, occupancies, spaces, users } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireRole, type RequestContext } from '@/server/auth/context';
import { duringValue } from './occupancy-range';
import { AppError, sqlState } from '@/server/errors';
import { intervalView, loadBusy, nearestAlternatives } from './availability';
import { checkBookingRules } from './booking-rules-check';
import { notifyAboutBooking } from './notify';
import { loadRoomContext, type RoomContext } from './room-context';
import type { CreateBookingInput } from './schemas';
import { shanghaiWeekStart } from './shanghai-time';
import { suspendedUntil } from './suspension';
import { toBookingView } from './views';

const ACTIVE = ['pending', 'confirmed'] as const;

/**
 * A resident books a free slot. The rules are checked first for a clear message; the exclusion
 * constraint on occupancies is the truth: two requests for one slot, however simultaneous, end
 * with one booking and one `slot-taken` conflict listing the nearest free alternatives.
 */
export async function createBooking(ctx: RequestContext, input: CreateBookingInput, now = new Date()) {
  const actor = await requireRole(ctx, 'resident');
  const room = await loadRoomContext(db, input.roomId);
  if (!room) throw new AppError('not_found', 'Room not found');
  const refusal = checkBookingRules(room, input.startsAt, input.endsAt, input.attendees, now);
  if (refusal) throw new AppError('validation', refusal, { type: refusal.replaceAll('_', '-'), messageKey: `booking_${refusal}`, fieldErrors: refusalField(refusal) });

  try {
    return await db.transaction(async (tx) => {
      // One resident's requests queue here, so two of them cannot both slip under a quota.
      await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.id)).for('update');
      await assertWithinQuotas(tx, actor.id, room, input, now);
      const status = room.rules.requiresApproval ? 'pending' : 'confirmed';
      const [booking] = await tx
        .insert(bookings)
        .values({
          communityId: room.communityId,
          spaceId: room.roomId,
          residentId: actor.id,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          purpose: input.purpose,
          attendees: input.attendees,
          status,
        })
        .returning();
      await tx.insert(occupancies).values({
        communityId: room.communityId,
        spaceId: room.roomId,
        during: duringValue(input),
        kind: 'booking',
        bookingId: booking!.id,
      });
      await notifyAboutBooking(tx, status === 'pending' ? 'booking_pending' : 'booking_confirmed', booking!, room);
      await writeAudit(tx, { actorId: actor.id, action: 'booking.create', entity: 'booking', entityId: booking!.id, after: booking, requestId: ctx.requestId });
      return toBookingView(booking!, room);
    });
  } catch (error) {
    const state = sqlState(error);
    if (state === '23P01' || state === '40P01') throw await slotTaken(room, input, now);
    throw error;
  }
}

async function slotTaken(room: RoomContext, input: CreateBookingInput, now: Date) {
  const busy = await loadBusy(db, room.roomId, input.startsAt, input.endsAt);
  const closed = busy.some((interval) => interval.kind === 'closure' || interval.kind === 'maintenance');
  const alternatives = (await nearestAlternatives(db, room, input, now)).map(intervalView);
  return new AppError('conflict', closed ? 'During a closure' : 'Slot taken', {
    type: closed ? 'room-closed' : 'slot-taken',
    messageKey: closed ? 'booking_room_closed' : 'booking_slot_taken',
    extra: { alternatives },
  });
}

async function assertWithinQuotas(tx: Parameters<Parameters<typeof db.transaction>[0]>[0], residentId: string, room: RoomContext, input: CreateBookingInput, now: Date) {
  const until = await suspendedUntil(tx, residentId, room.rules, now);
  if (until) throw new AppError('conflict', 'Suspended', { type: 'suspended', messageKey: 'booking_suspended', extra: { suspendedUntil: until.toISOString() } });

  const facilityRooms = tx.select({ id: spaces.id }).from(spaces).where(eq(spaces.facilityId, room.facilityId));
  const mine = and(eq(bookings.residentId, residentId), inArray(bookings.spaceId, facilityRooms), inArray(bookings.status, [...ACTIVE]));
  const [active] = await tx.select({ n: count() }).from(bookings).where(and(mine, gt(bookings.endsAt, now)));
  if ((active?.n ?? 0) >= room.rules.maxActiveBookings) {
    throw new AppError('conflict', 'Quota reached', { type: 'quota-reached', messageKey: 'booking_quota_active', extra: { limit: room.rules.maxActiveBookings } });
  }
  const weekStart = shanghaiWeekStart(input.startsAt);
  const weekEnd = new Date(weekStart.getTime() + 7 * 86_400_000);
  const [week] = await tx
    .select({ minutes: sql<number>`coalesce(sum(extract(epoch from ${bookings.endsAt} - ${bookings.startsAt}) / 60), 0)::int` })
    .from(bookings)
    .where(and(eq(bookings.residentId, residentId), inArray(bookings.spaceId, facilityRooms), inArray(bookings.status, ['pending', 'confirmed', 'attended']), sql`${bookings.startsAt} >= ${weekStart.toISOString()}::timestamptz and ${bookings.startsAt} < ${weekEnd.toISOString()}::timestamptz`));
  const minutes = (input.endsAt.getTime() - input.startsAt.getTime()) / 60_000;
  if ((week?.minutes ?? 0) + minutes > room.rules.maxMinutesPerWeek) {
    throw new AppError('conflict', 'Weekly hours reached', { type: 'quota-reached', messageKey: 'booking_quota_weekly', extra: { limitHours: room.rules.maxMinutesPerWeek / 60 } });
  }
}

function refusalField(refusal: string): Record<string, string[]> {
  const field = refusal === 'over_capacity' ? 'attendees' : refusal === 'room_not_bookable' ? 'roomId' : 'startsAt';
  return { [field]: [`booking_${refusal}`] };
}
