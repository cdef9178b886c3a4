import type { Executor } from '@/db/client';
import { notifications } from '@/db/schema';
import { toShanghaiIso } from './shanghai-time';

type Kind = (typeof notifications.$inferInsert)['kind'];

/** Writes an inbox entry inside the caller's transaction: it exists exactly when the change does. */
export async function notifyAboutBooking(
  tx: Executor,
  kind: Kind,
  booking: { id: string; residentId: string; startsAt: Date; endsAt: Date; reason?: string | null },
  room: { roomName: string; facilityName: string },
) {
  await tx.insert(notifications).values({
    userId: booking.residentId,
    kind,
    bookingId: booking.id,
    payload: {
      room: room.roomName,
      facility: room.facilityName,
      startsAt: toShanghaiIso(booking.startsAt),
      endsAt: toShanghaiIso(booking.endsAt),
      reason: booking.reason ?? null,
    },
  });
}
