import type { bookings } from '@/db/schema';
import type { BookingView } from './schemas';
import { toShanghaiIso } from './shanghai-time';

type ViewedBooking = Pick<typeof bookings.$inferSelect, 'id' | 'spaceId' | 'communityId' | 'startsAt' | 'endsAt' | 'purpose' | 'attendees' | 'status' | 'reason' | 'createdAt'>;

export function toBookingView(row: ViewedBooking, room: { roomName: string; facilityName: string }): BookingView {
  return {
    id: row.id,
    roomId: row.spaceId,
    roomName: room.roomName,
    facilityName: room.facilityName,
    communityId: row.communityId,
    startsAt: toShanghaiIso(row.startsAt),
    endsAt: toShanghaiIso(row.endsAt),
    purpose: row.purpose,
    attendees: row.attendees,
    status: row.status,
    reason: row.reason,
    createdAt: toShanghaiIso(row.createdAt),
  };
}
