import { expect, test } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, uniqueMobile } from './support';

test('a demo login exchanges for a token that identifies the user, without any password field', async ({ request }) => {
  const tokenResponse = await request.post('/api/v1/auth/token', { data: { login: DEMO.staff, password: DEMO_PASSWORD } });
  expect(tokenResponse.status()).toBe(200);
  const { token, expiresAt } = await tokenResponse.json();
  expect(token).toMatch(/^lnl_/);
  expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);

  const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect(me.headers()['x-request-id']).toBeTruthy();
  const body = await me.json();
  expect(body).toMatchObject({ email: DEMO.staff, role: 'staff', name: '陈敏' });
  expect(body.communityIds).toHaveLength(4);
  expect(JSON.stringify(body).toLowerCase()).not.toContain('password');

  const revoke = await request.delete('/api/v1/auth/token', { headers: { authorization: `Bearer ${token}` } });
  expect(revoke.status()).toBe(204);
  const after = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
});

test('repeated wrong passwords end in 429 with Retry-After', async ({ request }) => {
  const login = uniqueMobile();
  await request.post('/api/v1/auth/register', { data: { name: '测试', login, password: 'right-password' } });
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const response = await request.post('/api/v1/auth/token', { data: { login, password: 'wrong-password' } });
    statuses.push(response.status());
    if (response.status() === 429) {
      expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
      expect((await response.json()).type).toMatch(/\/throttled$/);
    }
  }
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
});

test('the OpenAPI document is served as OpenAPI 3.1 and names the foundation endpoints', async ({ request }) => {
  const response = await request.get('/api/v1/openapi.json');
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toBe('3.1.0');
  for (const path of ['/api/v1/auth/register', '/api/v1/auth/token', '/api/v1/users', '/api/v1/me', '/api/v1/towns', '/api/v1/communities']) {
    expect(Object.keys(document.paths)).toContain(path);
  }
});

test('the public directory API lists real towns and filters communities', async ({ request }) => {
  const towns = await (await request.get('/api/v1/towns')).json();
  expect(towns.items).toHaveLength(33);
  expect(towns.items.find((town: { code: string }) => town.code === '441900121')).toMatchObject({ nameZh: '虎门', communityCount: 30 });
  const page = await (await request.get('/api/v1/communities?town=441900003&q=岗贝')).json();
  expect(page.items.map((c: { name: string }) => c.name)).toEqual(['岗贝社区']);
  const bad = await request.get('/api/v1/communities?town=abc');
  expect(bad.status()).toBe(422);
  expect((await bad.json()).errors[0].path).toBe('town');
});
