import type { Executor } from '@/db/client';
import { notifications } from '@/db/schema';
import { toShanghaiIso } from './shanghai-time';

type Kind = (typeof notifications.$inferInsert)['kind'];

type NotifiedBooking = { startsAt: Date; endsAt: Date; reason?: string | null };
type NotifiedRoom = { roomName: string; facilityName: string };

/** What an inbox entry about a booking says: the room, the times people read, and any reason. */
export function bookingNotificationPayload(booking: NotifiedBooking, room: NotifiedRoom) {
  return {
    room: room.roomName,
    facility: room.facilityName,
    startsAt: toShanghaiIso(booking.startsAt),
    endsAt: toShanghaiIso(booking.endsAt),
    reason: booking.reason ?? null,
  };
}

/** Writes an inbox entry inside the caller's transaction: it exists exactly when the change does. */
export async function notifyAboutBooking(tx: Executor, kind: Kind, booking: NotifiedBooking & { id: string; residentId: string }, room: NotifiedRoom) {
  await tx.insert(notifications).values({ userId: booking.residentId, kind, bookingId: booking.id, payload: bookingNotificationPayload(booking, room) });
}
