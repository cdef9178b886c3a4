import { randomUUID } from 'node:crypto';
import { db, type Executor } from '@/db/client';
import { bookings, occupancies } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireUser, type RequestContext } from '@/server/auth/context';
import { duringValue } from './occupancy-range';
import { AppError, sqlState } from '@/server/errors';
import { holdersOf } from './availability';
import { checkBookingRules } from './booking-rules-check';
import { loadRoomContext, type RoomContext } from './room-context';
import type { RecurringBookingInput } from './schemas';
import { toShanghaiIso } from './shanghai-time';
import { assertManages } from './staff-access';

const WEEK = 7 * 86_400_000;

interface Occurrence {
  startsAt: Date;
  endsAt: Date;
  /** What holds the room then, if anything: booking, activity_session, closure, maintenance. */
  conflict: string | null;
}

async function occurrences(executor: Executor, room: RoomContext, input: RecurringBookingInput): Promise<Occurrence[]> {
  const weeks = Array.from({ length: input.weeks }, (_, i) => ({
    startsAt: new Date(input.startsAt.getTime() + i * WEEK),
    endsAt: new Date(input.endsAt.getTime() + i * WEEK),
  }));
  const holders = await holdersOf(executor, room.roomId, weeks);
  return weeks.map((week, i) => ({ ...week, conflict: holders[i] ?? null }));
}

async function staffRoom(ctx: RequestContext, input: RecurringBookingInput) {
  const actor = await requireUser(ctx);
  const room = await loadRoomContext(db, input.roomId);
  if (!room) throw new AppError('not_found', 'Room not found');
  assertManages(actor, room.communityId);
  // Staff book for regular groups: the room's hours and capacity apply, residents' quotas and
  // booking window do not (a year ahead is fine).
  const refusal = checkBookingRules({ ...room, rules: { ...room.rules, minNoticeMinutes: 0, maxDaysAhead: 366 } }, input.startsAt, input.endsAt, input.attendees, new Date(input.startsAt.getTime() - 60_000));
  if (refusal) throw new AppError('validation', refusal, { messageKey: `booking_${refusal}`, fieldErrors: { startsAt: [`booking_${refusal}`] } });
  return { actor, room };
}

const view = (occurrence: Occurrence) => ({ startsAt: toShanghaiIso(occurrence.startsAt), endsAt: toShanghaiIso(occurrence.endsAt), conflict: occurrence.conflict });

/** Every week of a recurring booking, each with what stands in its way — before anything is booked. */
export async function previewRecurringBooking(ctx: RequestContext, input: RecurringBookingInput) {
  const { room } = await staffRoom(ctx, input);
  return (await occurrences(db, room, input)).map(view);
}

/**
 * Books every week (mode 'all': all or nothing) or only the free weeks (mode 'free'), in one
 * transaction. Each week is inserted in a savepoint, so a week taken meanwhile is either skipped
 * (free) or undoes the whole series (all).
 */
export async function createRecurringBooking(ctx: RequestContext, input: RecurringBookingInput) {
  const { actor, room } = await staffRoom(ctx, input);
  const seriesId = randomUUID();
  return db.transaction(async (tx) => {
    const weeks = await occurrences(tx, room, input);
    if (input.mode === 'all' && weeks.some((week) => week.conflict)) {
      throw new AppError('conflict', 'Some weeks are taken', { type: 'slot-taken', messageKey: 'recurring_conflicts', extra: { occurrences: weeks.map(view) } });
    }
    const booked: Occurrence[] = [];
    const skipped: Occurrence[] = [];
    for (const week of weeks) {
      if (week.conflict) {
        skipped.push(week);
        continue;
      }
      try {
        await tx.transaction(async (savepoint) => {
          const [booking] = await savepoint
            .insert(bookings)
            .values({ communityId: room.communityId, spaceId: room.roomId, residentId: actor.id, startsAt: week.startsAt, endsAt: week.endsAt, purpose: input.purpose, attendees: input.attendees, status: 'confirmed', seriesId, decidedBy: actor.id, decidedAt: new Date() })
            .returning({ id: bookings.id });
          await savepoint.insert(occupancies).values({
            communityId: room.communityId,
            spaceId: room.roomId,
            during: duringValue(week),
            kind: 'booking',
            bookingId: booking!.id,
          });
        });
        booked.push(week);
      } catch (error) {
        if (sqlState(error) !== '23P01' || input.mode === 'all') {
          if (sqlState(error) === '23P01') throw new AppError('conflict', 'A week was just taken', { type: 'slot-taken', messageKey: 'recurring_conflicts', extra: { occurrences: weeks.map(view) } });
          throw error;
        }
        skipped.push({ ...week, conflict: 'booking' });
      }
    }
    await writeAudit(tx, { actorId: actor.id, action: 'booking.create_recurring', entity: 'booking_series', entityId: seriesId, after: { roomId: room.roomId, mode: input.mode, booked: booked.length, skipped: skipped.length }, requestId: ctx.requestId });
    return { seriesId, booked: booked.map(view), skipped: skipped.map(view) };
  });
}
