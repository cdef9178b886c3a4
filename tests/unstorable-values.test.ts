import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { POST as postBooking } from '../app/api/v1/bookings/route';
import { rawSql } from '../db/client';
import { issueApiToken } from '../server/accounts/api-tokens';
import { formResultFromError } from '../server/form-result';
import { createFacility } from '../server/registry/create-facility';
import { createSpace } from '../server/registry/create-space';
import { recordHouseholdCount } from '../server/registry/record-household-count';
import { contextFor, makeCommunities, makeUser, TEST_PASSWORD, type TestUser } from './helpers/factories';

// Text the schemas accept but PostgreSQL cannot store (a NUL character) is a 422 for the API and
// a message for a form — never a 500 — and nothing of the change is written.

vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: vi.fn(async () => null),
}));

let staff: TestUser;
let resident: TestUser;
let communityId: string;
let roomId: string;

beforeAll(async () => {
  vi.stubEnv('AUTH_SECRET', 'test-secret-that-is-at-least-32-characters-long');
  [communityId] = (await makeCommunities(1)) as [string];
  staff = await makeUser('staff', { communityIds: [communityId] });
  resident = await makeUser('resident');
  const facility = await createFacility(staff.ctx, { communityId, name: '综合服务中心', kind: 'comprehensive_centre' });
  roomId = (await createSpace(staff.ctx, facility.id, { name: '活动室', setting: 'indoor', useClass: 'resident_activity', bookable: true, capacity: 20 })).id;
});

describe('values the database cannot store', () => {
  it('POST /bookings with a NUL character in the purpose: 422 problem+json, no booking', async () => {
    const { token } = await issueApiToken({ login: resident.email, password: TEST_PASSWORD }, contextFor(null));
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    startsAt.setUTCHours(2, 0, 0, 0); // 10:00 in Shanghai
    const body = { roomId, startsAt: startsAt.toISOString().replace('Z', '+00:00'), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString().replace('Z', '+00:00'), purpose: '书法\u0000练习', attendees: 3 };
    const response = await postBooking(
      new NextRequest('http://localhost/api/v1/bookings', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { type: string; detail: string };
    expect(problem.type).toMatch(/\/unstorable-value$/);
    expect(problem.detail).not.toMatch(/0x00|UTF8|invalid byte/i);
    const [row] = await rawSql()<{ n: number }[]>`select count(*)::int as n from bookings where resident_id = ${resident.id}`;
    expect(row!.n).toBe(0);
  });

  it('a form gets a message, and the household count is not recorded', async () => {
    const error = await recordHouseholdCount(staff.ctx, communityId, { basis: 'registered', households: 10, asOf: '2026-01-01', source: '年报\u0000' }).catch((e: unknown) => e);
    expect(formResultFromError(error)).toEqual({ ok: false, message: 'unstorable_value', fieldErrors: undefined });
    const [row] = await rawSql()<{ n: number }[]>`select count(*)::int as n from household_counts where community_id = ${communityId}`;
    expect(row!.n).toBe(0);
  });
});
