import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectAccessible, registerResident, signIn } from './support';

// 长辈版 (elder mode) and the age-friendly rules that hold everywhere: measured target sizes and
// text sizes on a phone, axe in both modes, keyboard-only booking, and a 200% text size.

const PHONE = { width: 390, height: 844 };

/** Every visible control the person can operate in the header, navigation and main content. */
async function controlSizes(page: Page) {
  return page.evaluate(() => {
    const selector = 'header button, header a, nav a, main button, main input:not([type=hidden]), main select, main textarea, main a[class*="min-h-"]';
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => {
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 1 && box.height > 1 && !el.closest('.sr-only');
      })
      .map((el) => {
        // A checkbox's target is the box together with its label: clicking either ticks it.
        const label = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? (el.closest('label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`) : null)) : null;
        const own = el.getBoundingClientRect();
        const other = label?.getBoundingClientRect() ?? own;
        const box = { width: Math.max(own.right, other.right) - Math.min(own.left, other.left), height: Math.max(own.bottom, other.bottom) - Math.min(own.top, other.top) };
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('name') ?? el.tagName).trim().slice(0, 30);
        return { label: `${el.tagName.toLowerCase()} "${name}"`, width: Math.round(box.width), height: Math.round(box.height) };
      });
  });
}

/** The smallest computed font size of readable text in the main content. */
async function smallestTextPx(page: Page) {
  return page.evaluate(() => {
    const sizes = [...document.querySelectorAll<HTMLElement>('main p, main li, main td, main th, main label, main dd, main dt, main button, main a, main input, main select')]
      .filter((el) => el.getBoundingClientRect().width > 1 && (el.textContent ?? '').trim() !== '' && !el.closest('.sr-only'))
      .map((el) => parseFloat(getComputedStyle(el).fontSize));
    return Math.min(...sizes);
  });
}

async function shutianRoomPath(request: APIRequestContext) {
  const community = (await (await request.get('/api/v1/communities?q=树田')).json()).items[0];
  const detail = await (await request.get(`/api/v1/communities/${community.id}`)).json();
  const room = detail.facilities.flatMap((f: { spaces: { id: string; name: string }[] }) => f.spaces).find((s: { name: string }) => s.name === '多功能厅');
  return `/rooms/${room.id}`;
}

test.describe('elder mode on a phone', () => {
  test.use({ viewport: PHONE });

  test('switched on from the header, it enlarges every target to 60 px and all text to 18 px, and survives signing in', async ({ page, request }) => {
    await page.goto('/activities');
    await page.getByRole('button', { name: '长辈版' }).click();
    await expect(page.locator('html')).toHaveClass(/elder/);
    await expect(page.getByRole('button', { name: '标准版' })).toBeVisible();
    // The same address; the directory link, not essential, is left out of the navigation.
    await expect(page).toHaveURL(/\/activities$/);
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '社区名录' })).toHaveCount(0);

    const resident = await registerResident(request, `长辈-${Date.now() % 100_000}`);
    await signIn(page, resident.mobile, resident.password);
    await expect(page).not.toHaveURL(/sign-in/);
    await expect(page.locator('html')).toHaveClass(/elder/);

    const roomPath = await shutianRoomPath(request);
    for (const path of ['/centres', roomPath, '/activities', '/my/bookings', '/my-data']) {
      await page.goto(path);
      const small = (await controlSizes(page)).filter((c) => c.width < 60 || c.height < 60);
      expect(small, `controls under 60 × 60 px on ${path}`).toEqual([]);
      expect(await smallestTextPx(page), `smallest text on ${path}`).toBeGreaterThanOrEqual(18);
      await expectAccessible(page);
    }
    await page.goto(roomPath);
    // One day at a time, whatever the width: the week grid is left out.
    await expect(page.getByRole('group', { name: '选择日期' })).toBeVisible();
    await page.screenshot({ path: 'test-results/elder-room-phone.png', fullPage: true });

    // Switched off in My data, for the account and this browser.
    await page.goto('/my-data');
    await page.getByRole('button', { name: '切换回标准版' }).click();
    await expect(page.locator('html')).not.toHaveClass(/elder/);
  });

  test('in the standard view every target on a phone is at least 44 × 44 px, and the pages pass axe', async ({ page, request }) => {
    const resident = await registerResident(request, `标准-${Date.now() % 100_000}`);
    await signIn(page, resident.mobile, resident.password);
    await expect(page).not.toHaveURL(/sign-in/);
    const roomPath = await shutianRoomPath(request);
    for (const path of ['/centres', roomPath, '/activities', '/my/bookings', '/my-data']) {
      await page.goto(path);
      await expect(page.locator('html')).not.toHaveClass(/elder/);
      const small = (await controlSizes(page)).filter((c) => c.width < 44 || c.height < 44);
      expect(small, `controls under 44 × 44 px on ${path}`).toEqual([]);
      await expectAccessible(page);
    }
  });

  test('at 200% text size nothing needs sideways scrolling', async ({ page, request }) => {
    const roomPath = await shutianRoomPath(request);
    for (const [name, path] of [['activities', '/activities'], ['room', roomPath], ['register', '/register']] as const) {
      await page.goto(path);
      // What a browser set to 200% text does: the root size doubles, and rem sizes with it.
      await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `sideways overflow on ${path}`).toBeLessThanOrEqual(1);
      await page.screenshot({ path: `test-results/zoom-200-${name}.png`, fullPage: true });
    }
  });
});

test('a room can be booked with the keyboard alone', async ({ page, request }) => {
  const resident = await registerResident(request, `键盘-${Date.now() % 100_000}`);
  await signIn(page, resident.mobile, resident.password);
  await expect(page).not.toHaveURL(/sign-in/);
  const roomPath = await shutianRoomPath(request);
  const day = new Date(Date.now() + 3 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  await page.goto(`${roomPath}?week=${day}`);
  await expect(page.getByRole('heading', { level: 1, name: '多功能厅' })).toBeVisible();

  /** Presses Tab until the focused element matches the selector, as a keyboard user would. */
  async function tabTo(selector: string, max = 400) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    }
    throw new Error(`${selector} was never reached by Tab`);
  }

  await tabTo('table button[data-start]');
  const startsAt = await page.evaluate(() => document.activeElement!.getAttribute('data-start'));
  await page.keyboard.press('Enter');
  const form = page.getByRole('region', { name: '预约多功能厅' });
  await expect(form).toBeVisible();
  await tabTo('[name=purpose]');
  await page.keyboard.type(`键盘预约 ${Date.now() % 100_000}`);
  await tabTo('[name=attendees]');
  await page.keyboard.type('3');
  await tabTo('button[type=submit][data-confirm-booking]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /预约成功|已提交/ })).toBeVisible();
  const mine = await (await page.request.get('/api/v1/bookings?mine=true')).json();
  expect(mine.items.map((b: { startsAt: string }) => b.startsAt)).toContain(startsAt);
});
