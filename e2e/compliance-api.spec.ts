import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, DEMO_PASSWORD } from './support';

// The register and compliance API as an independent client uses it: records entered through
// the API, figures checked against a hand calculation.

async function tokenFor(request: APIRequestContext, login: string) {
  const response = await request.post('/api/v1/auth/token', { data: { login, password: DEMO_PASSWORD } });
  expect(response.status()).toBe(200);
  return { authorization: `Bearer ${(await response.json()).token}` };
}

test('figures entered through the API come back exact, for several dates and both bases', async ({ request }) => {
  const admin = await tokenFor(request, DEMO.admin);
  const auditor = await tokenFor(request, DEMO.auditor);
  const suffix = String(Date.now()).slice(-3);
  const created = await request.post('/api/v1/communities', {
    headers: admin,
    data: { townCode: '441900401', name: `核查样本${suffix}社区`, kind: 'community', code: `441900401${suffix}` },
  });
  expect(created.status()).toBe(201);
  const community = await created.json();

  const facility = await (
    await request.post('/api/v1/facilities', { headers: admin, data: { communityId: community.id, name: '样本综合服务中心', kind: 'comprehensive_centre', address: '松山湖' } })
  ).json();
  const hall = await request.post(`/api/v1/facilities/${facility.id}/spaces`, { headers: admin, data: { name: '多功能厅', setting: 'indoor', useClass: 'resident_activity', bookable: true, capacity: 80 } });
  expect(hall.status()).toBe(201);
  const hallId = (await hall.json()).id;
  const square = (await (await request.post(`/api/v1/facilities/${facility.id}/spaces`, { headers: admin, data: { name: '广场', setting: 'outdoor', useClass: 'resident_activity', bookable: false } })).json()).id;
  const shop = (await (await request.post(`/api/v1/facilities/${facility.id}/spaces`, { headers: admin, data: { name: '出租商铺', setting: 'indoor', useClass: 'commercial_leased', bookable: false } })).json()).id;

  const measure = (spaceId: string, areaM2: number, basis: string, measuredOn: string) =>
    request.post(`/api/v1/spaces/${spaceId}/measurements`, { headers: admin, data: { areaM2, basis, measuredOn, method: 'on_site', measuredBy: '测量员' } });
  expect((await measure(hallId, 123.45, 'building', '2015-03-01')).status()).toBe(201);
  expect((await measure(hallId, 246.9, 'building', '2021-03-01')).status()).toBe(201);
  expect((await measure(square, 370.35, 'land', '2015-03-01')).status()).toBe(201);
  expect((await measure(shop, 500, 'building', '2015-03-01')).status()).toBe(201);

  const count = (basis: string, households: number, asOf: string) =>
    request.post(`/api/v1/communities/${community.id}/household-counts`, { headers: admin, data: { basis, households, asOf, source: '核查样本' } });
  expect((await count('registered', 617, '2015-01-01')).status()).toBe(201);
  expect((await count('resident', 2469, '2015-01-01')).status()).toBe(201);
  expect((await count('registered', 1234, '2021-01-01')).status()).toBe(201);

  const report = async (asOf: string, householdBasis: string) => {
    const response = await request.get(`/api/v1/compliance?ruleSet=DG2012&asOf=${asOf}&householdBasis=${householdBasis}&town=441900401&staleAfterMonths=120`, { headers: auditor });
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ ruleSet: 'DG2012', asOf, householdBasis });
    const row = body.rows.find((r: { communityId: string }) => r.communityId === community.id);
    return Object.fromEntries(row.results.map((r: { rule: string }) => [r.rule, r])) as Record<string, { value: number; status: string; gapM2: number }>;
  };

  // 2016, registered: 123.45 × 100 / 617 = 20.0081… ≥ 20 → pass; outdoor 370.35 × 100 / 617 = 60.0243… → pass.
  const early = await report('2016-01-01', 'registered');
  expect(early['DG2012-INDOOR']!.status).toBe('pass');
  expect(early['DG2012-INDOOR']!.value).toBeCloseTo(20.0081, 4);
  expect(early['DG2012-OUTDOOR']!.value).toBeCloseTo(60.0243, 4);
  // 2016, resident: 123.45 × 100 / 2469 = 5.0000 → fail; gap 20 × 2469 / 100 − 123.45 = 370.35.
  const resident = await report('2016-01-01', 'resident');
  expect(resident['DG2012-INDOOR']).toMatchObject({ status: 'fail', gapM2: 370.35 });
  expect(resident['DG2012-INDOOR']!.value).toBeCloseTo(5, 4);
  // 2022, registered: 246.90 × 100 / 1234 = 20.0081… → pass; outdoor 370.35 × 100 / 1234 = 30.0121… → pass.
  const later = await report('2022-01-01', 'registered');
  expect(later['DG2012-INDOOR']!.value).toBeCloseTo(20.0081, 4);
  expect(later['DG2012-OUTDOOR']).toMatchObject({ status: 'pass' });
  expect(later['DG2012-OUTDOOR']!.value).toBeCloseTo(30.0121, 4);
  // Before anything was measured (2014) there were no counts either: insufficient data.
  expect((await report('2014-06-01', 'registered'))['DG2012-INDOOR']!.status).toBe('insufficient_data');
});

test('hostile and malformed register input gets problem+json, never a 500', async ({ request }) => {
  const admin = await tokenFor(request, DEMO.admin);
  const cases: [string, string, unknown, number][] = [
    ['POST', '/api/v1/communities', { townCode: '441900121', name: 'x', kind: 'village', code: '441900003999' }, 422],
    ['POST', '/api/v1/communities', { townCode: '441900121', name: 'x'.repeat(5000), kind: 'castle', code: 12 }, 422],
    ['POST', '/api/v1/facilities', { communityId: 'not-a-uuid', name: '', kind: 'comprehensive_centre' }, 422],
    ['POST', '/api/v1/spaces/00000000-0000-4000-8000-000000000000/measurements', { areaM2: 10, basis: 'building', measuredOn: '2026-02-30', method: 'on_site', measuredBy: 'a' }, 422],
    ['POST', '/api/v1/spaces/00000000-0000-4000-8000-000000000000/measurements', { areaM2: 10, basis: 'building', measuredOn: '2026-02-01', method: 'on_site', measuredBy: 'a' }, 404],
    ['POST', '/api/v1/spaces/00000000-0000-4000-8000-000000000000/measurements', { areaM2: -1, basis: 'building', measuredOn: '2026-02-01', method: 'on_site', measuredBy: 'a' }, 422],
    ['POST', '/api/v1/spaces/00000000-0000-4000-8000-000000000000/measurements', { areaM2: 1.234, basis: 'volume', measuredOn: '9999-01-01', method: 'guess', measuredBy: 'a' }, 422],
    ['PATCH', '/api/v1/spaces/00000000-0000-4000-8000-000000000000', {}, 422],
  ];
  for (const [method, path, data, status] of cases) {
    const response = await request.fetch(path, { method, headers: admin, data });
    expect(response.status(), `${method} ${path}`).toBe(status);
    expect(response.headers()['content-type']).toContain('application/problem+json');
  }
  const report = await request.get('/api/v1/compliance?asOf=2026-13-01&householdBasis=everyone', { headers: await tokenFor(request, DEMO.auditor) });
  expect(report.status()).toBe(422);
  expect((await report.json()).errors.map((e: { path: string }) => e.path).sort()).toEqual(['asOf', 'householdBasis']);
});

test('residents and the public see facility information, never household figures', async ({ request }) => {
  const resident = await tokenFor(request, DEMO.resident);
  expect((await request.get('/api/v1/compliance', { headers: resident })).status()).toBe(403);
  expect((await request.get('/api/v1/compliance')).status()).toBe(401);
  const page = await (await request.get('/api/v1/communities?q=树田')).json();
  const detail = await request.get(`/api/v1/communities/${page.items[0].id}`);
  expect(detail.status()).toBe(200);
  const text = await detail.text();
  expect(text).not.toMatch(/households|areaM2|useClass/);
});
