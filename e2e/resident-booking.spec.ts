import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { expectAccessible, signIn, storageStateFor } from './support';

// Residents book 树田社区's 多功能厅 through the pages, as a resident would: slots are picked on the
// room page (the first free one from the day after tomorrow), never hard-coded.

const PHONE = { width: 390, height: 844 };
const CONFIRMED = '预约成功，已确认。';
const SLOT_TAKEN = '这个时段刚被预约了。请选择下面列出的空闲时段。';

/** The Shanghai calendar date `days` from now. */
function shanghaiDate(days: number) {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** An ISO time with +08:00, `minutes` later. */
function plus(iso: string, minutes: number) {
  return `${new Date(Date.parse(iso) + minutes * 60_000 + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** '2026-12-03T10:00:00+08:00' → '20261203T100000', as DTSTART;TZID=Asia/Shanghai writes it. */
function icsLocal(iso: string) {
  return iso.slice(0, 19).replace(/[-:]/g, '');
}

async function roomPath(request: APIRequestContext) {
  const community = (await (await request.get('/api/v1/communities?q=树田')).json()).items[0];
  const detail = await (await request.get(`/api/v1/communities/${community.id}`)).json();
  const room = detail.facilities.flatMap((f: { spaces: { id: string; name: string }[] }) => f.spaces).find((s: { name: string }) => s.name === '多功能厅');
  return `/rooms/${room.id}`;
}

let registered = 0;
/** A new resident, signed in through the form in a browser context of their own. */
async function newResident(browser: Browser, request: APIRequestContext) {
  const login = `13${8 - registered++}${String(Date.now()).slice(-8)}`;
  const created = await request.post('/api/v1/auth/register', { data: { name: '测试居民', login, password: 'resident-pass-1' } });
  expect(created.status()).toBe(201);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, login, 'resident-pass-1');
  await expect(page).toHaveURL(/\/centres$/);
  return { context, page };
}

/**
 * Opens the room's week holding the day after tomorrow and returns the first free start from that
 * day on — with `wholeHour`, the first free whole hour, so that what a test leaves behind never
 * blocks another spec's hour.
 */
async function firstFreeStart(page: Page, path: string, { wholeHour = false } = {}) {
  const from = shanghaiDate(2);
  await page.goto(`${path}?week=${from}`);
  for (let week = 0; week < 2; week++) {
    // The week table holds every free start of the week (hidden on a phone, but in the page).
    const starts = await page.locator('table button[data-start]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-start')!));
    const start = starts.filter((s) => s.slice(0, 10) >= from && (!wholeHour || (s.slice(14, 16) === '00' && starts.includes(plus(s, 30))))).sort()[0];
    if (start) return start;
    await page.getByRole('link', { name: '下一周' }).click();
  }
  throw new Error('no free slot in two weeks');
}

/** Clicks a free time (again, if the page was not yet hydrated) until the booking form opens. */
async function pickSlot(page: Page, startsAt: string) {
  const form = page.getByRole('region', { name: '预约多功能厅' });
  await expect(async () => {
    await page.locator(`button[data-start="${startsAt}"]:visible`).click();
    await expect(form).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(form.getByLabel('开始时间')).toHaveValue(startsAt);
  return form;
}

async function fillForm(page: Page, purpose: string, attendees: string) {
  const form = page.getByRole('region', { name: '预约多功能厅' });
  await form.getByLabel('用途').fill(purpose);
  await form.getByLabel('人数').fill(attendees);
  return form;
}

/** The signed-in page's own bookings (for clean-up), through the API with the session cookie. */
async function cancelAllMine(page: Page, baseURL: string) {
  const mine = await (await page.request.get('/api/v1/bookings?mine=true')).json();
  for (const booking of mine.items as { id: string; status: string }[]) {
    if (booking.status === 'confirmed' || booking.status === 'pending') {
      await page.request.post(`/api/v1/bookings/${booking.id}/cancel`, { headers: { origin: baseURL } });
    }
  }
}

test.describe('a resident on a phone, in Chinese', () => {
  test.use({ storageState: storageStateFor('resident'), viewport: PHONE });

  test('finds a room, books a free time, sees it, puts it in a calendar and cancels it', async ({ page }) => {
    await page.goto('/centres');
    await expect(page.getByRole('heading', { level: 1, name: '服务中心' })).toBeVisible();
    const home = page.getByRole('region', { name: '我所在村（社区）的服务中心' });
    await expect(home.getByText('我所在的村（社区）：虎门 树田社区')).toBeVisible();
    await home.getByRole('link', { name: /^多功能厅：\s*查看空闲时间并预约$/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: '多功能厅' })).toBeVisible();
    await expect(page.getByText('可容纳 100 人')).toBeVisible();

    // One day at a time on a phone: go to the day after tomorrow and pick its first free time.
    const day = shanghaiDate(2);
    if ((await page.locator(`button[data-date="${day}"]`).count()) === 0) await page.getByRole('link', { name: '下一周' }).click();
    const tab = page.getByRole('group', { name: '选择日期' }).locator(`button[data-date="${day}"]`);
    await expect(async () => {
      await tab.click();
      await expect(tab).toHaveAttribute('aria-pressed', 'true', { timeout: 1_000 });
    }).toPass();
    await expect(page.locator('table')).toBeHidden();
    const slot = page.locator('button[data-start]:visible').first();
    const startsAt = (await slot.getAttribute('data-start'))!;
    expect(startsAt.slice(0, 10)).toBe(day);
    await pickSlot(page, startsAt);
    await expect(page.locator(`button[data-start="${startsAt}"]:visible`)).toHaveAttribute('aria-pressed', 'true');

    const purpose = `书法练习${Date.now() % 100_000}`;
    const form = await fillForm(page, purpose, '6');
    await form.getByLabel('使用多长时间').selectOption('30');
    await form.getByRole('button', { name: '确认预约' }).click();

    const time = startsAt.slice(11, 16);
    const endsAt = plus(startsAt, 30).slice(11, 16);
    await expect(page.getByRole('heading', { name: CONFIRMED })).toBeVisible();
    await expect(page.getByText(`${time}–${endsAt}，6 人。`)).toBeVisible();
    await page.getByRole('link', { name: '查看我的预约' }).click();
    await expect(page).toHaveURL(/\/my\/bookings$/);

    const card = page.getByRole('article').filter({ hasText: purpose });
    await expect(card.getByRole('heading', { name: '多功能厅' })).toBeVisible();
    await expect(card.getByText('已确认', { exact: true })).toBeVisible();
    await expect(card).toContainText(`${time}–${endsAt}`);
    await expect(card).toContainText('6 人');

    const download = page.waitForEvent('download');
    await card.getByRole('link', { name: /下载到日历/ }).click();
    const ics = await readFile((await (await download).path())!, 'utf8');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`DTSTART;TZID=Asia/Shanghai:${icsLocal(startsAt)}\r\n`);
    expect(ics).toContain('STATUS:CONFIRMED');

    await card.getByRole('button', { name: /^取消预约/ }).click();
    await expect(card.getByText(/^确定要取消 .+ 的预约吗？/)).toBeFocused();
    await card.getByRole('button', { name: '不取消' }).click();
    await expect(card.getByRole('button', { name: /^取消预约/ })).toBeFocused();
    await card.getByRole('button', { name: /^取消预约/ }).click();
    await card.getByRole('button', { name: '确定取消' }).click();
    await expect(card.getByText('已取消这次预约。')).toBeVisible();
    await expect(card.getByText('已取消', { exact: true })).toBeVisible();
    await expect(card.getByRole('link', { name: /下载到日历/ })).toHaveCount(0);
  });
});

test('two residents book the same time at once: one gets it, the other is told and offered the nearest free times', async ({ browser, request, baseURL }) => {
  const path = await roomPath(request);
  const [a, b] = [await newResident(browser, request), await newResident(browser, request)];
  const startsAt = await firstFreeStart(a.page, path, { wholeHour: true });
  await b.page.goto(a.page.url());
  for (const { page } of [a, b]) {
    await pickSlot(page, startsAt);
    const form = await fillForm(page, '合唱排练', '10');
    await form.getByLabel('使用多长时间').selectOption('60');
  }
  await Promise.all([a, b].map(({ page }) => page.getByRole('button', { name: '确认预约' }).click()));

  const outcome = async (page: Page) => {
    const won = page.getByRole('heading', { name: CONFIRMED });
    const lost = page.locator('#main').getByRole('alert').filter({ hasText: SLOT_TAKEN });
    await expect(won.or(lost)).toBeVisible();
    return (await won.count()) > 0;
  };
  const won = await Promise.all([outcome(a.page), outcome(b.page)]);
  expect(won.filter(Boolean)).toHaveLength(1);
  const loser = won[0] ? b.page : a.page;

  // The nearest free times are buttons that fill the form; nothing typed is lost.
  const alternatives = loser.getByRole('button', { name: /^\d+月\d+日星期. \d{2}:\d{2}–\d{2}:\d{2}$/ });
  await expect(alternatives.first()).toBeVisible();
  const [, alternativeTime] = (await alternatives.first().innerText()).split(' ');
  await alternatives.first().click();
  await expect(loser.getByText(/^已改为 .+。请核对后再点“确认预约”。$/)).toBeFocused();
  const form = loser.getByRole('region', { name: '预约多功能厅' });
  await expect(form.getByLabel('开始时间')).not.toHaveValue(startsAt);
  await expect(form.getByLabel('开始时间').locator('option:checked')).toHaveText(alternativeTime!.slice(0, 5));
  await expect(form.getByLabel('用途')).toHaveValue('合唱排练');
  await expect(form.getByLabel('人数')).toHaveValue('10');
  await form.getByRole('button', { name: '确认预约' }).click();
  await expect(loser.getByRole('heading', { name: CONFIRMED })).toBeVisible();

  // The week now shows the contested hour as booked, in words.
  await loser.reload();
  await expect(loser.locator(`button[data-start="${startsAt}"]`)).toHaveCount(0);
  await expect(loser.locator('table')).toContainText('已预约');

  for (const resident of [a, b]) {
    await cancelAllMine(resident.page, baseURL!);
    await resident.context.close();
  }
});

test('a resident can neither read nor cancel someone else’s booking', async ({ browser, request, baseURL }) => {
  const path = await roomPath(request);
  const other = await newResident(browser, request);
  const theirStart = await firstFreeStart(other.page, path, { wholeHour: true });
  await pickSlot(other.page, theirStart);
  const theirForm = await fillForm(other.page, '他人的预约', '3');
  await theirForm.getByLabel('使用多长时间').selectOption('60');
  await theirForm.getByRole('button', { name: '确认预约' }).click();
  await expect(other.page.getByRole('heading', { name: CONFIRMED })).toBeVisible();
  await other.page.goto('/my/bookings');
  const theirId = (await other.page.getByRole('article').filter({ hasText: '他人的预约' }).getAttribute('data-booking'))!;

  const me = await browser.newContext({ storageState: storageStateFor('resident') });
  const page = await me.newPage();
  await page.goto('/my/bookings');
  await expect(page.getByRole('heading', { level: 1, name: '我的预约' })).toBeVisible();
  expect((await page.goto(`/my/bookings/${theirId}/ics`))?.status()).toBe(404);
  expect((await page.request.post(`/api/v1/bookings/${theirId}/cancel`, { headers: { origin: baseURL! } })).status()).toBe(404);

  // Replay my own cancel action with their booking's id: the server refuses it.
  const myStart = await firstFreeStart(page, path, { wholeHour: true });
  await pickSlot(page, myStart);
  const myForm = await fillForm(page, '我的预约', '2');
  await myForm.getByLabel('使用多长时间').selectOption('60');
  await myForm.getByRole('button', { name: '确认预约' }).click();
  await expect(page.getByRole('heading', { name: CONFIRMED })).toBeVisible();
  await page.goto('/my/bookings');
  const mine = page.getByRole('article').filter({ hasText: '我的预约' }).first();
  const myId = (await mine.getAttribute('data-booking'))!;
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
  await page.route('**/my/bookings', async (route) => {
    const sent = route.request();
    if (sent.method() === 'POST' && sent.headers()['next-action']) {
      captured = { url: sent.url(), headers: sent.headers(), body: sent.postDataBuffer() ?? Buffer.alloc(0) };
      await route.abort();
    } else await route.continue();
  });
  await expect(async () => {
    await mine.getByRole('button', { name: /^取消预约/ }).click();
    await expect(mine.getByRole('button', { name: '确定取消' })).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await mine.getByRole('button', { name: '确定取消' }).click();
  await expect.poll(() => captured).toBeDefined();
  expect(captured!.body.toString('latin1')).toContain(myId);
  const forged = Buffer.from(captured!.body.toString('latin1').replaceAll(myId, theirId), 'latin1');
  const { cookie: _cookie, ...headers } = captured!.headers;
  const replay = await page.request.post(captured!.url, { headers, data: forged });
  expect(replay.status()).toBeLessThan(500);
  expect(await replay.text()).toContain('not_found');
  await page.unroute('**/my/bookings');

  // Their booking is untouched.
  await other.page.reload();
  await expect(other.page.getByRole('article').filter({ hasText: '他人的预约' }).getByText('已确认', { exact: true })).toBeVisible();

  await cancelAllMine(other.page, baseURL!);
  await page.request.post(`/api/v1/bookings/${myId}/cancel`, { headers: { origin: baseURL! } });
  await other.context.close();
  await me.close();
});

test.describe('accessibility, in Chinese', () => {
  test.use({ storageState: storageStateFor('resident') });

  test('the room page (week and form, desktop; day list, phone) and My bookings have no serious axe violation', async ({ page, request }) => {
    const path = await roomPath(request);
    const start = await firstFreeStart(page, path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await pickSlot(page, start);
    await page.getByRole('button', { name: '确认预约' }).click();
    await expect(page.getByText('请填写用途（不超过 200 字）。')).toBeVisible();
    await expect(page.getByRole('textbox', { name: '用途' })).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);

    await page.setViewportSize(PHONE);
    await page.reload();
    await expect(page.getByRole('group', { name: '选择日期' })).toBeVisible();
    await expectAccessible(page);

    await page.goto('/my/bookings');
    await expect(page.getByRole('heading', { level: 1, name: '我的预约' })).toBeVisible();
    await expectAccessible(page);
  });
});
