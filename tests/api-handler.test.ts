import { NextRequest } from 'next/server';
import { getServerSession } from 'next-auth';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as listCommunities } from '../app/api/v1/communities/route';
import { GET as getMe } from '../app/api/v1/me/route';
import { POST as registerResident } from '../app/api/v1/auth/register/route';
import { POST as issueToken } from '../app/api/v1/auth/token/route';
import { POST as createUser } from '../app/api/v1/users/route';
import { rawSql } from '../db/client';
import zhCN from '../messages/zh-CN.json';
import { issueApiToken } from '../server/accounts/api-tokens';
import { problemResponse } from '../server/api/handler';
import { AppError } from '../server/errors';
import { contextFor, makeCommunities, makeUser, TEST_PASSWORD, uniqueEmail, type TestUser } from './helpers/factories';

// Only the session lookup is replaced: it needs the request scope of a running Next.js server.
// Everything behind it (tokens, domain functions, the database) is real.
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: vi.fn(async () => null),
}));

const noParams = { params: Promise.resolve({}) };

function request(pathAndQuery: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new NextRequest(`http://localhost${pathAndQuery}`, init);
}

function jsonPost(pathAndQuery: string, body: string, headers: Record<string, string> = {}) {
  return request(pathAndQuery, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as {
    type: string;
    status: number;
    detail: string;
    requestId: string;
    instance: string;
    errors?: { path: string; code: string; message: string }[];
  };
}

let resident: TestUser;

beforeAll(async () => {
  vi.stubEnv('AUTH_SECRET', 'test-secret-that-is-at-least-32-characters-long');
  resident = await makeUser('resident');
  await makeCommunities(2);
});

afterEach(() => {
  vi.mocked(getServerSession).mockResolvedValue(null);
});

describe('apiRoute', () => {
  it('answers an invalid query with 422 problem+json naming the field, and a matching request id', async () => {
    const response = await listCommunities(request('/api/v1/communities?pageSize=abc'), noParams);

    expect(response.status).toBe(422);
    const body = await problemOf(response);
    expect(body.errors?.[0]).toMatchObject({ path: 'pageSize', code: 'page_size_invalid' });
    expect(body.instance).toBe('/api/v1/communities');
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(response.headers.get('x-request-id')).toBe(body.requestId);
  });

  it('serves a valid query as JSON', async () => {
    const response = await listCommunities(request('/api/v1/communities?pageSize=1'), noParams);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: unknown[]; total: number; pageSize: number };
    expect(body).toMatchObject({ total: 2, pageSize: 1 });
    expect(body.items).toHaveLength(1);
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('searches with what people typed: control characters (a NUL) dropped, wildcards taken literally', async () => {
    const withNul = await listCommunities(request(`/api/v1/communities?q=${encodeURIComponent('测试1\u0000社区')}`), noParams);
    expect(withNul.status).toBe(200);
    expect(((await withNul.json()) as { total: number }).total).toBe(1);
    const wildcard = await listCommunities(request(`/api/v1/communities?q=${encodeURIComponent('%')}`), noParams);
    expect(((await wildcard.json()) as { total: number }).total).toBe(0);
  });

  it("echoes a sane incoming x-request-id and replaces a malformed one", async () => {
    const echoed = await listCommunities(request('/api/v1/communities?pageSize=abc', { headers: { 'x-request-id': 'client-trace-0001' } }), noParams);
    expect(echoed.headers.get('x-request-id')).toBe('client-trace-0001');
    expect((await problemOf(echoed)).requestId).toBe('client-trace-0001');

    const replaced = await listCommunities(request('/api/v1/communities', { headers: { 'x-request-id': 'bad id <script>' } }), noParams);
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('translates details into English for Accept-Language: en, Chinese by default', async () => {
    const english = await problemOf(
      await listCommunities(request('/api/v1/communities?pageSize=abc', { headers: { 'accept-language': 'en-GB,en;q=0.9' } }), noParams),
    );
    expect(english.detail).toBe('Some fields need attention.');
    expect(english.errors?.[0]?.message).toBe('The page size must be between 1 and 200.');

    const chinese = await problemOf(await listCommunities(request('/api/v1/communities?pageSize=abc'), noParams));
    expect(chinese.detail).not.toBe(english.detail);
    expect(chinese.detail).toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers a malformed JSON body with 400 invalid-json', async () => {
    const response = await issueToken(jsonPost('/api/v1/auth/token', '{"login": "a@b.cn", '), noParams);
    expect(response.status).toBe(400);
    expect((await problemOf(response)).type).toMatch(/\/invalid-json$/);
  });

  it('answers a body that is not JSON with 415', async () => {
    const response = await issueToken(
      request('/api/v1/auth/token', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'login=a&password=b' }),
      noParams,
    );
    expect(response.status).toBe(415);
    expect((await problemOf(response)).type).toMatch(/\/unsupported-media-type$/);
  });

  it('issues a token for the right password and refuses a wrong one with 401', async () => {
    const ok = await issueToken(jsonPost('/api/v1/auth/token', JSON.stringify({ login: resident.email, password: TEST_PASSWORD })), noParams);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { token: string }).token).toMatch(/^lnl_/);

    const refused = await issueToken(jsonPost('/api/v1/auth/token', JSON.stringify({ login: resident.email, password: 'wrong-password' })), noParams);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('refuses an invalid bearer token with 401 and www-authenticate, even on a public route', async () => {
    for (const call of [
      () => getMe(request('/api/v1/me', { headers: { authorization: 'Bearer lnl_forged' } }), noParams),
      () => listCommunities(request('/api/v1/communities', { headers: { authorization: 'Bearer lnl_forged' } }), noParams),
    ]) {
      const response = await call();
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('invalid_token');
      expect((await problemOf(response)).type).toMatch(/\/invalid-token$/);
    }
  });

  it('asks for sign-in on a private route without credentials', async () => {
    const response = await getMe(request('/api/v1/me'), noParams);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('returns the account for a valid bearer token, without its password hash', async () => {
    const { token } = await issueApiToken({ login: resident.email, password: TEST_PASSWORD }, contextFor(null));
    const response = await getMe(request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } }), noParams);

    expect(response.status).toBe(200);
    const text = await response.text();
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body).toMatchObject({ id: resident.id, email: resident.email, role: 'resident' });
    expect(Object.keys(body)).not.toContain('passwordHash');
    expect(text).not.toContain('$argon2');
  });

  it('refuses cross-site writes made with a session cookie', async () => {
    const admin = await makeUser('admin');
    vi.mocked(getServerSession).mockResolvedValue({ user: { id: admin.id }, expires: '' } as never);
    const login = uniqueEmail('csrf');
    const body = JSON.stringify({ name: 'Mallory', login, password: TEST_PASSWORD, role: 'admin' });

    const crossSite = await createUser(jsonPost('/api/v1/users', body, { origin: 'https://evil.example', host: 'localhost' }), noParams);
    expect(crossSite.status).toBe(403);
    expect((await problemOf(crossSite)).type).toMatch(/\/cross-origin$/);
    const sql = rawSql();
    expect(await sql`select 1 from users where email = ${login}`).toHaveLength(0);

    const sameSite = await createUser(jsonPost('/api/v1/users', body, { origin: 'http://localhost', host: 'localhost' }), noParams);
    expect(sameSite.status).toBe(201);
    expect(await sql`select 1 from users where email = ${login}`).toHaveLength(1);

    const again = await createUser(jsonPost('/api/v1/users', body, { origin: 'http://localhost', host: 'localhost', 'accept-language': 'en' }), noParams);
    expect(again.status).toBe(409);
    const conflict = await problemOf(again);
    expect(conflict.type).toMatch(/\/login-taken$/);
    expect(conflict.errors).toEqual([{ path: 'login', code: 'login_taken', message: 'This e-mail address or mobile number is already registered.' }]);
  });

  // Browsers send "Origin: null" from sandboxed frames and after cross-origin redirects: still a
  // cross-site write, to be refused as such rather than fail as a server error.
  it('refuses a session write with an opaque "null" Origin as cross-site (403)', async () => {
    const admin = await makeUser('admin');
    vi.mocked(getServerSession).mockResolvedValue({ user: { id: admin.id }, expires: '' } as never);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const login = uniqueEmail('opaque');
    const body = JSON.stringify({ name: 'Mallory', login, password: TEST_PASSWORD, role: 'admin' });

    const response = await createUser(jsonPost('/api/v1/users', body, { origin: 'null', host: 'localhost' }), noParams);
    log.mockRestore();

    expect(response.status).toBe(403);
    expect(await rawSql()`select 1 from users where email = ${login}`).toHaveLength(0);
  });

  it('names a missing required field with a translated validation message', async () => {
    const response = await registerResident(
      jsonPost('/api/v1/auth/register', JSON.stringify({ login: uniqueEmail('noname'), password: TEST_PASSWORD }), { 'x-forwarded-for': '203.0.113.9' }),
      noParams,
    );
    expect(response.status).toBe(422);
    const body = await problemOf(response);
    expect(body.errors).toEqual([{ path: 'name', code: 'name_required', message: zhCN.validation.name_required }]);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const body = JSON.stringify({ login: resident.email, password: 'x'.repeat(1_000_001) });
    const response = await issueToken(jsonPost('/api/v1/auth/token', body), noParams);
    expect(response.status).toBe(413);
  });

  it('stops honouring a token once its user is disabled', async () => {
    const user = await makeUser('resident');
    const { token } = await issueApiToken({ login: user.email, password: TEST_PASSWORD }, contextFor(null));
    await rawSql()`update users set disabled = true where id = ${user.id}`;

    const response = await getMe(request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } }), noParams);
    expect(response.status).toBe(401);
    expect(JSON.stringify(await problemOf(response))).not.toContain(user.email);
  });
});

describe('problemResponse', () => {
  it('hides an unexpected error behind a generic 500 that carries the request id', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = problemResponse(new Error('select * from users where password_hash = $1'), 'rid-12345678', 'en', '/x');

    expect(response.status).toBe(500);
    const text = await response.clone().text();
    expect(text).not.toContain('select');
    expect(text).not.toContain('password_hash');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    const body = await problemOf(response);
    expect(body).toMatchObject({ status: 500, requestId: 'rid-12345678', instance: '/x' });
    expect(body.detail).toBe('Something went wrong on the server. The request id has been logged.');
    // The operator still finds the real error under the request id.
    expect(String(log.mock.calls[0]?.[0])).toContain('rid-12345678');
    log.mockRestore();
  });

  it('tells a throttled client when to retry', async () => {
    const response = problemResponse(new AppError('throttled', 'slow down', { retryAfterSeconds: 42 }), 'rid-12345678', 'en', '/x');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('42');
    expect((await problemOf(response)).detail).toBe('Too many requests. Please try again later.');
  });
});
