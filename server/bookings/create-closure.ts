import { and, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { bookings, closures, occupancies, spaces } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireUser, type RequestContext } from '@/server/auth/context';
import { duringValue, occupancyRange } from './occupancy-range';
import { AppError, sqlState } from '@/server/errors';
import { notifyAboutBooking } from './notify';
import type { ClosureInput } from './schemas';
import { facilityForStaff } from './staff-access';
import { toShanghaiIso } from './shanghai-time';


/**
 * Closes a room, or every room of a facility, over a period (holiday, repairs). What stands in
 * the way is listed; residents' bookings are cancelled — and the residents told — only when staff
 * ask for it; activity sessions in the way always refuse the closure. One transaction.
 */
export async function createClosure(ctx: RequestContext, input: ClosureInput) {
  const actor = await requireUser(ctx);
  try {
    return await db.transaction(async (tx) => {
      const facility = await facilityForStaff(tx, actor, input.facilityId);
      const rooms = await tx
        .select({ id: spaces.id, name: spaces.name })
        .from(spaces)
        .where(and(eq(spaces.facilityId, facility.id), input.spaceId ? eq(spaces.id, input.spaceId) : sql`true`));
      if (rooms.length === 0) throw new AppError('not_found', 'Room not found');
      const roomIds = rooms.map((room) => room.id);
      const inTheWay = await tx
        .select({ kind: occupancies.kind, bookingId: occupancies.bookingId, spaceId: occupancies.spaceId, startsAt: sql<Date>`lower(${occupancies.during})`, endsAt: sql<Date>`upper(${occupancies.during})` })
        .from(occupancies)
        .where(and(inArray(occupancies.spaceId, roomIds), sql`${occupancies.during} && ${occupancyRange(input)}`))
        .for('update');
      const conflicts = inTheWay.map((o) => ({ kind: o.kind, room: rooms.find((r) => r.id === o.spaceId)!.name, startsAt: toShanghaiIso(new Date(o.startsAt)), endsAt: toShanghaiIso(new Date(o.endsAt)) }));
      if (inTheWay.some((o) => o.kind !== 'booking') || (inTheWay.length > 0 && !input.cancelConflicting)) {
        throw new AppError('conflict', 'Occupied', { type: 'closure-conflicts', messageKey: 'closure_conflicts', extra: { conflicts } });
      }
      const bookingIds = inTheWay.flatMap((o) => (o.bookingId ? [o.bookingId] : []));
      if (bookingIds.length > 0) {
        await tx.delete(occupancies).where(inArray(occupancies.bookingId, bookingIds));
        const cancelled = await tx
          .update(bookings)
          .set({ status: 'cancelled', reason: input.reason, decidedBy: actor.id, decidedAt: new Date(), updatedAt: new Date() })
          .where(inArray(bookings.id, bookingIds))
          .returning();
        for (const booking of cancelled) {
          await notifyAboutBooking(tx, 'booking_cancelled_by_staff', booking, { roomName: rooms.find((r) => r.id === booking.spaceId)!.name, facilityName: facility.name });
        }
      }
      const [closure] = await tx
        .insert(closures)
        .values({ communityId: facility.communityId, facilityId: facility.id, spaceId: input.spaceId ?? null, kind: input.kind, startsAt: input.startsAt, endsAt: input.endsAt, reason: input.reason, createdBy: actor.id })
        .returning();
      await tx.insert(occupancies).values(
        roomIds.map((spaceId) => ({ communityId: facility.communityId, spaceId, during: duringValue(input), kind: input.kind, closureId: closure!.id })),
      );
      await writeAudit(tx, { actorId: actor.id, action: 'closure.create', entity: 'closure', entityId: closure!.id, after: { ...closure, cancelledBookings: bookingIds }, requestId: ctx.requestId });
      return { closure: closure!, cancelledBookings: bookingIds.length };
    });
  } catch (error) {
    // Someone booked in between the check and the insert: the constraint caught it.
    if (sqlState(error) === '23P01' || sqlState(error) === '40P01') throw new AppError('conflict', 'Occupied', { type: 'closure-conflicts', messageKey: 'closure_conflicts', extra: { conflicts: [] } });
    throw error;
  }
}
