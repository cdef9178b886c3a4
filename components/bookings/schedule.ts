// A room's week laid out on its slot grid, for the week table (desktop) and the day list (phone).
// Pure and serialisable: the page builds it on the server, the booking form reads it in the browser.

import { addDays, minutesOf, shanghaiInstant, toShanghaiIso } from '@/server/bookings/shanghai-time';

export type BusyKind = 'booking' | 'activity_session' | 'closure' | 'maintenance';
export type CellState = 'free' | BusyKind | 'past' | 'not_yet' | 'unavailable' | 'closed';

export interface ScheduleCell {
  /** ISO 8601 with +08:00. */
  startsAt: string;
  endsAt: string;
  state: CellState;
  /** Grid rows this cell covers: runs of the same state (other than free) are one block. */
  rows: number;
}

export interface ScheduleDay {
  date: string;
  hours: { opens: string; closes: string } | null;
  /** One entry per grid row: a cell where a block starts, null where an earlier block covers it. */
  cells: (ScheduleCell | null)[];
  freeCount: number;
}

export interface Schedule {
  weekStart: string;
  slotMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  /** Minutes since midnight of each grid row. */
  rows: number[];
  days: ScheduleDay[];
  busy: { startsAt: string; endsAt: string; kind: BusyKind }[];
  /** Starts of the free slots (at the minimum length) that may be booked now. */
  freeStarts: string[];
}

type WeeklyHours = Record<string, { opens: string; closes: string } | null | undefined>;

export interface ScheduleInput {
  weekStart: string;
  openingHours: WeeklyHours;
  slotMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  minNoticeMinutes: number;
  maxDaysAhead: number;
  busy: { startsAt: string; endsAt: string; kind: BusyKind }[];
  free: { startsAt: string }[];
  now: Date;
}

/** ISO weekday (1 = Monday) of a calendar date 'YYYY-MM-DD'. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week holding a calendar date. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

export function buildSchedule(input: ScheduleInput): Schedule {
  const { weekStart, slotMinutes } = input;
  const dates = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  const hoursOf = (date: string) => input.openingHours[String(weekdayOf(date))] ?? null;
  const open = dates.map(hoursOf).filter((h): h is { opens: string; closes: string } => Boolean(h));
  const rows: number[] = [];
  if (open.length > 0) {
    const first = Math.min(...open.map((h) => minutesOf(h.opens)));
    const last = Math.max(...open.map((h) => minutesOf(h.closes)));
    for (let minute = first; minute + slotMinutes <= last; minute += slotMinutes) rows.push(minute);
  }
  const busy = input.busy.map((b) => ({ ...b, from: Date.parse(b.startsAt), to: Date.parse(b.endsAt) }));
  const freeStarts = new Set(input.free.map((slot) => Date.parse(slot.startsAt)));
  const earliest = input.now.getTime() + input.minNoticeMinutes * 60_000;
  const latest = input.now.getTime() + input.maxDaysAhead * 86_400_000;

  const days = dates.map((date): ScheduleDay => {
    const hours = hoursOf(date);
    const states = rows.map((minute) => {
      const from = shanghaiInstant(date, minute).getTime();
      const to = from + slotMinutes * 60_000;
      let state: CellState;
      if (!hours || minute < minutesOf(hours.opens) || minute + slotMinutes > minutesOf(hours.closes)) state = 'closed';
      else if (from < earliest) state = 'past';
      else {
        const holder = busy.find((b) => b.from < to && from < b.to);
        if (holder) state = holder.kind;
        else if (freeStarts.has(from)) state = 'free';
        else if (from > latest) state = 'not_yet';
        else state = 'unavailable';
      }
      return { from, to, state };
    });
    const cells: (ScheduleCell | null)[] = [];
    let block: ScheduleCell | null = null;
    for (const { from, to, state } of states) {
      if (block && state !== 'free' && block.state === state) {
        block.rows += 1;
        block.endsAt = toShanghaiIso(new Date(to));
        cells.push(null);
      } else {
        block = { startsAt: toShanghaiIso(new Date(from)), endsAt: toShanghaiIso(new Date(to)), state, rows: 1 };
        cells.push(block);
      }
    }
    return { date, hours, cells, freeCount: states.filter((s) => s.state === 'free').length };
  });

  return {
    weekStart,
    slotMinutes,
    minMinutes: input.minMinutes,
    maxMinutes: input.maxMinutes,
    rows,
    days,
    busy: input.busy,
    freeStarts: input.free.map((slot) => slot.startsAt),
  };
}

/** The Shanghai calendar date of an ISO time with +08:00. */
export function dateOf(iso: string): string {
  return toShanghaiIso(new Date(iso)).slice(0, 10);
}

/** Free starts on one day of the schedule. */
export function freeStartsOn(schedule: Schedule, date: string): string[] {
  return schedule.freeStarts.filter((start) => dateOf(start) === date);
}

/**
 * Lengths (minutes) a booking from `startsAt` may have: the room's steps from its minimum to its
 * maximum, stopping at closing time or at the next busy block. Empty if the start is not free.
 */
export function durationsFrom(schedule: Schedule, startsAt: string): number[] {
  const from = Date.parse(startsAt);
  if (!schedule.freeStarts.some((start) => Date.parse(start) === from)) return [];
  const day = schedule.days.find((d) => d.date === dateOf(startsAt));
  if (!day?.hours) return [];
  const closes = shanghaiInstant(day.date, minutesOf(day.hours.closes)).getTime();
  const next = Math.min(closes, ...schedule.busy.map((b) => Date.parse(b.startsAt)).filter((start) => start >= from));
  const durations: number[] = [];
  for (let minutes = schedule.minMinutes; minutes <= schedule.maxMinutes; minutes += schedule.slotMinutes) {
    if (from + minutes * 60_000 > next) break;
    durations.push(minutes);
  }
  return durations;
}
