import { and, eq, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { occupancies } from '@/db/schema';
import { AppError } from '@/server/errors';
import { checkBookingRules } from './booking-rules-check';
import { occupancyRange } from './occupancy-range';
import { loadRoomContext, type RoomContext } from './room-context';
import { addDays, minutesOf, shanghaiDate, shanghaiInstant, shanghaiWeekday, toShanghaiIso } from './shanghai-time';

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

export interface BusyInterval extends Interval {
  kind: 'booking' | 'activity_session' | 'closure' | 'maintenance';
}

/** What occupies a room in [from, to): one indexed range query on the exclusion constraint's index. */
export async function loadBusy(executor: Executor, roomId: string, from: Date, to: Date): Promise<BusyInterval[]> {
  const rows = await executor
    .select({ startsAt: sql<Date>`lower(${occupancies.during})`, endsAt: sql<Date>`upper(${occupancies.during})`, kind: occupancies.kind })
    .from(occupancies)
    .where(and(eq(occupancies.spaceId, roomId), sql`${occupancies.during} && ${occupancyRange({ startsAt: from, endsAt: to })}`))
    .orderBy(sql`lower(${occupancies.during})`);
  return rows.map((row) => ({ startsAt: new Date(row.startsAt), endsAt: new Date(row.endsAt), kind: row.kind }));
}

/** For each interval, what already holds the room then (booking, activity_session, closure, maintenance), or null. */
export async function holdersOf(executor: Executor, roomId: string, intervals: Interval[]): Promise<(BusyInterval['kind'] | null)[]> {
  if (intervals.length === 0) return [];
  const from = new Date(Math.min(...intervals.map((i) => i.startsAt.getTime())));
  const to = new Date(Math.max(...intervals.map((i) => i.endsAt.getTime())));
  const busy = await loadBusy(executor, roomId, from, to);
  return intervals.map((interval) => busy.find((b) => overlaps(b, interval))?.kind ?? null);
}

function overlaps(a: Interval, b: Interval) {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** Every bookable slot of `minutes` in [from, to): on the slot grid, open, free and within the rules. */
export function freeSlots(room: RoomContext, busy: Interval[], from: Date, to: Date, minutes: number, now: Date): Interval[] {
  const slots: Interval[] = [];
  for (let date = shanghaiDate(from); shanghaiInstant(date, 0) < to; date = addDays(date, 1)) {
    const hours = room.openingHours[String(shanghaiWeekday(shanghaiInstant(date, 720))) as keyof typeof room.openingHours];
    if (!hours) continue;
    for (let minute = minutesOf(hours.opens); minute + minutes <= minutesOf(hours.closes); minute += room.rules.slotMinutes) {
      const slot = { startsAt: shanghaiInstant(date, minute), endsAt: shanghaiInstant(date, minute + minutes) };
      if (slot.startsAt < from || slot.endsAt > to) continue;
      if (checkBookingRules(room, slot.startsAt, slot.endsAt, 1, now)) continue;
      if (busy.some((interval) => overlaps(interval, slot))) continue;
      slots.push(slot);
    }
  }
  return slots;
}

/** The free slots of the same length nearest to a slot that was just taken (same day first). */
export async function nearestAlternatives(executor: Executor, room: RoomContext, wanted: Interval, now: Date, count = 3): Promise<Interval[]> {
  const minutes = (wanted.endsAt.getTime() - wanted.startsAt.getTime()) / 60_000;
  const day = shanghaiDate(wanted.startsAt);
  const from = shanghaiInstant(addDays(day, -1), 0);
  const to = shanghaiInstant(addDays(day, 2), 0);
  const slots = freeSlots(room, await loadBusy(executor, room.roomId, from, to), from, to, minutes, now);
  const distance = (slot: Interval) => Math.abs(slot.startsAt.getTime() - wanted.startsAt.getTime()) + (shanghaiDate(slot.startsAt) === day ? 0 : 7 * 86_400_000);
  return slots.sort((a, b) => distance(a) - distance(b)).slice(0, count).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

export function intervalView(interval: Interval) {
  return { startsAt: toShanghaiIso(interval.startsAt), endsAt: toShanghaiIso(interval.endsAt) };
}

/**
 * GET /api/v1/rooms/{roomId}/availability: opening hours, busy time and the free slots (at the
 * room's minimum duration) between two instants. Public: it reveals no one's identity.
 */
export async function getAvailability(roomId: string, from: Date, to: Date, now = new Date()) {
  const room = await loadRoomContext(db, roomId);
  if (!room) throw new AppError('not_found', 'Room not found');
  const busy = await loadBusy(db, roomId, from, to);
  return {
    roomId,
    roomName: room.roomName,
    facilityName: room.facilityName,
    bookable: room.bookable,
    capacity: room.capacity,
    timeZone: 'Asia/Shanghai',
    slotMinutes: room.rules.slotMinutes,
    minMinutes: room.rules.minMinutes,
    maxMinutes: room.rules.maxMinutes,
    openingHours: room.openingHours,
    busy: busy.map((interval) => ({ ...intervalView(interval), kind: interval.kind })),
    free: room.bookable ? freeSlots(room, busy, from, to, room.rules.minMinutes, now).map(intervalView) : [],
  };
}
