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
  // Instants as numbers, once: every slot is compared with every busy interval, and comparing
  // Date objects converts both sides on each comparison (most of the time of a week's view).
  const taken = busy.map((interval) => [interval.startsAt.getTime(), interval.endsAt.getTime()] as const);
  const fromMs = from.getTime();
  const toMs = to.getTime();
  const slots: Interval[] = [];
  for (let date = shanghaiDate(from); shanghaiInstant(date, 0) < to; date = addDays(date, 1)) {
    const hours = room.openingHours[String(shanghaiWeekday(shanghaiInstant(date, 720))) as keyof typeof room.openingHours];
    if (!hours) continue;
    const closes = minutesOf(hours.closes);
    for (let minute = minutesOf(hours.opens); minute + minutes <= closes; minute += room.rules.slotMinutes) {
      const start = shanghaiInstant(date, minute).getTime();
      const end = start + minutes * 60_000;
      if (start < fromMs || end > toMs) continue;
      if (taken.some(([busyFrom, busyTo]) => busyFrom < end && start < busyTo)) continue;
      const slot = { startsAt: new Date(start), endsAt: new Date(end) };
      if (checkBookingRules(room, slot.startsAt, slot.endsAt, 1, now)) continue;
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
  // Both at once, on two of the pool's connections: the week's occupancies do not depend on the room's rules.
  const [room, busy] = await Promise.all([loadRoomContext(db, roomId), loadBusy(db, roomId, from, to)]);
  if (!room) throw new AppError('not_found', 'Room not found');
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
