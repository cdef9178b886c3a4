import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawSql } from '../db/client';
import { getCalendarFeed, regenerateCalendarFeed } from '../server/bookings/calendar-feed';
import { changeBooking } from '../server/bookings/change-booking';
import { createBooking } from '../server/bookings/create-booking';
import { getBooking, listMyBookings } from '../server/bookings/queries';
import { createBookingSchema } from '../server/bookings/schemas';
import { createFacility } from '../server/registry/create-facility';
import { createSpace } from '../server/registry/create-space';
import { makeCommunities, makeUser, type TestUser } from './helpers/factories';
import { refusal } from './helpers/refusal';

const NOW = new Date('2026-12-01T00:00:00+08:00');
let staff: TestUser;
let otherStaff: TestUser;
let roomId: string;

function book(resident: TestUser, day: string, start: string, end: string) {
  return createBooking(resident.ctx, createBookingSchema.parse({ roomId, startsAt: `${day}T${start}:00+08:00`, endsAt: `${day}T${end}:00+08:00`, purpose: '合唱排练, 周三', attendees: 12 }), NOW);
}

beforeAll(async () => {
  const admin = await makeUser('admin');
  const [mine, other] = await makeCommunities(2);
  staff = await makeUser('staff', { communityIds: [mine!] });
  otherStaff = await makeUser('staff', { communityIds: [other!] });
  const facility = await createFacility(admin.ctx, { communityId: mine!, name: '树田综合服务中心', kind: 'comprehensive_centre' });
  roomId = (await createSpace(admin.ctx, facility.id, { name: '多功能厅', setting: 'indoor', useClass: 'resident_activity', bookable: true, capacity: 80 })).id;
});

describe('booking changes', () => {
  it('a resident cancels before the cut-off and the slot is free again; not after it', async () => {
    const [a, b] = await Promise.all([makeUser('resident'), makeUser('resident')]);
    const booking = await book(a, '2026-12-03', '10:00', '11:00');
    const cancelled = await changeBooking(a.ctx, booking.id, 'cancel', undefined, NOW);
    expect(cancelled.status).toBe('cancelled');
    expect((await book(b, '2026-12-03', '10:00', '11:00')).status).toBe('confirmed');

    const late = await book(a, '2026-12-03', '14:00', '15:00');
    // The default cut-off is two hours before the start.
    const error = await refusal(changeBooking(a.ctx, late.id, 'cancel', undefined, new Date('2026-12-03T12:30:00+08:00')));
    expect(error.type).toBe('cancel-cutoff');
    expect((await changeBooking(a.ctx, late.id, 'cancel', undefined, new Date('2026-12-03T12:00:00+08:00'))).status).toBe('cancelled');
  });

  it('a resident can neither see nor cancel someone else’s booking', async () => {
    const [owner, stranger] = await Promise.all([makeUser('resident'), makeUser('resident')]);
    const booking = await book(owner, '2026-12-04', '10:00', '11:00');
    expect((await refusal(getBooking(stranger.ctx, booking.id))).code).toBe('not_found');
    expect((await refusal(changeBooking(stranger.ctx, booking.id, 'cancel', undefined, NOW))).code).toBe('not_found');
    expect((await refusal(changeBooking(otherStaff.ctx, booking.id, 'cancel', '打扫', NOW))).code).toBe('not_found');
    expect((await getBooking(owner.ctx, booking.id)).status).toBe('confirmed');
  });

  it('staff approve or reject requests, with a reason and a notification written with the change', async () => {
    await rawSql()`update booking_rules set requires_approval = true where facility_id = (select facility_id from spaces where id = ${roomId})`;
    const resident = await makeUser('resident');
    const request = await book(resident, '2026-12-05', '10:00', '11:00');
    expect(request.status).toBe('pending');
    expect((await refusal(changeBooking(resident.ctx, request.id, 'approve', undefined, NOW))).code).toBe('forbidden');
    expect((await changeBooking(staff.ctx, request.id, 'approve', undefined, NOW)).status).toBe('confirmed');

    const second = await book(resident, '2026-12-05', '14:00', '15:00');
    expect((await refusal(changeBooking(staff.ctx, second.id, 'reject', undefined, NOW))).code).toBe('validation');
    expect(await changeBooking(staff.ctx, second.id, 'reject', '场地另有安排', NOW)).toMatchObject({ status: 'rejected', reason: '场地另有安排' });
    const inbox = await rawSql()<{ kind: string; reason: string | null }[]>`
      select kind, payload->>'reason' as reason from notifications where user_id = ${resident.id} order by created_at, kind`;
    expect(inbox.map((n) => n.kind).sort()).toEqual(['booking_approved', 'booking_pending', 'booking_pending', 'booking_rejected']);
    expect(inbox.find((n) => n.kind === 'booking_rejected')!.reason).toBe('场地另有安排');
    await rawSql()`update booking_rules set requires_approval = false where facility_id = (select facility_id from spaces where id = ${roomId})`;
  });

  it('records attendance only once the booking has started, and lets staff correct it', async () => {
    const resident = await makeUser('resident');
    const booking = await book(resident, '2026-12-07', '10:00', '11:00');
    expect((await refusal(changeBooking(staff.ctx, booking.id, 'no_show', undefined, NOW))).type).toBe('booking-not-started');
    expect((await changeBooking(staff.ctx, booking.id, 'check_in', undefined, new Date('2026-12-07T10:05:00+08:00'))).status).toBe('attended');
    const later = new Date('2026-12-07T10:20:00+08:00');
    expect((await changeBooking(staff.ctx, booking.id, 'no_show', undefined, later)).status).toBe('no_show');
    expect((await changeBooking(staff.ctx, booking.id, 'check_in', undefined, later)).status).toBe('attended');
    expect((await refusal(changeBooking(staff.ctx, booking.id, 'cancel', '太晚了', later))).type).toBe('booking-state');
    // Only staff correct attendance.
    expect((await refusal(changeBooking(resident.ctx, booking.id, 'no_show', undefined, later))).code).toBe('forbidden');
    const audit = await rawSql()<{ action: string }[]>`select action from audit_log where entity_id = ${booking.id} order by id`;
    expect(audit.map((a) => a.action).slice(-3)).toEqual(['booking.check_in', 'booking.no_show', 'booking.check_in']);
  });

  it('a booking that has ended is not cancelled, even by staff: its attendance is recorded instead', async () => {
    const resident = await makeUser('resident');
    const booking = await book(resident, '2026-12-07', '14:00', '15:00');
    const after = new Date('2026-12-07T15:00:00+08:00');
    expect((await refusal(changeBooking(staff.ctx, booking.id, 'cancel', '补录', after))).type).toBe('booking-ended');
    expect((await changeBooking(staff.ctx, booking.id, 'no_show', undefined, after)).status).toBe('no_show');
  });
});

describe('calendar', () => {
  it('the feed parses with a real iCalendar parser, with the right Asia/Shanghai times', async () => {
    const resident = await makeUser('resident');
    await book(resident, '2026-12-08', '19:00', '20:30');
    const { token, path } = await regenerateCalendarFeed(resident.ctx);
    expect(path).toBe(`/api/v1/calendar/${token}.ics`);
    const ics = (await getCalendarFeed(token, NOW))!;
    const calendar = new ICAL.Component(ICAL.parse(ics));
    // As a calendar app does: take the time zone the feed defines.
    ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!);
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.summary).toBe('多功能厅 · 合唱排练, 周三');
    expect(event.startDate.zone.tzid).toBe('Asia/Shanghai');
    expect(event.startDate.toString()).toBe('2026-12-08T19:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-08T11:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-08T12:30:00.000Z');

    const { token: fresh } = await regenerateCalendarFeed(resident.ctx);
    expect(await getCalendarFeed(token, NOW)).toBeNull();
    expect(await getCalendarFeed(fresh, NOW)).toContain('BEGIN:VEVENT');
  });

  it('my bookings lists upcoming soonest first', async () => {
    const resident = await makeUser('resident');
    await book(resident, '2026-12-10', '10:00', '11:00');
    await book(resident, '2026-12-09', '10:00', '11:00');
    const { upcoming } = await listMyBookings(resident.ctx, NOW);
    expect(upcoming.map((b) => b.startsAt)).toEqual(['2026-12-09T10:00:00+08:00', '2026-12-10T10:00:00+08:00']);
  });
});
