import { beforeAll, describe, expect, it } from 'vitest';
import { rawSql } from '../db/client';
import { createBooking } from '../server/bookings/create-booking';
import { cancelClosure } from '../server/bookings/cancel-closure';
import { createClosure } from '../server/bookings/create-closure';
import { createRecurringBooking, previewRecurringBooking } from '../server/bookings/recurring-booking';
import { closureSchema, createBookingSchema, recurringBookingSchema } from '../server/bookings/schemas';
import { AppError } from '../server/errors';
import { createFacility } from '../server/registry/create-facility';
import { createSpace } from '../server/registry/create-space';
import { makeCommunities, makeUser, type TestUser } from './helpers/factories';
import { refusal } from './helpers/refusal';

const NOW = new Date('2026-12-01T00:00:00+08:00');
let staff: TestUser;
let outsider: TestUser;
let facilityId: string;

async function room() {
  const admin = await makeUser('admin');
  return (await createSpace(admin.ctx, facilityId, { name: `室${Math.random()}`, setting: 'indoor', useClass: 'resident_activity', bookable: true, capacity: 40 })).id;
}

function book(resident: TestUser, roomId: string, startsAt: string, endsAt: string) {
  return createBooking(resident.ctx, createBookingSchema.parse({ roomId, startsAt, endsAt, purpose: '活动', attendees: 3 }), NOW);
}

beforeAll(async () => {
  const admin = await makeUser('admin');
  const [mine, other] = await makeCommunities(2);
  staff = await makeUser('staff', { communityIds: [mine!] });
  outsider = await makeUser('staff', { communityIds: [other!] });
  facilityId = (await createFacility(admin.ctx, { communityId: mine!, name: '中心', kind: 'comprehensive_centre' })).id;
});

describe('closures', () => {
  it('lifting a closure frees its rooms at once; only its community’s staff may, and only once', async () => {
    const roomId = await room();
    const input = { facilityId, spaceId: roomId, startsAt: '2026-12-08T09:00:00+08:00', endsAt: '2026-12-08T12:00:00+08:00', reason: '消防检查' };
    const { closure } = await createClosure(staff.ctx, closureSchema.parse(input));
    const resident = await makeUser('resident');
    expect((await refusal(book(resident, roomId, '2026-12-08T10:00:00+08:00', '2026-12-08T11:00:00+08:00'))).type).toBe('room-closed');
    expect((await refusal(cancelClosure(outsider.ctx, closure.id, NOW))).code).toBe('not_found');
    await cancelClosure(staff.ctx, closure.id, NOW);
    expect((await book(resident, roomId, '2026-12-08T10:00:00+08:00', '2026-12-08T11:00:00+08:00')).status).toBe('confirmed');
    expect((await refusal(cancelClosure(staff.ctx, closure.id, NOW))).type).toBe('closure-over');
  });

  it('a closure and 20 bookings racing for the same time: the database lets exactly one side in', async () => {
    const roomId = await room();
    const residents = await Promise.all(Array.from({ length: 20 }, () => makeUser('resident')));
    const closure = createClosure(staff.ctx, closureSchema.parse({ facilityId, spaceId: roomId, startsAt: '2026-12-03T09:00:00+08:00', endsAt: '2026-12-03T12:00:00+08:00', reason: '维修' }));
    const attempts = residents.map((r, i) => book(r, roomId, `2026-12-03T${i % 2 ? '10' : '11'}:00:00+08:00`, `2026-12-03T${i % 2 ? '11' : '12'}:00:00+08:00`));
    const results = await Promise.allSettled([closure, ...attempts]);
    const [rows] = await rawSql()<{ n: number; kinds: string[] }[]>`
      select count(*)::int as n, array_agg(distinct kind::text) as kinds from occupancies where space_id = ${roomId}`;
    // Either the closure won (one occupancy) or bookings did (at most two: 10–11 and 11–12).
    if (results[0]!.status === 'fulfilled') expect(rows).toEqual({ n: 1, kinds: ['closure'] });
    else expect(rows!.kinds).toEqual(['booking']);
    for (const result of results) if (result.status === 'rejected') expect((result.reason as AppError).code).toBe('conflict');
  });

  it('lists what stands in the way, and cancels residents’ bookings only when asked, telling them', async () => {
    const roomId = await room();
    const resident = await makeUser('resident');
    const booking = await book(resident, roomId, '2026-12-04T10:00:00+08:00', '2026-12-04T11:00:00+08:00');
    const input = { facilityId, spaceId: roomId, startsAt: '2026-12-04T00:00:00+08:00', endsAt: '2026-12-05T00:00:00+08:00', reason: '元旦停电检修' };
    const error = await refusal(createClosure(staff.ctx, closureSchema.parse(input)));
    expect(error.type).toBe('closure-conflicts');
    expect(error.options.extra?.conflicts).toEqual([{ kind: 'booking', room: expect.any(String), startsAt: '2026-12-04T10:00:00+08:00', endsAt: '2026-12-04T11:00:00+08:00' }]);

    const result = await createClosure(staff.ctx, closureSchema.parse({ ...input, cancelConflicting: true }));
    expect(result.cancelledBookings).toBe(1);
    const [row] = await rawSql()<{ status: string; reason: string; told: number }[]>`
      select b.status, b.reason, (select count(*)::int from notifications n where n.booking_id = b.id and n.kind = 'booking_cancelled_by_staff') as told
        from bookings b where b.id = ${booking.id}`;
    expect(row).toEqual({ status: 'cancelled', reason: '元旦停电检修', told: 1 });
    expect((await refusal(book(resident, roomId, '2026-12-04T15:00:00+08:00', '2026-12-04T16:00:00+08:00'))).type).toBe('room-closed');
  });

  it('staff of another community cannot close this facility', async () => {
    const error = await refusal(createClosure(outsider.ctx, closureSchema.parse({ facilityId, startsAt: '2026-12-20T00:00:00+08:00', endsAt: '2026-12-21T00:00:00+08:00', reason: 'x' })));
    expect(error.code).toBe('not_found');
  });
});

describe('recurring bookings for regular groups', () => {
  it('lists every conflicting week first, then books all or nothing, or only the free weeks', async () => {
    const roomId = await room();
    const resident = await makeUser('resident');
    // Week 3 (2026-12-21) is already taken by a resident.
    await book(resident, roomId, '2026-12-14T19:00:00+08:00', '2026-12-14T20:00:00+08:00');
    const input = recurringBookingSchema.parse({ roomId, startsAt: '2026-12-07T19:00:00+08:00', endsAt: '2026-12-07T20:30:00+08:00', weeks: 4, purpose: '夕阳红合唱团', attendees: 30 });
    const preview = await previewRecurringBooking(staff.ctx, input);
    expect(preview.map((week) => [week.startsAt, week.conflict])).toEqual([
      ['2026-12-07T19:00:00+08:00', null],
      ['2026-12-14T19:00:00+08:00', 'booking'],
      ['2026-12-21T19:00:00+08:00', null],
      ['2026-12-28T19:00:00+08:00', null],
    ]);
    const error = await refusal(createRecurringBooking(staff.ctx, input));
    expect(error.type).toBe('slot-taken');
    const [none] = await rawSql()<{ n: number }[]>`select count(*)::int as n from bookings where space_id = ${roomId} and purpose = '夕阳红合唱团'`;
    expect(none!.n).toBe(0);

    const result = await createRecurringBooking(staff.ctx, { ...input, mode: 'free' });
    expect(result.booked.map((week) => week.startsAt)).toEqual(['2026-12-07T19:00:00+08:00', '2026-12-21T19:00:00+08:00', '2026-12-28T19:00:00+08:00']);
    expect(result.skipped.map((week) => week.startsAt)).toEqual(['2026-12-14T19:00:00+08:00']);
    const [some] = await rawSql()<{ n: number; series: number }[]>`
      select count(*)::int as n, count(distinct series_id)::int as series from bookings where space_id = ${roomId} and purpose = '夕阳红合唱团'`;
    expect(some).toEqual({ n: 3, series: 1 });
  });

  it('residents and staff of other communities cannot book series here', async () => {
    const roomId = await room();
    const input = recurringBookingSchema.parse({ roomId, startsAt: '2027-01-04T10:00:00+08:00', endsAt: '2027-01-04T11:00:00+08:00', weeks: 2, purpose: 'x', attendees: 2 });
    expect((await refusal(previewRecurringBooking(outsider.ctx, input))).code).toBe('not_found');
    expect((await refusal(createRecurringBooking((await makeUser('resident')).ctx, input))).code).toBe('not_found');
  });
});
