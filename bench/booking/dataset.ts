import { createHash } from 'node:crypto';
import type { Sql } from 'postgres';
import { DEFAULT_OPENING_HOURS } from '../../server/registry/default-hours';
import { BENCH_RAND_SQL, bulkLoad, type Step } from '../lib/bulk-load';

/**
 * The booking dataset, generated in SQL (generate_series, INSERT … SELECT): a city's rooms with a
 * year of bookings behind them. Every "random" choice hashes a row number (`bench_rand`), and
 * every id is made from the md5 of a name (`benchId`), so the benchmark knows each room's and resident's
 * id without asking and two runs generate the same data.
 *
 * - `facilities` community centres, one per community (20 communities to a town), each with
 *   ROOMS_PER_FACILITY bookable rooms (capacity 30) and the default rules and hours (08:00–21:30
 *   daily, 30-minute steps, 3 active bookings and 8 h a week per resident and facility).
 * - Residents: `apiResidents` with a bearer token each (they book through the API; the last
 *   CONTEST_RESIDENTS of them only in the 200-for-one-slot test) and `otherResidents` who only
 *   appear in the history and the SQL baseline's rows.
 * - Exactly `bookings` bookings. The rooms of facility 0 (BUSY_ROOMS) are 70% booked, hour by
 *   hour, for the next 14 days: the availability test reads a week of the first of them. Every
 *   room has the rest spread over the past 365 days (about 500 a room, one or two hours each,
 *   never overlapping): 85% attended, 12% cancelled, 3% no-shows (never an API resident's, so
 *   that no one the benchmark books for is suspended). Every booking but the cancelled ones has
 *   its occupancy, as createBooking writes it.
 * - Rooms of facility 1 are kept free for the 200-for-one-slot test, and facilities 2 and up
 *   have nothing booked from tomorrow on: the throughput test books their slots.
 */
export interface BookingDatasetSize {
  facilities: number;
  apiResidents: number;
  otherResidents: number;
  bookings: number;
}

export const FULL_SIZE: BookingDatasetSize = { facilities: 500, apiResidents: 20_000, otherResidents: 30_000, bookings: 1_000_000 };
export const ROOMS_PER_FACILITY = 4;
/** Rooms of facility 0, booked ahead; the availability test reads room 0. */
export const BUSY_ROOMS = ROOMS_PER_FACILITY;
/** The room of the 200-for-one-slot test: the first of facility 1. */
export const CONTEST_ROOM = ROOMS_PER_FACILITY;
/** Facilities 2 and up: the throughput test's rooms. */
export const FIRST_POOL_ROOM = 2 * ROOMS_PER_FACILITY;
export const CONTEST_RESIDENTS = 200;
export const ROOM_CAPACITY = 30;
/** Whole hours from 08:00: 08:00–09:00 … 20:00–21:00 (closing is 21:30). */
export const HOURS_A_DAY = 13;
const HISTORY_DAYS = 365;
const BUSY_DAYS = 14;
const BUSY_SHARE = 0.7;

const PURPOSES = `array['书法练习','太极拳','合唱排练','读书会','象棋比赛','亲子手工','舞蹈排练','业主会议','健康讲座','英语角','棋牌娱乐','志愿者培训']`;

/**
 * The id of a generated row: the md5 of `bench-${kind}-${n}` made a version-4 UUID (the API
 * validates ids as RFC 9562 UUIDs), as the SQL function bench_id computes it.
 */
export function benchId(kind: 'community' | 'facility' | 'room' | 'resident', n: number): string {
  const md5 = createHash('md5').update(`bench-${kind}-${n}`).digest('hex');
  const hex = `${md5.slice(0, 12)}4${md5.slice(13, 16)}8${md5.slice(17)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The bearer token of API resident `n` (stored as its SHA-256, as issueApiToken stores tokens). */
export function residentToken(secret: string, n: number): string {
  return `lnl_bench_${secret}_${n}`;
}

/** The Shanghai calendar date `days` after `date` ('YYYY-MM-DD'). */
function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function steps(size: BookingDatasetSize, today: string, tokenSecret: string): { before: Step[]; bulk: Step[]; after: Step[] } {
  const rooms = size.facilities * ROOMS_PER_FACILITY;
  const residents = size.apiResidents + size.otherResidents;
  const towns = Math.ceil(size.facilities / 20);
  const hours = JSON.stringify(DEFAULT_OPENING_HOURS).replaceAll("'", "''");
  // The history: room m's j-th booking starts at slot floor(j·gap) + jitter of the 365 × 13 hourly
  // slots, so consecutive bookings of a room are at least two slots apart and never overlap.
  const historyStart = plusDays(today, -HISTORY_DAYS);
  const busyCount = `(select count(*) from bookings)`;
  const perRoom = Math.ceil(size.bookings / rooms);
  const gap = (HISTORY_DAYS * HOURS_A_DAY) / perRoom;
  if (gap < 1) throw new Error(`${size.bookings} bookings do not fit ${rooms} rooms' past year`);
  const jitterSlots = Math.floor(gap) >= 3 ? Math.floor(gap) - 1 : 1;
  const twoHours = Math.floor(gap) >= 3;
  // The instant of a Shanghai wall-clock hour (UTC+8, no daylight saving): the day's midnight in
  // Shanghai is 8 hours before its midnight in UTC.
  const at = (dayExpr: string, hourExpr: string, base: string) =>
    `((date '${base}' + (${dayExpr})::int)::timestamp at time zone 'UTC') - interval '8 hours' + (${hourExpr}) * interval '1 hour'`;

  const before: Step[] = [
    {
      label: 'helpers',
      sql: `${BENCH_RAND_SQL};
        create or replace function bench_id(name text) returns uuid language sql immutable parallel safe
          as $$ select (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18))::uuid from md5(name) h $$`,
    },
    {
      label: 'towns and communities',
      sql: `
        insert into towns (code, name_zh, name_en, kind)
        select '441999' || lpad(t::text, 3, '0'), '基准镇' || t, 'Bench town ' || t, 'town' from generate_series(1, ${towns}) t;
        insert into communities (id, code, name, kind, town_code)
        select bench_id('bench-community-' || n), '441999' || lpad((1 + n / 20)::text, 3, '0') || lpad((1 + n % 20)::text, 3, '0'),
               '基准' || n || '社区', 'community', '441999' || lpad((1 + n / 20)::text, 3, '0')
          from generate_series(0, ${size.facilities - 1}) n`,
    },
    {
      // The row trigger gives every facility the default booking rules, as in the application.
      label: 'facilities (with their default booking rules)',
      sql: `
        insert into facilities (id, community_id, name, kind, address, opening_hours, opened_on)
        select bench_id('bench-facility-' || n), bench_id('bench-community-' || n), '基准' || n || '社区党群服务中心',
               'comprehensive_centre', '基准路' || n || '号', '${hours}'::jsonb, date '2015-01-01'
          from generate_series(0, ${size.facilities - 1}) n`,
    },
    {
      label: 'rooms',
      sql: `
        insert into spaces (id, community_id, facility_id, name, setting, use_class, floor, bookable, capacity)
        select bench_id('bench-room-' || m), bench_id('bench-community-' || m / ${ROOMS_PER_FACILITY}), bench_id('bench-facility-' || m / ${ROOMS_PER_FACILITY}),
               (array['多功能厅','活动室','舞蹈室','会议室'])[1 + m % ${ROOMS_PER_FACILITY}],
               'indoor', 'resident_activity', 1 + m % 3, true, ${ROOM_CAPACITY}
          from generate_series(0, ${rooms - 1}) m;
        create unlogged table bench_rooms as
        select m, bench_id('bench-room-' || m) as id, bench_id('bench-community-' || m / ${ROOMS_PER_FACILITY}) as community_id
          from generate_series(0, ${rooms - 1}) m;
        alter table bench_rooms add primary key (m)`,
    },
    {
      label: 'residents and their API tokens',
      sql: `
        insert into users (id, name, email, password_hash, role)
        select bench_id('bench-resident-' || i), '居民' || i, 'resident' || i || '@bench.example', 'bench-no-password', 'resident'
          from generate_series(0, ${residents - 1}) i;
        insert into api_tokens (user_id, token_hash, expires_at)
        select bench_id('bench-resident-' || i), encode(sha256(convert_to('lnl_bench_${tokenSecret}_' || i, 'UTF8')), 'hex'), now() + interval '30 days'
          from generate_series(0, ${size.apiResidents - 1}) i;
        create unlogged table bench_residents as
        select i, bench_id('bench-resident-' || i) as id from generate_series(0, ${residents - 1}) i;
        alter table bench_residents add primary key (i)`,
    },
  ];
  const bulk: Step[] = [
    {
      label: `busy rooms: ${Math.round(BUSY_SHARE * 100)}% of the next ${BUSY_DAYS} days`,
      sql: `
        insert into bookings (community_id, space_id, resident_id, starts_at, ends_at, purpose, attendees, status, created_at, updated_at)
        select r.community_id, r.id, u.id, s.starts_at, s.starts_at + interval '1 hour',
               (${PURPOSES})[1 + (bench_rand(s.k, 5) * 12)::int % 12], 1 + (bench_rand(s.k, 6) * 20)::int, 'confirmed',
               now() - bench_rand(s.k, 7) * interval '5 days', now() - bench_rand(s.k, 7) * interval '5 days'
          from (select d * 1000 + h * 10 + m as k, m, ${at('d', '8 + h', today)} as starts_at
                  from generate_series(1, ${BUSY_DAYS}) d, generate_series(0, ${HOURS_A_DAY - 1}) h, generate_series(0, ${BUSY_ROOMS - 1}) m) s
          join bench_rooms r on r.m = s.m
          join bench_residents u on u.i = ${size.apiResidents} + (hashint8extended(s.k, 3) & 2147483647) % ${size.otherResidents}
         where bench_rand(s.k, 9) < ${BUSY_SHARE}
         order by s.starts_at, s.m`,
    },
    {
      label: `history: the past ${HISTORY_DAYS} days of every room`,
      sql: `
        insert into bookings (community_id, space_id, resident_id, starts_at, ends_at, purpose, attendees, status, created_at, updated_at)
        select r.community_id, r.id, u.id, b.starts_at, b.starts_at + b.hours * interval '1 hour',
               (${PURPOSES})[1 + (bench_rand(b.k, 5) * 12)::int % 12], 1 + (bench_rand(b.k, 6) * 20)::int,
               case when bench_rand(b.k, 1) < 0.12 then 'cancelled'
                    when bench_rand(b.k, 1) < 0.15 and b.i >= ${size.apiResidents} then 'no_show'
                    else 'attended' end::booking_status,
               b.starts_at - (1 + bench_rand(b.k, 7) * 13) * interval '1 day', b.starts_at + b.hours * interval '1 hour'
          from (select k, m, i, ${at('pos / ' + HOURS_A_DAY, `8 + pos % ${HOURS_A_DAY}`, historyStart)} as starts_at,
                       case when ${twoHours} and pos % ${HOURS_A_DAY} <= ${HOURS_A_DAY - 2} and bench_rand(k, 8) < 0.3 then 2 else 1 end as hours
                  from (select k, k % ${rooms} as m, (hashint8extended(k, 3) & 2147483647) % ${residents} as i,
                               floor((k / ${rooms}) * ${gap}::float8)::int + floor(bench_rand(k, 4) * ${jitterSlots})::int as pos
                          from generate_series(0, ${size.bookings} - ${busyCount} - 1) k) p) b
          join bench_rooms r on r.m = b.m
          join bench_residents u on u.i = b.i
         order by b.starts_at, b.m`,
    },
    {
      label: 'occupancies of every booking not cancelled',
      sql: `
        insert into occupancies (community_id, space_id, during, kind, booking_id, created_at)
        select community_id, space_id, tstzrange(starts_at, ends_at, '[)'), 'booking', id, created_at
          from bookings where status not in ('cancelled', 'rejected')
         order by starts_at`,
    },
  ];
  const after: Step[] = [{ label: 'drop staging', sql: `drop table bench_rooms, bench_residents; drop function bench_rand(bigint, int), bench_id(text)` }];
  return { before, bulk, after };
}

const BULK_TABLES = ['bookings', 'occupancies'];

/**
 * Generates the dataset into a freshly migrated database (see the top of this file); `onStep`
 * hears each step's duration. Bookings and occupancies are loaded as pg_restore would (keys,
 * the exclusion constraint, indexes and foreign keys dropped, then put back and checked over all
 * the rows). Returns the row triggers on them that did not fire during the load.
 */
export async function generateBookingDataset(
  sql: Sql,
  size: BookingDatasetSize,
  options: { today: string; tokenSecret: string },
  onStep: (label: string, ms: number) => void,
): Promise<string[]> {
  if (!/^[A-Za-z0-9]+$/.test(options.tokenSecret)) throw new Error('the token secret must be alphanumeric');
  if (size.facilities < 3) throw new Error('at least 3 facilities: busy rooms, the contest room and the throughput pool');
  if (size.apiResidents <= CONTEST_RESIDENTS) throw new Error(`more than ${CONTEST_RESIDENTS} API residents are needed`);
  return bulkLoad(
    sql,
    { tables: BULK_TABLES, ...steps(size, options.today, options.tokenSecret), settings: { work_mem: '256MB', maintenance_work_mem: '1GB', synchronous_commit: 'off' } },
    onStep,
  );
}

export interface BookingRowCounts {
  rooms: number;
  residents: number;
  tokens: number;
  bookings: number;
  occupancies: number;
  futureBookings: number;
  databaseBytes: number;
}

export async function countBookingRows(sql: Sql): Promise<BookingRowCounts> {
  const [row] = await sql<Record<string, string>[]>`
    select (select count(*) from spaces where bookable) as rooms,
           (select count(*) from users where role = 'resident') as residents,
           (select count(*) from api_tokens) as tokens,
           (select count(*) from bookings) as bookings,
           (select count(*) from occupancies) as occupancies,
           (select count(*) from bookings where starts_at > now()) as future,
           pg_database_size(current_database()) as bytes`;
  return {
    rooms: Number(row!.rooms),
    residents: Number(row!.residents),
    tokens: Number(row!.tokens),
    bookings: Number(row!.bookings),
    occupancies: Number(row!.occupancies),
    futureBookings: Number(row!.future),
    databaseBytes: Number(row!.bytes),
  };
}
