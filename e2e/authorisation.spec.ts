import { expect, test, type Browser } from '@playwright/test';
import { signIn, storageStateFor, uniqueMobile } from './support';

async function contextAs(browser: Browser, role: 'resident' | 'admin' | 'staff' | 'auditor') {
  return browser.newContext({ storageState: storageStateFor(role) });
}

test('a signed-out visitor who opens an admin page is sent to sign in', async ({ page }) => {
  await page.goto('/admin/accounts');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Faccounts/);
});

for (const role of ['resident', 'staff', 'auditor'] as const) {
  test(`a ${role} who opens the admin page directly gets "not found"`, async ({ browser }) => {
    const context = await contextAs(browser, role);
    const page = await context.newPage();
    const response = await page.goto('/admin/accounts');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: '页面不存在' })).toBeVisible();
    await expect(page.getByText('新建账号')).toHaveCount(0);
    await context.close();
  });
}

test('a resident cannot reach the staff or audit areas', async ({ browser }) => {
  const context = await contextAs(browser, 'resident');
  const page = await context.newPage();
  expect((await page.goto('/staff'))?.status()).toBe(404);
  expect((await page.goto('/audit'))?.status()).toBe(404);
  await context.close();
});

test('a resident calling the admin API route is refused by the server', async ({ browser, baseURL }) => {
  const context = await contextAs(browser, 'resident');
  const response = await context.request.post('/api/v1/users', {
    data: { name: '越权', login: uniqueMobile(), password: 'password-123', role: 'admin' },
    headers: { origin: baseURL! },
  });
  expect(response.status()).toBe(403);
  expect(response.headers()['content-type']).toContain('application/problem+json');
  expect((await response.json()).type).toMatch(/\/forbidden$/);
  await context.close();
});

test('a resident replaying the admin "create account" action is refused and nothing is created', async ({ browser }) => {
  const admin = await contextAs(browser, 'admin');
  const adminPage = await admin.newPage();
  await adminPage.goto('/admin/accounts');
  const name = `越权测试${Date.now()}`;

  // Capture the action request the admin's form sends, without letting it reach the server.
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
  await adminPage.route('**/admin/accounts', async (route) => {
    const request = route.request();
    if (request.method() === 'POST' && request.headers()['next-action']) {
      captured = { url: request.url(), headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await adminPage.getByLabel('姓名').fill(name);
  await adminPage.getByLabel('电子邮箱或手机号').fill(uniqueMobile());
  await adminPage.getByLabel('初始密码').fill('password-123');
  await adminPage.getByLabel('角色').selectOption('auditor');
  await adminPage.getByRole('button', { name: '创建账号' }).click();
  await expect.poll(() => captured).toBeDefined();

  const resident = await contextAs(browser, 'resident');
  const { cookie: _cookie, ...headers } = captured!.headers;
  const response = await resident.request.post(captured!.url, { headers, data: captured!.body });
  expect(response.status()).toBeLessThan(500);
  expect(await response.text()).toContain('forbidden');

  await adminPage.unroute('**/admin/accounts');
  await adminPage.reload();
  await expect(adminPage.getByRole('rowheader', { name })).toHaveCount(0);
  await admin.close();
  await resident.close();
});

test('an admin creates a staff account for a community, and that person can sign in', async ({ browser }) => {
  const admin = await contextAs(browser, 'admin');
  const page = await admin.newPage();
  await page.goto('/admin/accounts');
  const name = `新同事${Date.now() % 100000}`;
  const login = `staff-${Date.now()}@linli.demo`;
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('电子邮箱或手机号').fill(login);
  await page.getByLabel('初始密码').fill('password-123');
  await page.getByLabel('负责的村（社区）').selectOption({ label: '西隅社区' });
  await page.getByRole('button', { name: '创建账号' }).click();
  await expect(page.getByText('账号已创建。')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('西隅社区');
  await admin.close();

  const newcomer = await browser.newPage();
  await signIn(newcomer, login, 'password-123');
  await expect(newcomer).toHaveURL(/\/staff$/);
  await expect(newcomer.getByRole('link', { name: /^西隅社区/ })).toBeVisible();
  await newcomer.close();
});
