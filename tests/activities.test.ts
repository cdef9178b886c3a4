import { beforeAll, describe, expect, it } from 'vitest';
import { rawSql } from '../db/client';
import { createActivity, previewActivitySessions } from '../server/activities/create-activity';
import { cancelSession, checkInSignup, updateActivityStatus, updateSessionCapacity } from '../server/activities/manage-sessions';
import { getActivity, listActivities, participationReport, sessionRoster } from '../server/activities/queries';
import { createActivitySchema, weeklySessions } from '../server/activities/schemas';
import { cancelMySignup, getMySignup, signUp } from '../server/activities/signups';
import { createBooking } from '../server/bookings/create-booking';
import { createBookingSchema } from '../server/bookings/schemas';
import { addDays, shanghaiDate } from '../server/bookings/shanghai-time';
import { createFacility } from '../server/registry/create-facility';
import { createSpace } from '../server/registry/create-space';
import { makeCommunities, makeUser, type TestUser } from './helpers/factories';
import { refusal } from './helpers/refusal';

// Dates relative to today, so sign-up windows are open whenever the suite runs.
const day = (n: number) => addDays(shanghaiDate(new Date()), n);
const at = (n: number, hhmm: string) => `${day(n)}T${hhmm}:00+08:00`;

let admin: TestUser;
let staff: TestUser;
let outsiderStaff: TestUser;
let communityId: string;
let otherCommunityId: string;
let facilityId: string;

async function room(capacity = 200) {
  return (await createSpace(admin.ctx, facilityId, { name: `活动室${Math.random()}`, setting: 'indoor', useClass: 'resident_activity', bookable: true, capacity })).id;
}

async function activity(roomId: string, overrides: Record<string, unknown> = {}) {
  const input = createActivitySchema.parse({
    title: '太极拳班',
    category: 'elderly',
    audience: 'everyone',
    roomId,
    capacity: 20,
    sessions: [{ startsAt: at(3, '09:00'), endsAt: at(3, '10:30') }],
    status: 'published',
    ...overrides,
  });
  return createActivity(staff.ctx, input);
}

const residents = (n: number, homeCommunityId?: string) => Promise.all(Array.from({ length: n }, () => makeUser('resident', { homeCommunityId })));

beforeAll(async () => {
  admin = await makeUser('admin');
  [communityId, otherCommunityId] = (await makeCommunities(2)) as [string, string];
  staff = await makeUser('staff', { communityIds: [communityId] });
  outsiderStaff = await makeUser('staff', { communityIds: [otherCommunityId] });
  facilityId = (await createFacility(admin.ctx, { communityId, name: '综合服务中心', kind: 'comprehensive_centre' })).id;
});

describe('sign-ups, capacity and the waitlist', () => {
  it('100 simultaneous sign-ups for 20 places: exactly 20 confirmed, 80 waitlisted at positions 1..80', async () => {
    const { sessionIds } = await activity(await room());
    const sessionId = sessionIds[0]!;
    const people = await residents(100);
    const results = await Promise.all(people.map((p) => signUp(p.ctx, sessionId)));
    expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(20);
    const waiting = results.filter((r) => r.status === 'waitlisted');
    expect(waiting).toHaveLength(80);
    expect(waiting.map((r) => r.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    const [counts] = await rawSql()<{ confirmed: number; waitlisted: number }[]>`select confirmed, waitlisted from activity_sessions where id = ${sessionId}`;
    expect(counts).toEqual({ confirmed: 20, waitlisted: 80 });
  });

  it('a cancellation promotes exactly the first person waiting, who is told', async () => {
    const { sessionIds } = await activity(await room(), { capacity: 2 });
    const sessionId = sessionIds[0]!;
    const [a, b, c, d] = await residents(4);
    for (const person of [a!, b!, c!, d!]) await signUp(person.ctx, sessionId);
    expect(await getMySignup(c!.ctx, sessionId)).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(await getMySignup(d!.ctx, sessionId)).toMatchObject({ status: 'waitlisted', position: 2 });

    const result = await cancelMySignup(a!.ctx, sessionId);
    expect(result.promoted).toBe(1);
    expect(await getMySignup(c!.ctx, sessionId)).toMatchObject({ status: 'confirmed' });
    expect(await getMySignup(d!.ctx, sessionId)).toMatchObject({ status: 'waitlisted', position: 1 });
    const notes = await rawSql()<{ user_id: string; kind: string }[]>`select user_id, kind from notifications where session_id = ${sessionId} and kind = 'signup_promoted'`;
    expect(notes).toEqual([{ user_id: c!.id, kind: 'signup_promoted' }]);
    expect((await refusal(getMySignup(a!.ctx, sessionId))).code).toBe('not_found');
  });

  it('simultaneous cancellations promote each waiting person once, in order', async () => {
    const { sessionIds } = await activity(await room(), { capacity: 5 });
    const sessionId = sessionIds[0]!;
    const people = await residents(10);
    for (const person of people) await signUp(person.ctx, sessionId);
    await Promise.all(people.slice(0, 3).map((p) => cancelMySignup(p.ctx, sessionId)));
    const statuses = await Promise.all(people.slice(5).map((p) => getMySignup(p.ctx, sessionId)));
    expect(statuses.map((s) => s.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    expect(statuses.slice(3).map((s) => s.position)).toEqual([1, 2]);
  });

  it('one sign-up per person per session: the second is a 409 conflict', async () => {
    const { sessionIds } = await activity(await room());
    const [person] = await residents(1);
    await signUp(person!.ctx, sessionIds[0]!);
    const results = await Promise.allSettled([signUp(person!.ctx, sessionIds[0]!), signUp(person!.ctx, sessionIds[0]!)]);
    for (const result of results) expect(result.status === 'rejected' && (result.reason as { type: string }).type).toBe('already-signed-up');
  });

  it('the database refuses an overfilled session, whatever the application does', async () => {
    const { sessionIds } = await activity(await room(), { capacity: 1 });
    const [a, b] = await residents(2);
    await rawSql()`insert into signups (session_id, user_id, status) values (${sessionIds[0]!}, ${a!.id}, 'confirmed')`;
    await expect(rawSql()`insert into signups (session_id, user_id, status) values (${sessionIds[0]!}, ${b!.id}, 'confirmed')`).rejects.toMatchObject({ code: '23514' });
  });

  it('the database keeps a session in its activity’s room, and its occupancy in the session’s room', async () => {
    const { sessionIds } = await activity(await room());
    const elsewhere = await room();
    await expect(rawSql()`update activity_sessions set space_id = ${elsewhere} where id = ${sessionIds[0]!}`).rejects.toMatchObject({
      code: '23503',
      constraint_name: expect.stringMatching(/^(activity_sessions_activity_room_fk|occupancies_session_room_fk)$/),
    });
    await expect(rawSql()`update occupancies set space_id = ${elsewhere} where session_id = ${sessionIds[0]!}`).rejects.toMatchObject({ code: '23503', constraint_name: 'occupancies_session_room_fk' });
  });

  it('sign-up closes at the session start or the activity’s closing time, and opens when it says', async () => {
    const roomId = await room();
    const closed = await activity(roomId, { signupClosesAt: at(1, '12:00'), sessions: [{ startsAt: at(5, '09:00'), endsAt: at(5, '10:00') }] });
    const [person] = await residents(1);
    expect((await refusal(signUp(person!.ctx, closed.sessionIds[0]!, new Date(at(2, '08:00'))))).type).toBe('signup-closed');
    const notYet = await activity(roomId, { signupOpensAt: at(2, '08:00'), sessions: [{ startsAt: at(6, '09:00'), endsAt: at(6, '10:00') }] });
    expect((await refusal(signUp(person!.ctx, notYet.sessionIds[0]!, new Date(at(1, '08:00'))))).type).toBe('signup-not-open');
    expect((await signUp(person!.ctx, notYet.sessionIds[0]!, new Date(at(2, '08:00')))).status).toBe('confirmed');
  });

  it('audience: a community-only activity refuses residents of other communities', async () => {
    const { sessionIds } = await activity(await room(), { audience: 'community' });
    const [neighbour] = await residents(1, communityId);
    const [stranger] = await residents(1, otherCommunityId);
    expect((await signUp(neighbour!.ctx, sessionIds[0]!)).status).toBe('confirmed');
    const error = await refusal(signUp(stranger!.ctx, sessionIds[0]!));
    expect([error.code, error.type]).toEqual(['forbidden', 'audience-restricted']);
  });

  it('only residents sign up; drafts are not open', async () => {
    const draft = await activity(await room(), { status: 'draft' });
    const [person] = await residents(1);
    expect((await refusal(signUp(staff.ctx, draft.sessionIds[0]!))).code).toBe('forbidden');
    expect((await refusal(signUp(person!.ctx, draft.sessionIds[0]!))).code).toBe('not_found');
    await updateActivityStatus(staff.ctx, draft.id, 'published');
    expect((await signUp(person!.ctx, draft.sessionIds[0]!)).status).toBe('confirmed');
  });
});

describe('sessions hold their room', () => {
  it('a session cannot be placed over a booking, and the conflicts are listed first', async () => {
    const roomId = await room();
    const [booker] = await residents(1);
    await createBooking(booker!.ctx, createBookingSchema.parse({ roomId, startsAt: at(4, '10:00'), endsAt: at(4, '11:00'), purpose: '会议', attendees: 3 }));
    const sessions = [
      { startsAt: at(4, '09:30'), endsAt: at(4, '10:30') },
      { startsAt: at(11, '09:30'), endsAt: at(11, '10:30') },
    ];
    const raw = { title: '讲座', category: 'health', audience: 'everyone', roomId, capacity: 10, sessions, status: 'published' };
    const input = createActivitySchema.parse(raw);
    expect(await previewActivitySessions(staff.ctx, input)).toEqual([{ startsAt: at(4, '09:30'), endsAt: at(4, '10:30'), conflict: 'booking' }]);
    const error = await refusal(createActivity(staff.ctx, input));
    expect([error.status, error.type]).toEqual([409, 'session-conflict']);
    const [{ n }] = (await rawSql()`select count(*)::int as n from activities where space_id = ${roomId}`) as unknown as [{ n: number }];
    expect(n).toBe(0);
    // …and a booking cannot be placed over a session.
    await createActivity(staff.ctx, createActivitySchema.parse({ ...raw, sessions: [sessions[1]] }));
    const booking = await refusal(createBooking(booker!.ctx, createBookingSchema.parse({ roomId, startsAt: at(11, '10:00'), endsAt: at(11, '11:00'), purpose: '会议', attendees: 3 })));
    expect(booking.type).toBe('slot-taken');
  });

  it('weekly sessions until a date; overlapping sessions are refused by the schema', () => {
    const weekly = weeklySessions({ startsAt: new Date(at(1, '09:00')), endsAt: new Date(at(1, '10:00')) }, day(22));
    expect(weekly.map((s) => s.startsAt.toISOString())).toEqual([0, 7, 14, 21].map((n) => new Date(at(1 + n, '09:00')).toISOString()));
    const overlapping = createActivitySchema.safeParse({ title: 'x', category: 'other', audience: 'everyone', roomId: crypto.randomUUID(), capacity: 3, sessions: [{ startsAt: at(1, '09:00'), endsAt: at(1, '10:00') }, { startsAt: at(1, '09:30'), endsAt: at(1, '10:30') }] });
    expect(overlapping.error?.issues[0]?.message).toBe('sessions_overlap');
  });

  it('staff of another community cannot publish into this room, nor read its roster', async () => {
    const roomId = await room();
    const input = createActivitySchema.parse({ title: '书法', category: 'culture', audience: 'everyone', roomId, capacity: 10, sessions: [{ startsAt: at(8, '09:00'), endsAt: at(8, '10:00') }] });
    expect((await refusal(createActivity(outsiderStaff.ctx, input))).code).toBe('not_found');
    const { sessionIds } = await createActivity(staff.ctx, input);
    expect((await refusal(sessionRoster(outsiderStaff.ctx, sessionIds[0]!))).code).toBe('not_found');
    expect((await refusal(cancelSession(outsiderStaff.ctx, sessionIds[0]!, 'x'))).code).toBe('not_found');
  });
});

describe('staff: capacity, cancellation, roster', () => {
  it('raising capacity promotes in order; lowering below the confirmed count is refused', async () => {
    const { sessionIds } = await activity(await room(), { capacity: 2 });
    const sessionId = sessionIds[0]!;
    const people = await residents(6);
    for (const person of people) await signUp(person.ctx, sessionId);
    expect((await updateSessionCapacity(staff.ctx, sessionId, 4)).promoted).toBe(2);
    const statuses = await Promise.all(people.map((p) => getMySignup(p.ctx, sessionId)));
    expect(statuses.map((s) => s.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    const error = await refusal(updateSessionCapacity(staff.ctx, sessionId, 3));
    expect([error.type, error.options.extra?.confirmed]).toEqual(['capacity-below-confirmed', 4]);
  });

  it('capacity stays within the room, and stays as it was once the session has started', async () => {
    const { sessionIds } = await activity(await room(25), { capacity: 2 });
    const sessionId = sessionIds[0]!;
    const over = await refusal(updateSessionCapacity(staff.ctx, sessionId, 26));
    expect([over.options.messageKey, over.options.extra?.roomCapacity]).toEqual(['activity_over_room_capacity', 25]);
    expect((await updateSessionCapacity(staff.ctx, sessionId, 25)).capacity).toBe(25);
    await rawSql()`update activity_sessions set starts_at = now() - interval '10 minutes', ends_at = now() + interval '1 hour' where id = ${sessionId}`;
    expect((await refusal(updateSessionCapacity(staff.ctx, sessionId, 10))).type).toBe('session-started');
  });

  it('cancelling a session tells everyone signed up or waiting and frees the room', async () => {
    const roomId = await room();
    const { sessionIds } = await activity(roomId, { capacity: 1, sessions: [{ startsAt: at(9, '14:00'), endsAt: at(9, '15:00') }] });
    const people = await residents(3);
    for (const person of people) await signUp(person.ctx, sessionIds[0]!);
    await cancelSession(staff.ctx, sessionIds[0]!, '讲师生病');
    const notes = await rawSql()<{ n: number }[]>`select count(*)::int as n from notifications where session_id = ${sessionIds[0]!} and kind = 'session_cancelled' and payload->>'reason' = '讲师生病'`;
    expect(notes[0]!.n).toBe(3);
    const [booker] = await residents(1);
    const booking = await createBooking(booker!.ctx, createBookingSchema.parse({ roomId, startsAt: at(9, '14:00'), endsAt: at(9, '15:00'), purpose: '会议', attendees: 1 }));
    expect(booking.status).toBe('confirmed');
    expect((await refusal(signUp(booker!.ctx, sessionIds[0]!))).type).toBe('session-cancelled');
  });

  it('the roster masks mobile numbers and lists the waitlist in order; check-in records attendance', async () => {
    const { sessionIds } = await activity(await room(), { capacity: 1, sessions: [{ startsAt: new Date(Date.now() + 30 * 60_000).toISOString(), endsAt: new Date(Date.now() + 90 * 60_000).toISOString() }] });
    const first = await makeUser('resident', { mobile: '13812345678' });
    const second = await makeUser('resident', { mobile: '13912345678' });
    await signUp(first.ctx, sessionIds[0]!);
    await signUp(second.ctx, sessionIds[0]!);
    const { roster } = await sessionRoster(staff.ctx, sessionIds[0]!);
    expect(roster.map((r) => [r.mobile, r.status, r.position])).toEqual([
      ['138****5678', 'confirmed', undefined],
      ['139****5678', 'waitlisted', 1],
    ]);
    expect((await checkInSignup(staff.ctx, roster[0]!.signupId, true)).status).toBe('attended');
    expect((await refusal(checkInSignup(staff.ctx, roster[1]!.signupId, true))).type).toBe('not-checkable');
  });
});

describe('browsing and reports', () => {
  it('filters by town, community, category and places left; drafts stay hidden', async () => {
    const roomId = await room();
    const full = await activity(roomId, { title: '满员班', category: 'sports', capacity: 1, sessions: [{ startsAt: at(12, '09:00'), endsAt: at(12, '10:00') }] });
    await activity(roomId, { title: '草稿', category: 'sports', status: 'draft', sessions: [{ startsAt: at(12, '11:00'), endsAt: at(12, '12:00') }] });
    const [person] = await residents(1);
    await signUp(person!.ctx, full.sessionIds[0]!);
    const [{ code, town_code: town }] = (await rawSql()`select code, town_code from communities where id = ${communityId}`) as unknown as [{ code: string; town_code: string }];

    const sports = await listActivities({ town, category: 'sports', from: day(12), to: day(12) });
    expect(sports.map((a) => a.title)).toEqual(['满员班']);
    expect(sports[0]!.sessions[0]).toMatchObject({ capacity: 1, confirmed: 1, waitlisted: 0, remaining: 0 });
    expect(await listActivities({ community: code, category: 'sports', from: day(12), to: day(12), hasPlaces: 'true' })).toEqual([]);
    expect(await listActivities({ community: otherCommunityId, category: 'sports' })).toEqual([]);
    expect((await getActivity(full.id, null))?.title).toBe('满员班');
  });

  it('participation per community and month: sign-ups, attendance and waitlist demand', async () => {
    const [communityA] = await makeCommunities(1);
    const staffA = await makeUser('staff', { communityIds: [communityA!] });
    const facility = (await createFacility(admin.ctx, { communityId: communityA!, name: '站', kind: 'service_station' })).id;
    const roomId = (await createSpace(admin.ctx, facility, { name: '室', setting: 'indoor', useClass: 'resident_activity', bookable: true, capacity: 30 })).id;
    const soon = { startsAt: new Date(Date.now() + 20 * 60_000).toISOString(), endsAt: new Date(Date.now() + 80 * 60_000).toISOString() };
    const { sessionIds } = await createActivity(staffA.ctx, createActivitySchema.parse({ title: '健康讲座', category: 'health', audience: 'everyone', roomId, capacity: 2, sessions: [soon] }));
    const people = await residents(3);
    for (const person of people) await signUp(person.ctx, sessionIds[0]!);
    const { roster } = await sessionRoster(staffA.ctx, sessionIds[0]!);
    await checkInSignup(staffA.ctx, roster[0]!.signupId, true);
    await checkInSignup(staffA.ctx, roster[1]!.signupId, false);
    const month = shanghaiDate(new Date(soon.startsAt)).slice(0, 7);
    expect(await participationReport([communityA!], month, month)).toEqual([
      { communityId: communityA, communityName: expect.any(String), month, sessions: 1, places: 2, signups: 2, attended: 1, absent: 1, attendanceRate: 0.5, waitlistJoins: 1, stillWaiting: 1 },
    ]);
  });
});
