import { expect, test } from '@playwright/test';
import { DEMO, signIn, uniqueMobile } from './support';

test.describe('a resident registers, signs out and signs in again', () => {
  test('in Chinese, then in English', async ({ page, context }) => {
    const mobile = uniqueMobile();
    await page.goto('/register');
    await expect(page.getByRole('heading', { level: 1, name: '居民注册' })).toBeVisible();
    await page.getByLabel('姓名').fill('张小梅');
    await page.getByLabel('电子邮箱或手机号').fill(mobile);
    await page.getByLabel('密码').fill('short');
    await page.getByRole('button', { name: '注册' }).click();
    await expect(page.getByText('密码至少 8 位。')).toBeVisible();
    // Consent is explicit: without the box ticked, registration is refused, in words.
    await expect(page.getByText('请阅读并同意个人信息处理说明后再注册。')).toBeVisible();

    await page.getByLabel('密码').fill('a-good-password');
    await page.getByLabel('我已阅读并同意以上个人信息处理说明').check();
    await page.getByLabel('居住的村（社区）（可选）').selectOption({ label: '树田社区' });
    await page.getByRole('button', { name: '注册' }).click();
    await expect(page).toHaveURL(/\/centres$/);
    await expect(page.getByText('已登录：张小梅（居民）')).toBeVisible();
    await expect(page.getByText('我所在的村（社区）：虎门 树田社区')).toBeVisible();

    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page.getByText('您已退出登录。')).toBeVisible();

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === 'NEXT_LOCALE')?.value).toBe('en');

    await signIn(page, mobile, 'a-wrong-password');
    await expect(page.locator('#main').getByRole('alert')).toHaveText('Wrong login or password. Please try again.');
    await signIn(page, mobile, 'a-good-password');
    await expect(page).toHaveURL(/\/centres$/);
    await expect(page.getByText('Signed in as 张小梅 (Resident)')).toBeVisible();
    await expect(page.getByRole('link', { name: 'My bookings' })).toBeVisible();
  });

  test('registering a login that exists says so next to the field', async ({ page }) => {
    await page.goto('/register');
    await page.getByLabel('姓名').fill('王芳');
    await page.getByLabel('电子邮箱或手机号').fill('13800138000');
    await page.getByLabel('密码').fill('another-password');
    await page.getByLabel('我已阅读并同意以上个人信息处理说明').check();
    await page.getByRole('button', { name: '注册' }).click();
    await expect(page.getByText('该电子邮箱或手机号已被注册。')).toBeVisible();
  });
});

const LANDINGS = [
  { role: 'resident', path: '/centres', heading: '服务中心', nav: '我的预约' },
  { role: 'staff', path: '/staff', heading: '我的社区', nav: '我的社区' },
  { role: 'auditor', path: '/audit', heading: '达标核查', nav: '达标核查' },
  { role: 'admin', path: '/admin/accounts', heading: '账号管理', nav: '账号管理' },
] as const;

for (const landing of LANDINGS) {
  test(`the ${landing.role} demo account lands on its own area`, async ({ page }) => {
    await signIn(page, DEMO[landing.role]);
    await expect(page).toHaveURL(new RegExp(`${landing.path}$`));
    await expect(page.getByRole('heading', { level: 1, name: landing.heading })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: landing.nav })).toBeVisible();
  });
}

test('staff see the communities they are assigned to', async ({ page }) => {
  await signIn(page, DEMO.staff);
  await expect(page.getByRole('link', { name: /^树田社区/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^岗贝社区/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^西隅社区/ })).toHaveCount(0);
});
