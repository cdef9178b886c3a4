import { beforeAll, describe, expect, it } from 'vitest';
import { rawSql } from '../db/client';
import { createBooking } from '../server/bookings/create-booking';
import { createBookingSchema } from '../server/bookings/schemas';
import { markNoShows, sendReminders } from '../server/jobs/booking-jobs';
import { createFacility } from '../server/registry/create-facility';
import { createSpace } from '../server/registry/create-space';
import { makeCommunities, makeUser } from './helpers/factories';

const NOW = new Date('2026-12-01T00:00:00+08:00');
let roomId: string;

beforeAll(async () => {
  const admin = await makeUser('admin');
  const [communityId] = await makeCommunities(1);
  const facility = await createFacility(admin.ctx, { communityId: communityId!, name: '中心', kind: 'comprehensive_centre' });
  roomId = (await createSpace(admin.ctx, facility.id, { name: '活动室', setting: 'indoor', useClass: 'resident_activity', bookable: true, capacity: 30 })).id;
  for (const [day, hour] of [['2026-12-01', '18'], ['2026-12-01', '19'], ['2026-12-01', '20'], ['2026-12-03', '10']] as const) {
    const resident = await makeUser('resident');
    await createBooking(resident.ctx, createBookingSchema.parse({ roomId, startsAt: `${day}T${hour}:00:00+08:00`, endsAt: `${day}T${hour}:30:00+08:00`, purpose: '练琴', attendees: 1 }), NOW);
  }
});

describe('background jobs', () => {
  it('two instances sending reminders at once send each one exactly once', async () => {
    const at = new Date('2026-12-01T09:00:00+08:00');
    const [first, second] = await Promise.all([sendReminders(at), sendReminders(at)]);
    // The three bookings on the evening of 1 December are within 24 hours; the one on 3 December is not.
    expect(first + second).toBe(3);
    expect(await sendReminders(at)).toBe(0);
    const [row] = await rawSql()<{ n: number; distinct_bookings: number }[]>`
      select count(*)::int as n, count(distinct booking_id)::int as distinct_bookings from notifications where kind = 'booking_reminder'`;
    expect(row).toEqual({ n: 3, distinct_bookings: 3 });
  });

  it('records confirmed bookings not checked in within 30 minutes as no-shows, once', async () => {
    expect(await markNoShows(new Date('2026-12-01T18:29:00+08:00'))).toBe(0);
    expect(await markNoShows(new Date('2026-12-01T18:30:00+08:00'))).toBe(1);
    const later = new Date('2026-12-01T21:00:00+08:00');
    const [a, b] = await Promise.all([markNoShows(later), markNoShows(later)]);
    expect(a + b).toBe(2);
    expect(await markNoShows(later)).toBe(0);
    const statuses = await rawSql()<{ status: string; n: number }[]>`select status, count(*)::int as n from bookings group by status order by status`;
    expect(statuses).toEqual([
      { status: 'confirmed', n: 1 },
      { status: 'no_show', n: 3 },
    ]);
  });
});
