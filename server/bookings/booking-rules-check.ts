import { minutesOf, shanghaiDate, shanghaiMinuteOfDay, shanghaiWeekday } from './shanghai-time';
import type { RoomContext } from './room-context';

/** Why a requested slot breaks the room's rules: keys under "bookings.refusals" in messages. */
export type RuleRefusal =
  | 'room_not_bookable'
  | 'over_capacity'
  | 'outside_opening_hours'
  | 'not_on_slot'
  | 'too_short'
  | 'too_long'
  | 'too_soon'
  | 'too_far_ahead';

/**
 * The rules a booking must meet before it is even tried against the database: bookable room,
 * capacity, opening hours on one Shanghai day, slot steps, duration and the booking window.
 */
export function checkBookingRules(room: RoomContext, startsAt: Date, endsAt: Date, attendees: number, now: Date): RuleRefusal | null {
  const { rules } = room;
  // Retired or closed by the day booked (a closing date may lie ahead: days before it stay bookable).
  const day = shanghaiDate(startsAt);
  if (!room.bookable || (room.retiredOn && room.retiredOn <= day) || (room.facilityClosedOn && room.facilityClosedOn <= day)) return 'room_not_bookable';
  if (room.capacity !== null && attendees > room.capacity) return 'over_capacity';

  const minutes = (endsAt.getTime() - startsAt.getTime()) / 60_000;
  const hours = room.openingHours[String(shanghaiWeekday(startsAt)) as keyof typeof room.openingHours];
  const startMinute = shanghaiMinuteOfDay(startsAt);
  const endMinute = startMinute + minutes;
  if (!hours || startMinute < minutesOf(hours.opens) || endMinute > minutesOf(hours.closes) || shanghaiDate(startsAt) !== shanghaiDate(new Date(endsAt.getTime() - 1))) {
    return 'outside_opening_hours';
  }
  const offset = startMinute - minutesOf(hours.opens);
  if (offset % rules.slotMinutes !== 0 || minutes % rules.slotMinutes !== 0 || startsAt.getUTCSeconds() !== 0 || startsAt.getUTCMilliseconds() !== 0) return 'not_on_slot';
  if (minutes < rules.minMinutes) return 'too_short';
  if (minutes > rules.maxMinutes) return 'too_long';
  if (startsAt.getTime() < now.getTime() + rules.minNoticeMinutes * 60_000) return 'too_soon';
  if (startsAt.getTime() > now.getTime() + rules.maxDaysAhead * 86_400_000) return 'too_far_ahead';
  return null;
}
