import { beforeAll, describe, expect, it } from 'vitest';
import { rawSql } from '../db/client';
import { createBooking } from '../server/bookings/create-booking';
import { createBookingSchema } from '../server/bookings/schemas';
import { createFacility } from '../server/registry/create-facility';
import { createSpace } from '../server/registry/create-space';
import { AppError } from '../server/errors';
import { makeCommunities, makeUser, type TestUser } from './helpers/factories';
import { refusal } from './helpers/refusal';

// "Now" is fixed: Tuesday 2026-12-01 00:00 in Shanghai. Default rules: open 08:00–21:30,
// 30-minute steps, 30 min to 4 h, 1 h to 14 days ahead, 3 active bookings, 8 h a week.
const NOW = new Date('2026-12-01T00:00:00+08:00');

let admin: TestUser;
let roomId: string;
let facilityId: string;

function at(day: string, time: string) {
  return `${day}T${time}:00+08:00`;
}

function book(resident: TestUser, startsAt: string, endsAt: string, attendees = 5, room = roomId) {
  return createBooking(resident.ctx, createBookingSchema.parse({ roomId: room, startsAt, endsAt, purpose: '书法班', attendees }), NOW);
}

async function newRoom(capacity = 20) {
  const space = await createSpace(admin.ctx, facilityId, { name: `活动室${Math.random()}`, setting: 'indoor', useClass: 'resident_activity', bookable: true, capacity });
  return space.id;
}

beforeAll(async () => {
  admin = await makeUser('admin');
  const [communityId] = await makeCommunities(1);
  const facility = await createFacility(admin.ctx, { communityId: communityId!, name: '综合服务中心', kind: 'comprehensive_centre' });
  facilityId = facility.id;
  roomId = await newRoom();
});

describe('no room is ever double-booked', () => {
  it('50 residents booking overlapping slots at once: exactly one booking, 49 conflicts', async () => {
    const room = await newRoom();
    const residents = await Promise.all(Array.from({ length: 50 }, () => makeUser('resident')));
    const results = await Promise.allSettled(
      residents.map((resident, i) => book(resident, at('2026-12-03', i % 2 ? '10:00' : '10:30'), at('2026-12-03', i % 2 ? '11:00' : '11:30'), 5, room)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const loss of lost) {
      expect(loss.reason).toBeInstanceOf(AppError);
      expect((loss.reason as AppError).type).toBe('slot-taken');
    }
    const [row] = await rawSql()<{ bookings: number; occupancies: number }[]>`
      select (select count(*)::int from bookings where space_id = ${room}) as bookings,
             (select count(*)::int from occupancies where space_id = ${room}) as occupancies`;
    expect(row).toEqual({ bookings: 1, occupancies: 1 });
  });

  it('offers the nearest free slots of the same length when a slot was just taken', async () => {
    const room = await newRoom();
    const [a, b] = await Promise.all([makeUser('resident'), makeUser('resident')]);
    await book(a, at('2026-12-04', '14:00'), at('2026-12-04', '15:00'), 5, room);
    const error = await refusal(book(b, at('2026-12-04', '14:00'), at('2026-12-04', '15:00'), 5, room));
    expect(error.type).toBe('slot-taken');
    // Free hours nearest to 14:00 on the same day: 13:00 and 15:00 (an hour away), then 12:30
    // (earlier wins a tie with 15:30); listed in time order.
    expect(error.options.extra?.alternatives).toEqual([
      { startsAt: '2026-12-04T12:30:00+08:00', endsAt: '2026-12-04T13:30:00+08:00' },
      { startsAt: '2026-12-04T13:00:00+08:00', endsAt: '2026-12-04T14:00:00+08:00' },
      { startsAt: '2026-12-04T15:00:00+08:00', endsAt: '2026-12-04T16:00:00+08:00' },
    ]);
  });

  it('back-to-back bookings (one ends 10:00, the next starts 10:00) both succeed', async () => {
    const room = await newRoom();
    const [a, b] = await Promise.all([makeUser('resident'), makeUser('resident')]);
    await book(a, at('2026-12-05', '09:00'), at('2026-12-05', '10:00'), 5, room);
    const second = await book(b, at('2026-12-05', '10:00'), at('2026-12-05', '11:00'), 5, room);
    expect(second).toMatchObject({ status: 'confirmed', startsAt: '2026-12-05T10:00:00+08:00', endsAt: '2026-12-05T11:00:00+08:00' });
  });
});

describe('what a booking writes', () => {
  it('one booking, its occupancy, the resident\'s inbox entry and the audit entry, all in one transaction', async () => {
    const room = await newRoom();
    const resident = await makeUser('resident');
    const booking = await book(resident, at('2026-12-04', '14:00'), at('2026-12-04', '15:30'), 7, room);
    expect(booking).toMatchObject({ roomId: room, status: 'confirmed', purpose: '书法班', attendees: 7, reason: null, startsAt: '2026-12-04T14:00:00+08:00', endsAt: '2026-12-04T15:30:00+08:00' });
    expect(Math.abs(Date.parse(booking.createdAt) - Date.now())).toBeLessThan(60_000);

    const sql = rawSql();
    const occupancies = await sql<{ during_right: boolean; kind: string; space_id: string }[]>`
      select during = tstzrange('2026-12-04T14:00:00+08:00', '2026-12-04T15:30:00+08:00', '[)') as during_right, kind, space_id
        from occupancies where booking_id = ${booking.id}`;
    expect(occupancies).toEqual([{ during_right: true, kind: 'booking', space_id: room }]);
    const notifications = await sql<{ user_id: string; kind: string; payload: Record<string, unknown> }[]>`select user_id, kind, payload from notifications where booking_id = ${booking.id}`;
    expect(notifications).toEqual([
      { user_id: resident.id, kind: 'booking_confirmed', payload: { room: booking.roomName, facility: '综合服务中心', startsAt: '2026-12-04T14:00:00+08:00', endsAt: '2026-12-04T15:30:00+08:00', reason: null } },
    ]);
    const audit = await sql<{ actor_id: string; action: string; after: Record<string, unknown>; request_id: string }[]>`
      select actor_id, action, after, request_id from audit_log where entity = 'booking' and entity_id = ${booking.id}`;
    expect(audit).toEqual([
      {
        actor_id: resident.id,
        action: 'booking.create',
        request_id: resident.ctx.requestId,
        after: expect.objectContaining({ id: booking.id, spaceId: room, residentId: resident.id, status: 'confirmed', attendees: 7, purpose: '书法班' }),
      },
    ]);
    expect(new Date(audit[0]!.after.startsAt as string)).toEqual(new Date('2026-12-04T14:00:00+08:00'));
  });
});

describe('every rule at its boundary', () => {
  const cases: [string, string, string, number, string | null][] = [
    ['opens at 08:00', at('2026-12-02', '08:00'), at('2026-12-02', '08:30'), 5, null],
    ['starts before opening', at('2026-12-02', '07:30'), at('2026-12-02', '08:30'), 5, 'outside_opening_hours'],
    ['ends at closing 21:30', at('2026-12-02', '21:00'), at('2026-12-02', '21:30'), 5, null],
    ['ends after closing', at('2026-12-02', '21:00'), at('2026-12-02', '22:00'), 5, 'outside_opening_hours'],
    ['off the 30-minute steps', at('2026-12-02', '09:15'), at('2026-12-02', '10:15'), 5, 'not_on_slot'],
    ['four hours is the most', at('2026-12-06', '09:00'), at('2026-12-06', '13:00'), 5, null],
    ['four and a half hours', at('2026-12-06', '14:00'), at('2026-12-06', '18:30'), 5, 'too_long'],
    ['at night', '2026-12-02T01:00:00+08:00', '2026-12-02T01:30:00+08:00', 5, 'outside_opening_hours'],
    ['across midnight', '2026-12-02T21:00:00+08:00', '2026-12-03T08:30:00+08:00', 5, 'outside_opening_hours'],
    ['at capacity', at('2026-12-07', '08:00'), at('2026-12-07', '08:30'), 20, null],
    ['over capacity', at('2026-12-07', '09:00'), at('2026-12-07', '09:30'), 21, 'over_capacity'],
  ];
  for (const [name, startsAt, endsAt, attendees, expected] of cases) {
    it(`${name}: ${expected ?? 'allowed'}`, async () => {
      const resident = await makeUser('resident');
      const attempt = book(resident, startsAt, endsAt, attendees);
      if (expected === null) {
        expect((await attempt).status).toBe('confirmed');
      } else {
        expect((await refusal(attempt)).message).toBe(expected);
      }
    });
  }

  it('refuses a start less than an hour away, allows one exactly an hour away', async () => {
    const resident = await makeUser('resident');
    const soon = new Date('2026-12-02T08:00:00+08:00');
    const input = (start: string, end: string) => createBookingSchema.parse({ roomId, startsAt: start, endsAt: end, purpose: '会议', attendees: 2 });
    expect((await refusal(createBooking(resident.ctx, input(at('2026-12-02', '08:30'), at('2026-12-02', '09:00')), soon))).message).toBe('too_soon');
    expect((await createBooking(resident.ctx, input(at('2026-12-02', '09:00'), at('2026-12-02', '09:30')), soon)).status).toBe('confirmed');
  });

  it('allows a start exactly 14 days ahead and refuses one half an hour later', async () => {
    const resident = await makeUser('resident');
    const morning = new Date('2026-12-01T08:00:00+08:00');
    const input = (start: string, end: string) => createBookingSchema.parse({ roomId, startsAt: start, endsAt: end, purpose: '会议', attendees: 2 });
    expect((await createBooking(resident.ctx, input(at('2026-12-15', '08:00'), at('2026-12-15', '08:30')), morning)).status).toBe('confirmed');
    expect((await refusal(createBooking(resident.ctx, input(at('2026-12-15', '08:30'), at('2026-12-15', '09:00')), morning))).message).toBe('too_far_ahead');
  });

  it('refuses a room that is not bookable', async () => {
    const office = await createSpace(admin.ctx, facilityId, { name: '办公室', setting: 'indoor', useClass: 'office', bookable: false });
    const resident = await makeUser('resident');
    expect((await refusal(book(resident, at('2026-12-03', '10:00'), at('2026-12-03', '11:00'), 2, office.id))).message).toBe('room_not_bookable');
  });
});

describe('a room closing ahead', () => {
  it('stays bookable before its facility closes and refuses the days from the closing date on', async () => {
    const [communityId] = await makeCommunities(1);
    const facility = await createFacility(admin.ctx, { communityId: communityId!, name: '将关闭的服务站', kind: 'service_station' });
    const space = await createSpace(admin.ctx, facility.id, { name: '活动室', setting: 'indoor', useClass: 'resident_activity', bookable: true, capacity: 20 });
    await rawSql()`update facilities set closed_on = '2026-12-05' where id = ${facility.id}`;
    const resident = await makeUser('resident');
    expect((await book(resident, at('2026-12-04', '10:00'), at('2026-12-04', '11:00'), 2, space.id)).status).toBe('confirmed');
    expect((await refusal(book(resident, at('2026-12-05', '10:00'), at('2026-12-05', '11:00'), 2, space.id))).message).toBe('room_not_bookable');
  });
});

describe('quotas and suspension', () => {
  it('allows three active future bookings and refuses the fourth', async () => {
    const room = await newRoom();
    const resident = await makeUser('resident');
    for (const day of ['2026-12-08', '2026-12-09', '2026-12-10']) await book(resident, at(day, '10:00'), at(day, '10:30'), 2, room);
    const error = await refusal(book(resident, at('2026-12-11', '10:00'), at('2026-12-11', '10:30'), 2, room));
    expect(error).toMatchObject({ type: 'quota-reached', messageKey: 'booking_quota_active' });
  });

  it('ten simultaneous requests from one resident for ten free slots: exactly three bookings, seven quota refusals', async () => {
    const room = await newRoom();
    const resident = await makeUser('resident');
    const days = ['2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'];
    const results = await Promise.allSettled(days.map((day) => book(resident, at(day, '10:00'), at(day, '10:30'), 2, room)));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as AppError] : []));
    expect(refused.map((e) => e.messageKey)).toEqual(Array(7).fill('booking_quota_active'));
    const [row] = await rawSql()<{ n: number }[]>`select count(*)::int as n from bookings where resident_id = ${resident.id}`;
    expect(row!.n).toBe(3);
  });

  it('allows eight hours in a week and refuses half an hour more', async () => {
    const room = await newRoom();
    const resident = await makeUser('resident');
    await book(resident, at('2026-12-08', '08:00'), at('2026-12-08', '12:00'), 2, room);
    await book(resident, at('2026-12-09', '08:00'), at('2026-12-09', '12:00'), 2, room);
    const error = await refusal(book(resident, at('2026-12-10', '08:00'), at('2026-12-10', '08:30'), 2, room));
    expect(error.messageKey).toBe('booking_quota_weekly');
    // The next week (from Monday 2026-12-14) starts afresh.
    expect((await book(resident, at('2026-12-14', '08:00'), at('2026-12-14', '08:30'), 2, room)).status).toBe('confirmed');
  });

  it('suspends booking for 30 days after 3 no-shows within 90 days', async () => {
    const resident = await makeUser('resident');
    const [community] = await rawSql()<{ community_id: string }[]>`select community_id from spaces where id = ${roomId}`;
    const noShow = (day: string) =>
      rawSql()`insert into bookings (community_id, space_id, resident_id, starts_at, ends_at, purpose, attendees, status)
               values (${community!.community_id}, ${roomId}, ${resident.id}, ${at(day, '10:00')}, ${at(day, '11:00')}, '练习', 1, 'no_show')`;
    await noShow('2026-09-10');
    await noShow('2026-10-20');
    expect((await book(resident, at('2026-12-03', '18:00'), at('2026-12-03', '18:30'))).status).toBe('confirmed');
    await noShow('2026-11-20');
    const error = await refusal(book(resident, at('2026-12-03', '19:00'), at('2026-12-03', '19:30')));
    expect(error).toMatchObject({ type: 'suspended' });
    expect(error.options.extra?.suspendedUntil).toBe(new Date('2026-12-20T10:00:00+08:00').toISOString());
  });

  it('no-shows further apart than 90 days do not suspend', async () => {
    const resident = await makeUser('resident');
    const [community] = await rawSql()<{ community_id: string }[]>`select community_id from spaces where id = ${roomId}`;
    for (const day of ['2026-06-01', '2026-08-15', '2026-11-20']) {
      await rawSql()`insert into bookings (community_id, space_id, resident_id, starts_at, ends_at, purpose, attendees, status)
                     values (${community!.community_id}, ${roomId}, ${resident.id}, ${at(day, '10:00')}, ${at(day, '11:00')}, '练习', 1, 'no_show')`;
    }
    expect((await book(resident, at('2026-12-03', '20:00'), at('2026-12-03', '20:30'))).status).toBe('confirmed');
  });
});

describe('closures and bad input', () => {
  it('a booking over a closure is refused as "room closed"', async () => {
    const room = await newRoom();
    const [row] = await rawSql()<{ community_id: string; facility_id: string }[]>`select community_id, facility_id from spaces where id = ${room}`;
    const [closure] = await rawSql()<{ id: string }[]>`
      insert into closures (community_id, facility_id, space_id, starts_at, ends_at, reason)
      values (${row!.community_id}, ${row!.facility_id}, ${room}, ${at('2026-12-12', '00:00')}, ${at('2026-12-13', '00:00')}, '维修') returning id`;
    await rawSql()`insert into occupancies (community_id, space_id, during, kind, closure_id)
      values (${row!.community_id}, ${room}, tstzrange(${at('2026-12-12', '00:00')}::timestamptz, ${at('2026-12-13', '00:00')}::timestamptz, '[)'), 'closure', ${closure!.id})`;
    const resident = await makeUser('resident');
    expect((await refusal(book(resident, at('2026-12-12', '10:00'), at('2026-12-12', '11:00'), 2, room))).type).toBe('room-closed');
  });

  it('the database itself refuses an overlapping occupancy and an empty or reversed range', async () => {
    const [row] = await rawSql()<{ community_id: string; space_id: string; booking_id: string }[]>`
      select community_id, space_id, booking_id from occupancies where kind = 'booking' limit 1`;
    const overlap = await rawSql()`insert into occupancies (community_id, space_id, during, kind, session_id)
      select community_id, space_id, during, 'activity_session', gen_random_uuid() from occupancies where booking_id = ${row!.booking_id}`.catch((e: { code: string }) => e);
    expect((overlap as { code: string }).code).toBe('23P01');
    const reversed = await rawSql()`insert into bookings (community_id, space_id, resident_id, starts_at, ends_at, purpose, attendees, status)
      select community_id, space_id, resident_id, ends_at, starts_at, purpose, attendees, 'confirmed' from bookings where id = ${row!.booking_id}`.catch((e: { code: string }) => e);
    expect((reversed as { code: string }).code).toBe('23514');
    // An occupancy holds its booking's room, never another (the exclusion constraint guards the occupancy's room).
    const otherRoom = await newRoom();
    const moved = await rawSql()`update occupancies set space_id = ${otherRoom} where booking_id = ${row!.booking_id}`.catch((e: { code: string; constraint_name: string }) => e);
    expect(moved).toMatchObject({ code: '23503', constraint_name: 'occupancies_booking_room_fk' });
  });

  it('refuses end before start, zero length, year 9999 and offsetless times at the schema', () => {
    const parse = (startsAt: string, endsAt: string) => createBookingSchema.safeParse({ roomId, startsAt, endsAt, purpose: 'x', attendees: 1 });
    expect(parse(at('2026-12-03', '11:00'), at('2026-12-03', '10:00')).success).toBe(false);
    expect(parse(at('2026-12-03', '10:00'), at('2026-12-03', '10:00')).success).toBe(false);
    expect(parse('9999-01-01T10:00:00+08:00', '9999-01-01T11:00:00+08:00').success).toBe(false);
    expect(parse('2026-12-03T10:00:00', '2026-12-03T11:00:00').success).toBe(false);
    expect(parse(at('2026-12-03', '10:00'), at('2026-12-03', '11:00')).success).toBe(true);
  });
});
