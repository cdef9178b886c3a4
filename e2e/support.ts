import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

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

export interface ApiUser {
  name: string;
  mobile: string;
  password: string;
  headers: { authorization: string };
}

let mobileCounter = 0;

/** A new resident registered through the API, with a bearer token. */
export async function registerResident(request: APIRequestContext, name: string): Promise<ApiUser> {
  const mobile = `137${`${Date.now()}`.slice(-6)}${mobileCounter++ % 10}${Math.floor(Math.random() * 10)}`;
  const password = 'resident-pass-1';
  expect((await request.post('/api/v1/auth/register', { data: { name, login: mobile, password } })).status()).toBe(201);
  return { name, mobile, password, headers: await tokenHeaders(request, mobile, password) };
}

/** A bearer token for an account (a demo one by default password). */
export async function tokenHeaders(request: APIRequestContext, login: string, password = DEMO_PASSWORD) {
  const token = await request.post('/api/v1/auth/token', { data: { login, password } });
  expect(token.status()).toBe(200);
  return { authorization: `Bearer ${(await token.json()).token}` };
}
