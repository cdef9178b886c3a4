import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, uniqueMobile } from './support';

async function residentToken(request: APIRequestContext, login?: string) {
  const mobile = login ?? uniqueMobile();
  if (!login) await request.post('/api/v1/auth/register', { data: { name: '测试居民', login: mobile, password: 'resident-pass-1' } });
  const response = await request.post('/api/v1/auth/token', { data: { login: mobile, password: login ? DEMO_PASSWORD : 'resident-pass-1' } });
  return { authorization: `Bearer ${(await response.json()).token}` };
}

/** A bookable room in 树田社区 and its first free hour from the day after tomorrow. */
async function freeHour(request: APIRequestContext) {
  const community = (await (await request.get('/api/v1/communities?q=树田')).json()).items[0];
  const detail = await (await request.get(`/api/v1/communities/${community.id}`)).json();
  const room = detail.facilities.flatMap((f: { spaces: { id: string; bookable: boolean }[] }) => f.spaces).find((s: { bookable: boolean }) => s.bookable);
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 9 * 86_400_000).toISOString();
  const availability = await request.get(`/api/v1/rooms/${room.id}/availability?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  expect(availability.status()).toBe(200);
  const body = await availability.json();
  const slot = body.free.find((s: { startsAt: string }) => s.startsAt.endsWith(':00:00+08:00'));
  const startsAt = slot.startsAt as string;
  const endsAt = new Date(new Date(startsAt).getTime() + 3_600_000).toISOString().replace('.000Z', 'Z');
  return { roomId: room.id as string, startsAt, endsAt };
}

test('two residents ask for the same slot: one 201, one 409 slot-taken with alternatives', async ({ request }) => {
  const [a, b] = await Promise.all([residentToken(request), residentToken(request)]);
  const slot = await freeHour(request);
  const data = { ...slot, purpose: '太极拳练习', attendees: 8 };
  const [first, second] = await Promise.all([
    request.post('/api/v1/bookings', { headers: a, data }),
    request.post('/api/v1/bookings', { headers: b, data }),
  ]);
  const statuses = [first.status(), second.status()].sort();
  expect(statuses).toEqual([201, 409]);
  const loser = first.status() === 409 ? first : second;
  const problem = await loser.json();
  expect(problem.type).toMatch(/\/slot-taken$/);
  expect(problem.alternatives.length).toBeGreaterThan(0);
  expect(problem.alternatives[0].startsAt).toMatch(/\+08:00$/);

  const winner = first.status() === 201 ? first : second;
  const booking = await winner.json();
  expect(booking).toMatchObject({ roomId: slot.roomId, status: 'confirmed', attendees: 8 });
  expect(booking.startsAt).toBe(slot.startsAt);
  const owner = first.status() === 201 ? a : b;
  const other = owner === a ? b : a;
  expect((await request.get(`/api/v1/bookings/${booking.id}`, { headers: other })).status()).toBe(404);
  expect((await request.post(`/api/v1/bookings/${booking.id}/cancel`, { headers: other })).status()).toBe(404);
  const mine = await (await request.get('/api/v1/bookings?mine=true', { headers: owner })).json();
  expect(mine.items.map((item: { id: string }) => item.id)).toContain(booking.id);
  const cancelled = await request.post(`/api/v1/bookings/${booking.id}/cancel`, { headers: owner });
  expect(cancelled.status()).toBe(200);
  expect((await cancelled.json()).status).toBe('cancelled');
});

test('malformed and hostile booking requests get problem+json, never a 500', async ({ request }) => {
  const resident = await residentToken(request);
  const { roomId, startsAt, endsAt } = await freeHour(request);
  const cases: [string, unknown, number][] = [
    ['end before start', { roomId, startsAt: endsAt, endsAt: startsAt, purpose: 'x', attendees: 1 }, 422],
    ['zero length', { roomId, startsAt, endsAt: startsAt, purpose: 'x', attendees: 1 }, 422],
    ['year 9999', { roomId, startsAt: '9999-01-01T10:00:00+08:00', endsAt: '9999-01-01T11:00:00+08:00', purpose: 'x', attendees: 1 }, 422],
    ['no offset', { roomId, startsAt: startsAt.slice(0, 19), endsAt: startsAt.slice(0, 19), purpose: 'x', attendees: 1 }, 422],
    ['huge purpose', { roomId, startsAt, endsAt, purpose: '长'.repeat(20_000), attendees: 1 }, 422],
    ['wrong types', { roomId: 42, startsAt: true, endsAt: [], purpose: {}, attendees: '12' }, 422],
    ['unknown room', { roomId: '00000000-0000-4000-8000-000000000000', startsAt, endsAt, purpose: 'x', attendees: 1 }, 404],
    ['too many people', { roomId, startsAt, endsAt, purpose: 'x', attendees: 9999 }, 422],
    // Accepted by the schema, refused by PostgreSQL: still a 422, and the slot stays free.
    ['a NUL character', { roomId, startsAt, endsAt, purpose: 'a\u0000b', attendees: 1 }, 422],
  ];
  for (const [name, data, status] of cases) {
    const response = await request.post('/api/v1/bookings', { headers: resident, data });
    expect(response.status(), name).toBe(status);
    expect(response.headers()['content-type'], name).toContain('application/problem+json');
  }
  const huge = await request.post('/api/v1/bookings', { headers: { ...resident, 'content-type': 'application/json' }, data: `{"purpose":"${'x'.repeat(1_100_000)}"}` });
  expect(huge.status()).toBe(413);
  const staffToken = await residentToken(request, DEMO.staff);
  expect((await request.post('/api/v1/bookings', { headers: staffToken, data: { roomId, startsAt, endsAt, purpose: 'x', attendees: 1 } })).status()).toBe(403);
});

test('a calendar feed URL serves the resident’s bookings as iCalendar', async ({ request }) => {
  const resident = await residentToken(request);
  const slot = await freeHour(request);
  const created = await request.post('/api/v1/bookings', { headers: resident, data: { ...slot, purpose: '读书会', attendees: 3 } });
  expect(created.status()).toBe(201);
  const feed = await (await request.post('/api/v1/calendar-feed', { headers: resident })).json();
  const ics = await request.get(feed.path);
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  const text = await ics.text();
  expect(text).toContain('BEGIN:VCALENDAR');
  expect(text).toContain(`DTSTART;TZID=Asia/Shanghai:${slot.startsAt.slice(0, 19).replace(/[-:]/g, '')}`);
  expect((await request.get('/api/v1/calendar/not-a-real-token-at-all-000.ics')).status()).toBe(404);
});
