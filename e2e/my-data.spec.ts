import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectAccessible, registerResident, signIn, storageStateFor } from './support';

// The resident's own data: download it, delete the account; the admin's security log shows it.

test('a resident downloads their data, then deletes the account and can no longer sign in', async ({ page, request }) => {
  const resident = await registerResident(request, `数据-${Date.now() % 100_000}`);
  await signIn(page, resident.mobile, resident.password);
  await expect(page).not.toHaveURL(/sign-in/);
  await page.getByRole('link', { name: '我的数据' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '我的数据与设置' })).toBeVisible();
  await expectAccessible(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载（JSON）' }).click();
  const data = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
  expect(data.account).toMatchObject({ name: resident.name, mobile: resident.mobile, role: 'resident' });
  expect(JSON.stringify(data)).not.toMatch(/passwordHash|argon2/);

  // Refused without the password and the tick; said in words next to each field.
  await page.getByRole('button', { name: '注销我的账号' }).click();
  await expect(page.getByText('请填写密码。')).toBeVisible();
  await expect(page.getByText('请勾选以确认。')).toBeVisible();
  await page.getByLabel('请输入密码确认').fill(resident.password);
  await page.getByLabel('我知道注销后无法恢复').check();
  await page.getByRole('button', { name: '注销我的账号' }).click();
  await expect(page).toHaveURL(/\/(\?erased=1)?$/, { timeout: 20_000 });

  await signIn(page, resident.mobile, resident.password);
  await expect(page.locator('#main').getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/sign-in/);
});

test.describe('the admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('searches the security log for failed sign-ins', async ({ page }) => {
    await page.goto('/admin/security-log?kind=sign_in_failed');
    await expect(page.getByRole('heading', { level: 1, name: '安全日志' })).toBeVisible();
    await expect(page.getByText(/不少于 180 天/)).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('类型').selectOption('account_erased');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(/kind=account_erased/);
    await expect(page.getByRole('cell', { name: '注销账号' }).first()).toBeVisible();
  });
});
