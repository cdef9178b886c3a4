import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { expectAccessible, registerResident as register, signIn, storageStateFor, type ApiUser } from './support';

// The staff booking desk: approving and rejecting requests, the day sheet, closing a room over a
// booking, a recurring booking around a taken week, and no way into another community's desk.
// staff@linli.demo manages 虎门 树田社区 (db/seed/demo-accounts.ts); staff2@linli.demo only 莞城 西隅社区.
// Dates are 3+ days ahead and rooms are taken from the end of the list, away from other specs.

test.use({ storageState: storageStateFor('staff') });
test.describe.configure({ mode: 'serial' });

const run = `${Date.now()}`.slice(-6);
const HOUR = 3_600_000;
const DAY = 86_400_000;

interface Room {
  id: string;
  name: string;
}

type Resident = ApiUser;

let facilityId: string;
let rooms: Room[];
let residents: Resident[];
/** 树田社区's centre and its bookable rooms, from the public API. */
async function shutian(request: APIRequestContext) {
  const community = (await (await request.get('/api/v1/communities?q=树田')).json()).items[0];
  const detail = await (await request.get(`/api/v1/communities/${community.id}`)).json();
  const facility = detail.facilities.find((f: { spaces: { bookable: boolean }[] }) => f.spaces.some((s) => s.bookable));
  return { facilityId: facility.id as string, rooms: facility.spaces.filter((s: { bookable: boolean }) => s.bookable).map((s: Room) => ({ id: s.id, name: s.name })) as Room[] };
}

const shanghaiDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
const hhmm = (iso: string) => iso.slice(11, 16);
/** An instant as Shanghai wall-clock ISO 8601: 2026-12-01T19:00:00+08:00. */
const shanghaiIso = (ms: number) => `${new Date(ms + 8 * HOUR).toISOString().slice(0, 19)}+08:00`;

/** Free hour-long slots (start instants, +08:00) of a room in [from, to). */
async function freeHours(request: APIRequestContext, roomId: string, from: number, to: number): Promise<string[]> {
  const response = await request.get(`/api/v1/rooms/${roomId}/availability?from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}`);
  expect(response.status()).toBe(200);
  const free: { startsAt: string }[] = (await response.json()).free;
  const starts = new Set(free.map((slot) => Date.parse(slot.startsAt)));
  // An hour is free when both of its half-hour slots are.
  return free.filter((slot) => slot.startsAt.endsWith(':00:00+08:00') && starts.has(Date.parse(slot.startsAt) + HOUR / 2)).map((slot) => slot.startsAt);
}

/** What holds a room in [from, to): bookings, sessions, closures. */
async function busyBetween(request: APIRequestContext, roomId: string, from: number, to: number): Promise<unknown[]> {
  const response = await request.get(`/api/v1/rooms/${roomId}/availability?from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}`);
  expect(response.status()).toBe(200);
  return (await response.json()).busy;
}

/** The start of the Shanghai day `days` from now, as an instant. */
const dayStart = (days: number) => Date.parse(`${shanghaiDay(Date.now() + days * DAY)}T00:00:00+08:00`);

async function book(request: APIRequestContext, resident: Resident, roomId: string, startsAt: string, purpose: string) {
  const endsAt = shanghaiIso(Date.parse(startsAt) + HOUR);
  const response = await request.post('/api/v1/bookings', { headers: resident.headers, data: { roomId, startsAt, endsAt, purpose, attendees: 4 } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; status: string };
}

async function bookingAs(request: APIRequestContext, resident: Resident, id: string) {
  const response = await request.get(`/api/v1/bookings/${id}`, { headers: resident.headers });
  expect(response.status()).toBe(200);
  return (await response.json()) as { status: string; reason: string | null };
}

async function setApproval(page: Page, on: boolean) {
  await page.goto(`/staff/bookings/rules?facility=${facilityId}`);
  await expect(page.getByRole('heading', { level: 1, name: '预约规则' })).toBeVisible();
  await page.getByRole('radio', { name: on ? '需要审核' : '不需要审核，自动确认', exact: true }).check();
  await page.getByRole('button', { name: '保存规则' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存预约规则和开放时间' })).toBeVisible();
}

async function restoreApproval(browser: Browser) {
  const context = await browser.newContext({ storageState: storageStateFor('staff') });
  await setApproval(await context.newPage(), false);
  await context.close();
}

test.beforeAll(async ({ request }) => {
  ({ facilityId, rooms } = await shutian(request));
  expect(rooms.length).toBeGreaterThanOrEqual(3);
  residents = [await register(request, `李桂英${run}`), await register(request, `张建国${run}`)];
});

test('staff require approval, then approve one request and reject another with a reason', async ({ page, request, browser }) => {
  // Two browsers (staff and the resident) and many steps: more than a minute on a loaded machine.
  test.slow();
  const room = rooms.at(-1)!;
  const [first, second] = residents as [Resident, Resident];
  try {
    await setApproval(page, true);
    // The rule holds after a reload: it was saved, not just ticked.
    await page.reload();
    await expect(page.getByRole('radio', { name: '需要审核', exact: true })).toBeChecked();

    const [a, b] = await freeHours(request, room.id, dayStart(3), dayStart(5));
    const approved = await book(request, first, room.id, a!, `书法小组 ${run}`);
    const rejected = await book(request, second, room.id, b!, `生日聚会 ${run}`);
    expect([approved.status, rejected.status]).toEqual(['pending', 'pending']);

    await page.goto('/staff/bookings');
    await expect(page.getByRole('heading', { level: 1, name: '预约申请' })).toBeVisible();
    const firstCard = page.getByRole('article').filter({ hasText: `书法小组 ${run}` });
    await expect(firstCard).toContainText(room.name);
    await expect(firstCard).toContainText(first.name);
    await expect(firstCard).toContainText(`${hhmm(a!)}–`);
    await expect(firstCard).toContainText('4 人');
    // Residents appear by name; their mobile numbers are not on the page.
    await expect(page.locator('#main')).not.toContainText(first.mobile);
    await expectAccessible(page);

    await firstCard.getByRole('button', { name: '通过' }).click();
    await expect(firstCard.getByText('已通过，已通知居民。')).toBeVisible();
    expect((await bookingAs(request, first, approved.id)).status).toBe('confirmed');
    // …and the resident reads it in their inbox, with the unread count in the header.
    // A context of their own, signed out: new contexts here would otherwise carry the staff session.
    const residentContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const residentPage = await residentContext.newPage();
    await signIn(residentPage, first.mobile, first.password);
    await expect(residentPage).not.toHaveURL(/sign-in/);
    await expect(residentPage.getByRole('link', { name: /^通知（\d+ 条未读）$/ })).toBeVisible();
    await residentPage.goto('/notifications');
    await expect(residentPage.getByText(new RegExp(`^预约已通过：.*${room.name}`))).toBeVisible();
    await residentContext.close();

    // Rejecting needs a reason: refused without one, and what was typed elsewhere stays.
    const secondCard = page.getByRole('article').filter({ hasText: `生日聚会 ${run}` });
    await secondCard.getByRole('button', { name: '拒绝' }).click();
    await expect(secondCard.getByText('请填写原因（不超过 300 字）。')).toBeVisible();
    await expect(secondCard.getByLabel('拒绝原因')).toHaveAttribute('aria-invalid', 'true');
    expect((await bookingAs(request, second, rejected.id)).status).toBe('pending');
    await secondCard.getByLabel('拒绝原因').fill(`该时段已安排社区会议 ${run}`);
    await secondCard.getByRole('button', { name: '拒绝' }).click();
    await expect(secondCard.getByText('已拒绝，已把原因告诉居民。')).toBeVisible();
    expect(await bookingAs(request, second, rejected.id)).toMatchObject({ status: 'rejected', reason: `该时段已安排社区会议 ${run}` });

    // Decided requests are gone from the inbox once it is opened again.
    await page.reload();
    await expect(page.getByRole('article').filter({ hasText: run })).toHaveCount(0);
  } finally {
    await restoreApproval(browser);
  }
  // Without approval, a new booking is confirmed at once again.
  const [later] = await freeHours(request, room.id, dayStart(5), dayStart(6));
  expect((await book(request, first, room.id, later!, `恢复检查 ${run}`)).status).toBe('confirmed');
});

test('the day sheet lists a booking; closing the room over it lists it and, confirmed, cancels it', async ({ page, request }) => {
  const room = rooms.at(-2)!;
  const resident = residents[1]!;
  const [slot] = await freeHours(request, room.id, dayStart(4), dayStart(6));
  const booking = await book(request, resident, room.id, slot!, `太极拳练习 ${run}`);
  expect(booking.status).toBe('confirmed');
  const date = slot!.slice(0, 10);
  const end = hhmm(shanghaiIso(Date.parse(slot!) + HOUR));

  await page.goto(`/staff/bookings/day?facility=${facilityId}&date=${date}`);
  const roomSection = page.getByRole('region', { name: new RegExp(`^${room.name}`) });
  const row = roomSection.getByRole('listitem').filter({ hasText: `太极拳练习 ${run}` });
  await expect(row).toContainText(`${hhmm(slot!)}–${end}`);
  await expect(row).toContainText('已确认');
  await expect(row).toContainText(resident.name);
  await expect(row).not.toContainText(resident.mobile);
  await expect(row).toContainText(`${resident.mobile.slice(0, 3)}****${resident.mobile.slice(-4)}`);
  // Staff open the number on purpose (to call the person); the domain logs it.
  await row.getByRole('button', { name: `显示号码 ${resident.name}` }).click();
  await expect(row).toContainText(resident.mobile);
  // Attendance is for bookings that have started.
  await expect(row.getByRole('button', { name: /^到场/ })).toHaveCount(0);
  await expect(row).toContainText('开始后可登记到场或未到。');
  await expectAccessible(page);
  // Day navigation keeps the facility.
  await page.getByRole('link', { name: '后一天' }).click();
  await expect(page).toHaveURL(`/staff/bookings/day?facility=${facilityId}&date=${shanghaiDay(Date.parse(slot!) + DAY)}`);
  await expect(page.getByRole('region', { name: new RegExp(`^${room.name}`) }).getByText(`太极拳练习 ${run}`)).toHaveCount(0);

  await page.goto('/staff/bookings/closures');
  const form = page.getByRole('form', { name: '关闭场地' });
  await form.getByLabel('服务设施').selectOption(facilityId);
  await form.getByLabel('关闭范围').selectOption(room.id);
  await form.getByRole('radio', { name: '维修保养' }).check();
  const from = form.getByRole('group', { name: '从' });
  const until = form.getByRole('group', { name: '到' });
  await from.getByLabel('日期').fill(date);
  await from.getByLabel('时间').fill(hhmm(slot!));
  await until.getByLabel('日期').fill(date);
  await until.getByLabel('时间').fill(end);
  await form.getByRole('button', { name: '关闭' }).click();
  // A missing reason is said next to the field; the times typed stay.
  await expect(form.getByText('请填写原因（不超过 300 字）。')).toBeVisible();
  await expect(from.getByLabel('时间')).toHaveValue(hhmm(slot!));
  await form.getByLabel('原因', { exact: true }).fill(`空调维修 ${run}`);
  await form.getByRole('button', { name: '关闭' }).click();

  const conflicts = page.getByRole('region', { name: /已有 1 项安排/ });
  await expect(conflicts).toContainText(room.name);
  await expect(conflicts).toContainText(`${hhmm(slot!)}–${end}`);
  await expect(conflicts).toContainText('居民预约');
  expect((await bookingAs(request, resident, booking.id)).status).toBe('confirmed');
  await conflicts.getByRole('button', { name: '取消这 1 个居民预约并通知他们，然后关闭' }).click();
  await expect(page.getByText('已关闭。已取消 1 个居民预约，并通知了他们。')).toBeVisible();
  expect(await bookingAs(request, resident, booking.id)).toMatchObject({ status: 'cancelled', reason: `空调维修 ${run}` });
  await expect(page.getByRole('region', { name: '即将进行和正在进行的关闭' })).toContainText(`空调维修 ${run}`);

  // The day sheet now shows the maintenance and the cancelled booking, in words.
  await page.goto(`/staff/bookings/day?facility=${facilityId}&date=${date}`);
  const after = page.getByRole('region', { name: new RegExp(`^${room.name}`) });
  await expect(after.getByRole('listitem').filter({ hasText: '维修保养' }).filter({ hasText: `原因：空调维修 ${run}` })).toHaveCount(1);
  const cancelled = after.getByRole('listitem').filter({ hasText: `太极拳练习 ${run}` });
  await expect(cancelled).toContainText('已取消');
  await expect(cancelled).toContainText(`原因：空调维修 ${run}`);
});

test('a recurring booking previews a taken week, then books only the free weeks', async ({ page, request }) => {
  const room = rooms.at(-3)!;
  const resident = residents[1]!;
  // An hour free on the same weekday three weeks running, starting 3–6 days ahead. Week 3 lies
  // beyond residents' booking window, so there only "nothing holds the room" is asked.
  let first: string | undefined;
  for (let offset = 3; offset <= 6 && !first; offset++) {
    const [week1, week2] = await Promise.all([freeHours(request, room.id, dayStart(offset), dayStart(offset + 1)), freeHours(request, room.id, dayStart(offset + 7), dayStart(offset + 8))]);
    for (const start of week1!) {
      if (!week2!.some((s) => Date.parse(s) === Date.parse(start) + 7 * DAY)) continue;
      if ((await busyBetween(request, room.id, Date.parse(start) + 14 * DAY, Date.parse(start) + 14 * DAY + HOUR)).length === 0) {
        first = start;
        break;
      }
    }
  }
  expect(first).toBeTruthy();
  const taken = await book(request, resident, room.id, shanghaiIso(Date.parse(first!) + 7 * DAY), `读书会 ${run}`);
  expect(taken.status).toBe('confirmed');

  await page.goto('/staff/bookings/recurring');
  const form = page.getByRole('form', { name: '定期预约' });
  await form.getByLabel('场地').selectOption(room.id);
  const start = form.getByRole('group', { name: '第一次' });
  await start.getByLabel('日期').fill(first!.slice(0, 10));
  await start.getByLabel('开始时间').fill(hhmm(first!));
  await form.getByLabel('结束时间').fill(hhmm(shanghaiIso(Date.parse(first!) + HOUR)));
  await form.getByLabel('周数').fill('3');
  await form.getByLabel('用途').fill(`夕阳红合唱团 ${run}`);
  await form.getByLabel('人数').fill('abc');
  await form.getByRole('button', { name: '预览每一周' }).click();
  await expect(form.getByText('人数应为 1 到 10000 的整数。')).toBeVisible();
  await expect(form.getByLabel('用途')).toHaveValue(`夕阳红合唱团 ${run}`);
  await form.getByLabel('人数').fill('8');
  await form.getByRole('button', { name: '预览每一周' }).click();

  const preview = page.getByRole('region', { name: '3 周中 2 周空闲' });
  await expect(preview.getByRole('listitem')).toHaveCount(3);
  await expect(preview.getByRole('listitem').nth(0)).toContainText('空闲');
  await expect(preview.getByRole('listitem').nth(1)).toContainText('已被占用：居民预约');
  await expect(preview.getByRole('listitem').nth(2)).toContainText('空闲');

  await page.getByRole('button', { name: '只预约空闲的 2 周' }).click();
  await expect(page.getByText('已预约 2 周，跳过 1 周。')).toBeVisible();
  const booked = page.getByRole('region', { name: '已预约的 2 周' });
  await expect(booked.getByRole('listitem')).toHaveCount(2);
  await expect(booked).toContainText('第 1 周');
  await expect(booked).toContainText('第 3 周');
  await expect(page.getByRole('region', { name: '跳过的 1 周' })).toContainText('第 2 周');

  // The first week is on the day sheet, confirmed; the resident's week 2 is untouched.
  await page.goto(`/staff/bookings/day?facility=${facilityId}&date=${first!.slice(0, 10)}`);
  await expect(page.getByRole('region', { name: new RegExp(`^${room.name}`) }).getByRole('listitem').filter({ hasText: `夕阳红合唱团 ${run}` })).toContainText('已确认');
  expect((await bookingAs(request, resident, taken.id)).status).toBe('confirmed');
});

test('staff of another community get "not found" for this facility’s day sheet and rules', async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, 'staff2@linli.demo');
  await expect(page).not.toHaveURL(/sign-in/);
  for (const path of [`/staff/bookings/day?facility=${facilityId}`, `/staff/bookings/rules?facility=${facilityId}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: '页面不存在' })).toBeVisible();
  }
  // Their own desk works, and 树田's centre is not among their facilities.
  await page.goto('/staff/bookings/day');
  await expect(page.getByRole('heading', { level: 1, name: '每日安排' })).toBeVisible();
  await expect(page.getByLabel('服务设施').locator(`option[value="${facilityId}"]`)).toHaveCount(0);
  await expect(page.getByLabel('服务设施')).toContainText('西隅社区');
  await context.close();
});
