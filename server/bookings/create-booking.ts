import { sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { requireRole, type RequestContext } from '@/server/auth/context';
import { AppError, sqlState } from '@/server/errors';
import { intervalView, loadBusy, nearestAlternatives } from './availability';
import { checkBookingRules } from './booking-rules-check';
import { bookingNotificationPayload } from './notify';
import { loadRoomContext, type RoomContext } from './room-context';
import type { CreateBookingInput } from './schemas';
import { shanghaiWeekStart } from './shanghai-time';
import { noShowsCountSince, suspensionEnd } from './suspension';
import { toBookingView } from './views';

/**
 * A resident books a free slot. The rules are checked first for a clear message; the exclusion
 * constraint on occupancies is the truth: two requests for one slot, however simultaneous, end
 * with one booking and one `slot-taken` conflict listing the nearest free alternatives.
 */
export async function createBooking(ctx: RequestContext, input: CreateBookingInput, now = new Date()) {
  // The account and the room are read at the same time (when the account is not already known).
  const [actor, room] = await Promise.all([requireRole(ctx, 'resident'), loadRoomContext(db, input.roomId)]);
  if (!room) throw new AppError('not_found', 'Room not found');
  const refusal = checkBookingRules(room, input.startsAt, input.endsAt, input.attendees, now);
  if (refusal) throw new AppError('validation', refusal, { type: refusal.replaceAll('_', '-'), messageKey: `booking_${refusal}`, fieldErrors: refusalField(refusal) });

  try {
    return await db.transaction(async (tx) => {
      // One resident's requests queue at this lock, so two of them cannot both slip under a quota.
      // The usage read travels with it (one round trip) but is the next statement: PostgreSQL runs
      // it once the lock is granted, with a fresh snapshot that sees what the previous holder
      // committed. Promise.all starts the two lazy queries in array order, and queries of one
      // transaction reach the server in the order started (tests/bookings.test.ts races ten).
      const [, [usage]] = await Promise.all([
        // NO KEY UPDATE: it queues the resident's own requests but not other transactions' foreign
        // key checks against the row (a notification or audit entry naming the resident).
        tx.execute(sql`select 1 from users where id = ${actor.id} for no key update`),
        usageQuery(tx, actor.id, room, input, now),
      ]);
      assertWithinQuotas(usage!, room, input, now);
      const status: 'pending' | 'confirmed' = room.rules.requiresApproval ? 'pending' : 'confirmed';
      const [created] = await tx.execute<{ id: string; created_ms: number }>(
        insertBookingSql({ ...input, roomId: room.roomId, communityId: room.communityId, residentId: actor.id, status }, {
          kind: status === 'pending' ? 'booking_pending' : 'booking_confirmed',
          payload: bookingNotificationPayload(input, room),
          requestId: ctx.requestId,
        }),
      );
      const booking = { ...input, id: created!.id, spaceId: room.roomId, communityId: room.communityId, status, reason: null, createdAt: new Date(created!.created_ms) };
      return toBookingView(booking, room);
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

type Usage = {
  /** Starts (ms) of the resident's no-shows that can still count, latest first. */
  no_shows: number[];
  /** Active future bookings in this facility. */
  active: number;
  /** Minutes booked in this facility in the booking's Shanghai week. */
  week_minutes: number;
};

/** What the quotas and the no-show rule need, in one statement (lazy: the caller orders it). SQL text, as insertBookingSql. */
function usageQuery(tx: Executor, residentId: string, room: RoomContext, input: CreateBookingInput, now: Date) {
  const weekStart = shanghaiWeekStart(input.startsAt);
  const weekEnd = new Date(weekStart.getTime() + 7 * 86_400_000);
  const mineHere = sql`resident_id = ${residentId} and space_id in (select id from spaces where facility_id = ${room.facilityId})`;
  return tx.execute<Usage>(sql`
    select
      (select coalesce(json_agg((extract(epoch from starts_at) * 1000)::float8 order by starts_at desc), '[]')
         from bookings
        where resident_id = ${residentId} and status = 'no_show' and starts_at > ${noShowsCountSince(room.rules, now).toISOString()}::timestamptz) as no_shows,
      (select count(*)::int from bookings
        where ${mineHere} and status in ('pending', 'confirmed') and ends_at > ${now.toISOString()}::timestamptz) as active,
      (select coalesce(sum(extract(epoch from ends_at - starts_at) / 60), 0)::int from bookings
        where ${mineHere} and status in ('pending', 'confirmed', 'attended')
          and starts_at >= ${weekStart.toISOString()}::timestamptz and starts_at < ${weekEnd.toISOString()}::timestamptz) as week_minutes`);
}

/**
 * The booking and what exists because of it, in one statement: its occupancy (where the
 * exclusion constraint decides), the resident's inbox entry (as notifyAboutBooking writes it)
 * and the audit entry (as writeAudit would, the booking as created). Written as SQL text rather
 * than built from column objects, and sent once: this is the busiest write (bench/README.md,
 * Booking), and drizzle building four inserts cost more than PostgreSQL running them.
 */
function insertBookingSql(
  booking: CreateBookingInput & { roomId: string; communityId: string; residentId: string; status: 'pending' | 'confirmed' },
  context: { kind: 'booking_pending' | 'booking_confirmed'; payload: Record<string, string | null>; requestId: string },
) {
  return sql`
    with booking as (
      insert into bookings (community_id, space_id, resident_id, starts_at, ends_at, purpose, attendees, status)
      values (${booking.communityId}, ${booking.roomId}, ${booking.residentId}, ${booking.startsAt.toISOString()}::timestamptz,
              ${booking.endsAt.toISOString()}::timestamptz, ${booking.purpose}, ${booking.attendees}, ${booking.status}::booking_status)
      returning *
    ), occupancy as (
      insert into occupancies (community_id, space_id, during, kind, booking_id)
      select community_id, space_id, tstzrange(starts_at, ends_at, '[)'), 'booking', id from booking
    ), notification as (
      insert into notifications (user_id, kind, booking_id, payload)
      select resident_id, ${context.kind}, id, ${JSON.stringify(context.payload)}::jsonb from booking
    ), audit as (
      insert into audit_log (actor_id, action, entity, entity_id, after, request_id)
      select resident_id, 'booking.create', 'booking', id::text,
             jsonb_build_object('id', id, 'communityId', community_id, 'spaceId', space_id, 'residentId', resident_id,
                                'startsAt', starts_at, 'endsAt', ends_at, 'purpose', purpose, 'attendees', attendees,
                                'status', status, 'createdAt', created_at),
             ${context.requestId}
        from booking
    )
    select id, (extract(epoch from created_at) * 1000)::float8 as created_ms from booking`;
}

function assertWithinQuotas(usage: Usage, room: RoomContext, input: CreateBookingInput, now: Date) {
  const until = suspensionEnd(usage.no_shows, room.rules, now);
  if (until) throw new AppError('conflict', 'Suspended', { type: 'suspended', messageKey: 'booking_suspended', extra: { suspendedUntil: until.toISOString() } });
  if (usage.active >= room.rules.maxActiveBookings) {
    throw new AppError('conflict', 'Quota reached', { type: 'quota-reached', messageKey: 'booking_quota_active', extra: { limit: room.rules.maxActiveBookings } });
  }
  const minutes = (input.endsAt.getTime() - input.startsAt.getTime()) / 60_000;
  if (usage.week_minutes + minutes > room.rules.maxMinutesPerWeek) {
    throw new AppError('conflict', 'Weekly hours reached', { type: 'quota-reached', messageKey: 'booking_quota_weekly', extra: { limitHours: room.rules.maxMinutesPerWeek / 60 } });
  }
}

function refusalField(refusal: string): Record<string, string[]> {
  const field = refusal === 'over_capacity' ? 'attendees' : refusal === 'room_not_bookable' ? 'roomId' : 'startsAt';
  return { [field]: [`booking_${refusal}`] };
}
