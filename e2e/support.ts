import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'linli-demo-2026';
export const DEMO = {
  resident: 'resident@linli.demo',
  staff: 'staff@linli.demo',
  auditor: 'auditor@linli.demo',
  admin: 'admin@linli.demo',
} as const;
export type DemoRole = keyof typeof DEMO;

export const storageStateFor = (role: DemoRole) => `e2e/.auth/${role}.json`;

export async function setLocale(page: Page, locale: 'zh-CN' | 'en') {
  const url = new URL(page.context().pages()[0]?.url() || 'http://localhost');
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, domain: 'localhost', path: '/' }]);
  return url;
}

/** Signs in through the real form; labels are matched in either language. */
export async function signIn(page: Page, login: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel(/电子邮箱或手机号|E-mail or mobile number/).fill(login);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
}

/** No serious or critical axe-core violation on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** A unique mainland mobile number per test run. */
export function uniqueMobile() {
  return `139${String(Date.now()).slice(-8)}`;
}
