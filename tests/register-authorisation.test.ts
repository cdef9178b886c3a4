import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { POST as postHouseholdCount } from '../app/api/v1/communities/[communityId]/household-counts/route';
import { PATCH as patchFacility } from '../app/api/v1/facilities/[facilityId]/route';
import { POST as postMeasurement } from '../app/api/v1/spaces/[spaceId]/measurements/route';
import { rawSql } from '../db/client';
import { issueApiToken } from '../server/accounts/api-tokens';
import { createFacility } from '../server/registry/create-facility';
import { createSpace } from '../server/registry/create-space';
import { declareFacilityShare } from '../server/registry/declare-facility-share';
import { recordHouseholdCount } from '../server/registry/record-household-count';
import { recordMeasurement } from '../server/registry/record-measurement';
import { updateFacility } from '../server/registry/update-facility';
import { updateSpace } from '../server/registry/update-space';
import { contextFor, makeCommunities, makeUser, TEST_PASSWORD, type TestUser } from './helpers/factories';
import { refusal } from './helpers/refusal';

// Who may write to the register: staff only for their own communities (anything else reads as
// "not found"), admins everywhere, auditors and residents nowhere — through the domain
// functions, and through the API handlers that wrap them. Every refusal also writes nothing.

// Only the session lookup is replaced (it needs a running Next.js request); tokens are real.
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: vi.fn(async () => null),
}));

let admin: TestUser;
let staffA: TestUser;
let auditor: TestUser;
let resident: TestUser;
let a: string;
let b: string;
let facilityA: string;
let facilityB: string;
let spaceA: string;
let spaceB: string;

/** Every register table, the audit log, and space B as stored: a refused call must change none. */
async function snapshot() {
  const sql = rawSql();
  const [counts] = await sql<{ facilities: number; spaces: number; measurements: number; counts: number; shares: number; audit: number }[]>`
    select (select count(*)::int from facilities) as facilities, (select count(*)::int from spaces) as spaces,
      (select count(*)::int from area_measurements) as measurements, (select count(*)::int from household_counts) as counts,
      (select count(*)::int from facility_shares) as shares, (select count(*)::int from audit_log) as audit`;
  const [space] = await sql`select name, use_class, capacity, retired_on, updated_at from spaces where id = ${spaceB}`;
  const [facility] = await sql`select name, kind, address, opened_on, closed_on, updated_at from facilities where id = ${facilityB}`;
  return { ...counts!, space, facility };
}

const measurement = { areaM2: '88.80', basis: 'building' as const, measuredOn: '2026-01-15', method: 'on_site' as const, measuredBy: '测量员' };
const count = { basis: 'registered' as const, households: 1234, asOf: '2026-01-31', source: '年报' };

/** Each register write, aimed at community B and its facility and space. */
function writesToB(user: TestUser) {
  return {
    createFacility: () => createFacility(user.ctx, { communityId: b, name: '越权中心', kind: 'service_station' }),
    createSpace: () => createSpace(user.ctx, facilityB, { name: '越权室', setting: 'indoor', useClass: 'office', bookable: false }),
    updateSpace: () => updateSpace(user.ctx, spaceB, { name: '被改名', retiredOn: '2026-01-01' }),
    updateFacility: () => updateFacility(user.ctx, facilityB, { name: '被改名中心', kind: 'service_station', closedOn: '2026-01-01' }),
    recordMeasurement: () => recordMeasurement(user.ctx, spaceB, measurement),
    recordHouseholdCount: () => recordHouseholdCount(user.ctx, b, count),
    declareFacilityShare: () => declareFacilityShare(user.ctx, facilityB, { communityId: a, percent: '10', validFrom: '2026-01-01' }),
  };
}

beforeAll(async () => {
  vi.stubEnv('AUTH_SECRET', 'test-secret-that-is-at-least-32-characters-long');
  [a, b] = (await makeCommunities(2)) as [string, string];
  admin = await makeUser('admin');
  staffA = await makeUser('staff', { communityIds: [a] });
  auditor = await makeUser('auditor');
  resident = await makeUser('resident');
  facilityA = (await createFacility(admin.ctx, { communityId: a, name: 'A 中心', kind: 'comprehensive_centre' })).id;
  facilityB = (await createFacility(admin.ctx, { communityId: b, name: 'B 中心', kind: 'comprehensive_centre' })).id;
  spaceA = (await createSpace(admin.ctx, facilityA, { name: 'A 活动室', setting: 'indoor', useClass: 'resident_activity', bookable: true, capacity: 20 })).id;
  spaceB = (await createSpace(admin.ctx, facilityB, { name: 'B 活动室', setting: 'indoor', useClass: 'resident_activity', bookable: true, capacity: 20 })).id;
});

describe('register writes through the domain functions', () => {
  for (const name of Object.keys(writesToB({} as TestUser)) as (keyof ReturnType<typeof writesToB>)[]) {
    it(`${name}: staff of A cannot write to B — not found, nothing written`, async () => {
      const before = await snapshot();
      const error = await refusal(writesToB(staffA)[name]());
      expect(error.code).toBe('not_found');
      expect(await snapshot()).toEqual(before);
    });

    it(`${name}: auditors and residents cannot write at all — forbidden, nothing written`, async () => {
      const before = await snapshot();
      for (const user of [auditor, resident]) {
        const error = await refusal(writesToB(user)[name]());
        expect(error.code).toBe('forbidden');
      }
      expect(await snapshot()).toEqual(before);
    });
  }

  it("staff of A write to A's own register", async () => {
    const before = await snapshot();
    await createFacility(staffA.ctx, { communityId: a, name: 'A 服务站', kind: 'service_station' });
    await createSpace(staffA.ctx, facilityA, { name: 'A 会议室', setting: 'indoor', useClass: 'office', bookable: false });
    await updateSpace(staffA.ctx, spaceA, { capacity: 25 });
    await updateFacility(staffA.ctx, facilityA, { address: '莞城街道 1 号' });
    await recordMeasurement(staffA.ctx, spaceA, measurement);
    await recordHouseholdCount(staffA.ctx, a, count);
    // The host's staff declare shares of its facility, also for a neighbouring community.
    await declareFacilityShare(staffA.ctx, facilityA, { communityId: b, percent: '30', validFrom: '2026-01-01' });
    const after = await snapshot();
    expect(after).toMatchObject({
      facilities: before.facilities + 1,
      spaces: before.spaces + 1,
      measurements: before.measurements + 1,
      counts: before.counts + 1,
      shares: before.shares + 1,
      audit: before.audit + 7,
      space: before.space,
      facility: before.facility,
    });
  });

  it('admins write to any community', async () => {
    const before = await snapshot();
    const writes = writesToB(admin);
    for (const name of Object.keys(writes) as (keyof typeof writes)[]) await writes[name]();
    const after = await snapshot();
    expect(after).toMatchObject({
      facilities: before.facilities + 1,
      spaces: before.spaces + 1,
      measurements: before.measurements + 1,
      counts: before.counts + 1,
      shares: before.shares + 1,
      audit: before.audit + 7,
    });
    expect(after.space).toMatchObject({ name: '被改名' });
    expect(after.facility).toMatchObject({ name: '被改名中心', kind: 'service_station', closed_on: '2026-01-01' });
  });
});

describe('register writes through the API', () => {
  // Issued up front: signing in writes its own audit entry.
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    for (const user of [staffA, auditor, resident]) {
      const { token } = await issueApiToken({ login: user.email, password: TEST_PASSWORD }, contextFor(null));
      tokens.set(user.id, `Bearer ${token}`);
    }
  });
  const bearer = (user: TestUser) => tokens.get(user.id)!;

  function post(path: string, authorization: string, body: unknown) {
    return new NextRequest(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body) });
  }

  async function problemOf(response: Response) {
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    return (await response.json()) as { type: string; status: number };
  }

  it('POST /communities/{id}/household-counts: staff of A on B → 404, auditor → 403, staff of A on A → 201', async () => {
    const path = (id: string) => `/api/v1/communities/${id}/household-counts`;
    const call = async (id: string, user: TestUser) => postHouseholdCount(post(path(id), bearer(user), count), { params: Promise.resolve({ communityId: id }) });
    const before = await snapshot();

    const crossed = await call(b, staffA);
    expect(crossed.status).toBe(404);
    expect((await problemOf(crossed)).type).toMatch(/\/not-found$/);
    const audited = await call(a, auditor);
    expect(audited.status).toBe(403);
    expect((await problemOf(audited)).type).toMatch(/\/forbidden$/);
    expect(await snapshot()).toEqual(before);

    const own = await call(a, staffA);
    expect(own.status).toBe(201);
    expect(await own.json()).toMatchObject({ communityId: a, basis: 'registered', households: 1234, asOf: '2026-01-31' });
  });

  it('POST /spaces/{id}/measurements: staff of A on B → 404, auditor → 403, staff of A on A → 201', async () => {
    const path = (id: string) => `/api/v1/spaces/${id}/measurements`;
    const call = async (id: string, user: TestUser) => postMeasurement(post(path(id), bearer(user), measurement), { params: Promise.resolve({ spaceId: id }) });
    const before = await snapshot();

    const crossed = await call(spaceB, staffA);
    expect(crossed.status).toBe(404);
    expect((await problemOf(crossed)).type).toMatch(/\/not-found$/);
    const audited = await call(spaceA, auditor);
    expect(audited.status).toBe(403);
    expect((await problemOf(audited)).type).toMatch(/\/forbidden$/);
    const residents = await call(spaceA, resident);
    expect(residents.status).toBe(403);
    expect(await snapshot()).toEqual(before);

    const own = await call(spaceA, staffA);
    expect(own.status).toBe(201);
    expect(await own.json()).toMatchObject({ spaceId: spaceA, communityId: a, areaM2: 88.8, basis: 'building' });
  });

  it('PATCH /facilities/{id}: staff of A on B → 404, auditor → 403, an empty patch → 422, staff of A on A → 200', async () => {
    const call = async (id: string, user: TestUser, body: unknown) =>
      patchFacility(
        new NextRequest(`http://localhost/api/v1/facilities/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: bearer(user) }, body: JSON.stringify(body) }),
        { params: Promise.resolve({ facilityId: id }) },
      );
    const before = await snapshot();

    const crossed = await call(facilityB, staffA, { closedOn: '2026-02-01' });
    expect(crossed.status).toBe(404);
    expect((await problemOf(crossed)).type).toMatch(/\/not-found$/);
    const audited = await call(facilityA, auditor, { closedOn: '2026-02-01' });
    expect(audited.status).toBe(403);
    const empty = await call(facilityA, staffA, {});
    expect(empty.status).toBe(422);
    expect(await snapshot()).toEqual(before);

    const own = await call(facilityA, staffA, { kind: 'comprehensive_centre', address: '莞城街道 2 号' });
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ id: facilityA, communityId: a, kind: 'comprehensive_centre', address: '莞城街道 2 号', closedOn: null });
  });
});
