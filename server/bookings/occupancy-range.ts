import { sql } from 'drizzle-orm';

/** The [start, end) tstzrange of an interval, as an SQL value for occupancies.during. */
export function occupancyRange(interval: { startsAt: Date; endsAt: Date }) {
  return sql`tstzrange(${interval.startsAt.toISOString()}::timestamptz, ${interval.endsAt.toISOString()}::timestamptz, '[)')`;
}

/** The same range typed for an insert's `during` column (drizzle types the custom column as text). */
export function duringValue(interval: { startsAt: Date; endsAt: Date }): string {
  return occupancyRange(interval) as unknown as string;
}
