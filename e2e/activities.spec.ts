import { expect, test, type APIRequestContext } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { DEMO, expectAccessible, registerResident, signIn, storageStateFor, tokenHeaders } from './support';

// Activities: the API contract (create, sign up, waitlist, withdraw, roster, conflicts), a
// resident's journey from finding an activity to being promoted off the waitlist (Chinese, phone),
// and the staff desk publishing one through its form. staff@linli.demo manages 虎门 树田社区;
// staff2@linli.demo only 莞城 西隅社区. Sessions are 10+ days ahead, on days of their own, in hours nothing holds.

test.describe.configure({ mode: 'serial' });

const run = `${Date.now()}`.slice(-6);
const HOUR = 3_600_000;
const DAY = 86_400_000;
const PHONE = { width: 390, height: 844 };
const shanghaiIso = (ms: number) => `${new Date(ms + 8 * HOUR).toISOString().slice(0, 19)}+08:00`;
const dayStart = (days: number) => Date.parse(`${new Date(Date.now() + days * DAY + 8 * HOUR).toISOString().slice(0, 10)}T00:00:00+08:00`);

let roomId: string;
let staff: { authorization: string };
let nextDay = 10;

/** 树田社区's largest bookable room. */
async function shutianRoom(request: APIRequestContext) {
  const community = (await (await request.get('/api/v1/communities?q=树田')).json()).items[0];
  const detail = await (await request.get(`/api/v1/communities/${community.id}`)).json();
  const rooms = detail.facilities.flatMap((f: { spaces: { id: string; bookable: boolean; capacity: number | null }[] }) => f.spaces).filter((s: { bookable: boolean }) => s.bookable);
  return rooms.sort((a: { capacity: number }, b: { capacity: number }) => (b.capacity ?? 0) - (a.capacity ?? 0))[0].id as string;
}

/**
 * An hour the room is free, on a day of its own so specs never collide. Past the residents'
 * 14-day booking window the availability lists no bookable slots, so the busy list decides.
 */
async function freeHour(request: APIRequestContext) {
  for (let tries = 0; tries < 30; tries++) {
    const from = dayStart(nextDay++);
    const response = await request.get(`/api/v1/rooms/${roomId}/availability?from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(from + DAY).toISOString())}`);
    expect(response.status()).toBe(200);
    const busy: { startsAt: string; endsAt: string }[] = (await response.json()).busy;
    for (let hour = 10; hour < 20; hour++) {
      const start = from + hour * HOUR;
      if (!busy.some((b) => Date.parse(b.startsAt) < start + HOUR && start < Date.parse(b.endsAt))) return { startsAt: shanghaiIso(start), endsAt: shanghaiIso(start + HOUR) };
    }
  }
  throw new Error('no free hour found');
}

async function createActivity(request: APIRequestContext, title: string, capacity: number, extra: Record<string, unknown> = {}) {
  const session = await freeHour(request);
  const response = await request.post('/api/v1/activities', {
    headers: staff,
    data: { title, description: '测试活动', category: 'health', audience: 'everyone', roomId, capacity, sessions: [session], status: 'published', ...extra },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { id, sessionIds } = await response.json();
  return { id: id as string, sessionId: sessionIds[0] as string, session };
}

test.beforeAll(async ({ request }) => {
  roomId = await shutianRoom(request);
  staff = await tokenHeaders(request, DEMO.staff);
});

test('API: sign-ups fill the places, then the waitlist; withdrawing promotes the first waiting', async ({ request }) => {
  const { id, sessionId, session } = await createActivity(request, `健康讲座 ${run}`, 2);
  const [a, b, c] = await Promise.all([1, 2, 3].map((n) => registerResident(request, `居民${n}-${run}`)));

  const answers = [];
  for (const person of [a!, b!, c!]) answers.push(await request.post(`/api/v1/sessions/${sessionId}/signups`, { headers: person.headers }));
  expect(answers.map((r) => r.status())).toEqual([201, 201, 201]);
  expect(await Promise.all(answers.map((r) => r.json()))).toMatchObject([{ status: 'confirmed' }, { status: 'confirmed' }, { status: 'waitlisted', position: 1 }]);
  expect((await answers[0]!.json()).position).toBeUndefined();

  const again = await request.post(`/api/v1/sessions/${sessionId}/signups`, { headers: a!.headers });
  expect(again.status()).toBe(409);
  expect((await again.json()).type).toMatch(/\/already-signed-up$/);

  const activity = await (await request.get(`/api/v1/activities/${id}`)).json();
  expect(activity.sessions).toEqual([{ id: sessionId, startsAt: session.startsAt, endsAt: session.endsAt, capacity: 2, confirmed: 2, waitlisted: 1, remaining: 0, cancelled: false, cancelReason: null }]);

  // The room is held: a booking over the session is refused, and so is a second activity.
  const booking = await request.post('/api/v1/bookings', { headers: c!.headers, data: { roomId, ...session, purpose: '聚会', attendees: 2 } });
  expect(booking.status()).toBe(409);
  const clash = await request.post('/api/v1/activities', { headers: staff, data: { title: '冲突', category: 'other', audience: 'everyone', roomId, capacity: 5, sessions: [session] } });
  expect(clash.status()).toBe(409);
  const problem = await clash.json();
  expect(problem.type).toMatch(/\/session-conflict$/);
  expect(problem.conflicts).toEqual([{ ...session, conflict: 'activity_session' }]);

  const withdrawn = await request.delete(`/api/v1/sessions/${sessionId}/signups/me`, { headers: a!.headers });
  expect(withdrawn.status()).toBe(200);
  expect(await withdrawn.json()).toMatchObject({ status: 'cancelled', promoted: 1 });
  expect(await (await request.get(`/api/v1/sessions/${sessionId}/signups/me`, { headers: c!.headers })).json()).toEqual({ status: 'confirmed' });
  expect((await request.get(`/api/v1/sessions/${sessionId}/signups/me`, { headers: a!.headers })).status()).toBe(404);

  // Staff see the roster with masked mobile numbers; staff of another community see nothing.
  const roster = await (await request.get(`/api/v1/sessions/${sessionId}/roster`, { headers: staff })).json();
  expect(roster.roster.map((r: { mobile: string; status: string }) => [r.mobile, r.status])).toEqual([
    [`${b!.mobile.slice(0, 3)}****${b!.mobile.slice(-4)}`, 'confirmed'],
    [`${c!.mobile.slice(0, 3)}****${c!.mobile.slice(-4)}`, 'confirmed'],
  ]);
  expect(JSON.stringify(roster)).not.toContain(b!.mobile);
  const outsider = await tokenHeaders(request, 'staff2@linli.demo');
  expect((await request.get(`/api/v1/sessions/${sessionId}/roster`, { headers: outsider })).status()).toBe(404);

  // Lowering the capacity below the places taken is refused in words.
  const lower = await request.patch(`/api/v1/sessions/${sessionId}`, { headers: staff, data: { capacity: 1 } });
  expect(lower.status()).toBe(422);
  expect(await lower.json()).toMatchObject({ confirmed: 2 });
  expect((await lower.json()).type).toMatch(/\/capacity-below-confirmed$/);

  const listed = await (await request.get(`/api/v1/activities?community=441900121001&category=health&from=${session.startsAt.slice(0, 10)}&to=${session.startsAt.slice(0, 10)}`)).json();
  expect(listed.items.map((item: { id: string }) => item.id)).toContain(id);
});

test('API: who may create, and what bad input gets', async ({ request }) => {
  const resident = await registerResident(request, `居民-${run}`);
  const session = await freeHour(request);
  const valid = { title: '书法', category: 'culture', audience: 'everyone', roomId, capacity: 10, sessions: [session] };
  expect((await request.post('/api/v1/activities', { headers: resident.headers, data: valid })).status()).toBe(403);
  expect((await request.post('/api/v1/activities', { headers: await tokenHeaders(request, 'staff2@linli.demo'), data: valid })).status()).toBe(404);
  const cases: [string, unknown][] = [
    ['no sessions', { ...valid, sessions: [] }],
    ['capacity 0', { ...valid, capacity: 0 }],
    ['end before start', { ...valid, sessions: [{ startsAt: session.endsAt, endsAt: session.startsAt }] }],
    ['year 9999', { ...valid, sessions: [{ startsAt: '9999-01-01T10:00:00+08:00', endsAt: '9999-01-01T11:00:00+08:00' }] }],
    ['huge title', { ...valid, title: 'x'.repeat(10_000) }],
    ['wrong category', { ...valid, category: 'party' }],
    ['in the past', { ...valid, sessions: [{ startsAt: '2020-01-01T10:00:00+08:00', endsAt: '2020-01-01T11:00:00+08:00' }] }],
  ];
  for (const [name, data] of cases) {
    const response = await request.post('/api/v1/activities', { headers: staff, data });
    expect(response.status(), name).toBe(422);
    expect(response.headers()['content-type'], name).toContain('application/problem+json');
  }
  expect((await request.post(`/api/v1/sessions/not-a-uuid/signups`, { headers: resident.headers })).status()).toBe(422);
  expect((await request.post(`/api/v1/sessions/${crypto.randomUUID()}/signups`, { headers: resident.headers })).status()).toBe(404);
});

test.describe('a resident on a phone, in Chinese', () => {
  test.use({ viewport: PHONE });

  test('finds a full activity, joins the waitlist, is promoted and sees it in the inbox', async ({ page, request }) => {
    const title = `太极拳体验课 ${run}`;
    const { id, sessionId } = await createActivity(request, title, 1, { category: 'elderly' });
    const first = await registerResident(request, `先报名-${run}`);
    expect((await request.post(`/api/v1/sessions/${sessionId}/signups`, { headers: first.headers })).status()).toBe(201);
    const me = await registerResident(request, `陈阿姨-${run}`);

    await signIn(page, me.mobile, me.password);
    await expect(page).not.toHaveURL(/sign-in/);
    await page.goto('/activities?category=elderly');
    await expect(page.getByRole('heading', { level: 1, name: '社区活动' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('已满 · 候补 0 人')).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: /加入候补/ }).click();
    await expect(page.getByText('这一场已满，您已进入候补，排第 1 位。有名额时会通知您。')).toBeVisible();
    await page.reload();
    await expect(page.getByText('您在候补中：第 1 位')).toBeVisible();

    // The person with the place withdraws: the first waiting — this resident — moves up.
    expect((await request.delete(`/api/v1/sessions/${sessionId}/signups/me`, { headers: first.headers })).status()).toBe(200);
    await page.goto('/notifications');
    await expect(page.getByText(`候补成功，您已获得名额：${title}`)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: '查看活动' }).first().click();
    await expect(page).toHaveURL(new RegExp(`/activities/${id}$`));
    await expect(page.getByText('您已报名', { exact: true })).toBeVisible();

    await page.goto('/my/activities');
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await page.screenshot({ path: 'test-results/activities-phone-zh.png', fullPage: true });
  });
});

test.describe('the staff desk', () => {
  test.use({ storageState: storageStateFor('staff') });

  test('publishes an activity through the form after checking the room, then exports the roster', async ({ page, request }) => {
    const session = await freeHour(request);
    const title = `亲子手工 ${run}`;
    await page.goto('/staff/activities/new');
    await expect(page.getByRole('heading', { level: 1, name: '发布新活动' })).toBeVisible();
    await page.getByLabel('标题', { exact: true }).fill(title);
    await page.getByLabel('类别').selectOption('family');
    await page.getByLabel('活动室').selectOption(roomId);
    await page.getByLabel('每场名额').fill('0');
    await page.getByLabel('日期', { exact: true }).fill(session.startsAt.slice(0, 10));
    await page.getByLabel('开始时间', { exact: true }).fill(session.startsAt.slice(11, 16));
    await page.getByLabel('结束时间', { exact: true }).fill(session.endsAt.slice(11, 16));
    await page.getByRole('button', { name: '检查活动室' }).click();
    // A bad field is said in words, next to it; what was typed stays.
    await expect(page.getByText('容纳人数应为 1 到 10000 的整数。')).toBeVisible();
    await expect(page.getByLabel('每场名额')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('标题', { exact: true })).toHaveValue(title);
    await page.getByLabel('每场名额').fill('8');
    await page.getByRole('button', { name: '检查活动室' }).click();
    await expect(page.getByText('全部 1 场的时间都空闲，可以发布。')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await expect(page.getByText('已发布，居民现在可以报名。')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    const resident = await registerResident(request, `刘女士-${run}`);
    const activityId = page.url().split('/').at(-1)!.split('?')[0]!;
    const detail = await (await request.get(`/api/v1/activities/${activityId}`)).json();
    expect((await request.post(`/api/v1/sessions/${detail.sessions[0].id}/signups`, { headers: resident.headers })).status()).toBe(201);

    await page.getByRole('link', { name: /名单/ }).first().click();
    await expect(page.getByRole('cell', { name: resident.name, exact: true })).toBeVisible();
    await expect(page.locator('#main')).not.toContainText(resident.mobile);
    await expectAccessible(page);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载名单（CSV）' }).click();
    const csv = await readFile((await (await download).path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF姓名,手机号（已隐藏部分）,状态,候补位次,报名时间');
    expect(csv).toContain(`${resident.name},${resident.mobile.slice(0, 3)}****${resident.mobile.slice(-4)},已报名`);
  });
});
