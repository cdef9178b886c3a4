import { expect, test } from '@playwright/test';
import { expectAccessible } from './support';

test('the home page shows real Dongguan towns and has no serious accessibility violation', async ({ page, request }) => {
  // Other specs may add communities: the page must show what the register holds now.
  const towns = (await (await request.get('/api/v1/towns')).json()).items as { communityCount: number }[];
  const total = towns.reduce((sum, town) => sum + town.communityCount, 0);
  expect(total).toBeGreaterThanOrEqual(595);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '找到身边的社区综合服务中心' })).toBeVisible();
  await expect(page.getByText(`东莞 33 个镇街、${total} 个村（社区）`)).toBeVisible();
  await expect(page.getByRole('link', { name: /虎门.*30 个村（社区）/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /东城.*24 个村（社区）/ })).toBeVisible();
  await expectAccessible(page);
});

test('the directory finds a community by name and has no serious accessibility violation', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('搜索村或社区').fill('树田');
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/\/communities\?q=/);
  await expect(page.getByRole('rowheader', { name: '树田社区' })).toBeVisible();
  await expect(page.getByText('共 1 条')).toBeVisible();
  await expectAccessible(page);
});

test('the directory filters by town and pages through the results', async ({ page }) => {
  await page.goto('/communities');
  await page.getByLabel('镇街').selectOption({ label: '常平' });
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page.getByText('共 32 条')).toBeVisible();
  await page.getByRole('link', { name: '下一页' }).click();
  await expect(page.getByText('第 2 页，共 2 页')).toBeVisible();
  await expect(page.getByRole('rowheader')).toHaveCount(2);
});

test('the sign-in page has no serious accessibility violation, in both languages', async ({ page, context }) => {
  await page.goto('/sign-in');
  await expectAccessible(page);
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', domain: 'localhost', path: '/' }]);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page);
});

test('the sign-in page works on a 360 px wide phone with the keyboard alone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/sign-in');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByLabel('电子邮箱或手机号').focus();
  await page.keyboard.type('auditor@linli.demo');
  await page.keyboard.press('Tab');
  await page.keyboard.type('linli-demo-2026');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/audit$/);
});

test('an unknown page answers "not found" in the site layout', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: '页面不存在' })).toBeVisible();
});
