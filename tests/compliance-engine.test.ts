import { beforeAll, describe, expect, it } from 'vitest';
import { rawSql } from '../db/client';
import { getComplianceReport } from '../server/compliance/report';
import { complianceQuerySchema } from '../server/compliance/schemas';
import type { ComplianceReport, ComplianceRow } from '../server/compliance/types';
import { createFacility } from '../server/registry/create-facility';
import { createSpace } from '../server/registry/create-space';
import { declareFacilityShare } from '../server/registry/declare-facility-share';
import { recordHouseholdCount } from '../server/registry/record-household-count';
import { recordMeasurement } from '../server/registry/record-measurement';
import { updateSpace } from '../server/registry/update-space';
import { makeCommunities, makeUser, type TestUser } from './helpers/factories';
import { refusal } from './helpers/refusal';

// Every expected figure below is computed by hand from the rows this file enters.

let admin: TestUser;
let auditor: TestUser;
let town: string;
const c: Record<string, string> = {};

async function facility(communityId: string, kind: 'comprehensive_centre' | 'service_station' = 'comprehensive_centre', openedOn = '2010-01-01') {
  return createFacility(admin.ctx, { communityId, name: `中心${communityId.slice(0, 4)}`, kind, openedOn });
}

async function room(
  facilityId: string,
  measurements: { area: string; basis?: 'building' | 'usable' | 'land'; on?: string }[],
  options: { name?: string; setting?: 'indoor' | 'outdoor'; useClass?: 'office' | 'resident_activity' | 'shared_auxiliary' | 'commercial_leased' | 'lent_by_other' } = {},
) {
  const space = await createSpace(admin.ctx, facilityId, {
    name: options.name ?? '活动室',
    setting: options.setting ?? 'indoor',
    useClass: options.useClass ?? 'resident_activity',
    bookable: false,
  });
  for (const m of measurements) {
    await recordMeasurement(admin.ctx, space.id, {
      areaM2: m.area,
      basis: m.basis ?? (options.setting === 'outdoor' ? 'land' : 'building'),
      measuredOn: m.on ?? '2012-01-01',
      method: 'on_site',
      measuredBy: '测量员',
    });
  }
  return space;
}

async function households(communityId: string, basis: 'registered' | 'resident', count: number, asOf = '2025-01-01') {
  await recordHouseholdCount(admin.ctx, communityId, { basis, households: count, asOf, source: '测试统计' });
}

async function report(asOf: string, householdBasis: 'registered' | 'resident' = 'registered', staleAfterMonths?: number): Promise<ComplianceReport> {
  return getComplianceReport(auditor.ctx, complianceQuerySchema.parse({ ruleSet: 'DG2012', asOf, householdBasis, town, staleAfterMonths }));
}

function row(r: ComplianceReport, key: string): ComplianceRow {
  const found = r.rows.find((x) => x.communityId === c[key]);
  if (!found) throw new Error(`no row for ${key}`);
  return found;
}

function result(r: ComplianceReport, key: string, rule: 'DG2012-INDOOR' | 'DG2012-OUTDOOR') {
  return row(r, key).results.find((x) => x.rule === rule)!;
}

beforeAll(async () => {
  admin = await makeUser('admin');
  auditor = await makeUser('auditor');
  const ids = await makeCommunities(10);
  ['exact', 'below', 'leased', 'zero', 'nocount', 'otherBasis', 'history', 'host', 'neighbour', 'empty'].forEach((key, i) => (c[key] = ids[i]!));
  const [first] = await rawSql()<{ town_code: string }[]>`select town_code from communities where id = ${c.exact!}`;
  town = first!.town_code;

  // exact: 150 + 50 = 200.00 m² indoor, 300.00 m² outdoor; 1,000 registered / 4,000 resident households.
  const exact = await facility(c.exact!);
  await room(exact.id, [{ area: '150.00' }], { name: '多功能厅' });
  await room(exact.id, [{ area: '50.00' }], { name: '办公室', useClass: 'office' });
  await room(exact.id, [{ area: '300.00' }], { name: '文体广场', setting: 'outdoor' });
  await households(c.exact!, 'registered', 1000);
  await households(c.exact!, 'resident', 4000);

  // below: 199.99 m² for 1,000 households = 19.999.
  const below = await facility(c.below!);
  await room(below.id, [{ area: '199.99' }]);
  await households(c.below!, 'registered', 1000);

  // leased: only the 80 m² office counts; the leased shop and the borrowed room never do.
  const leased = await facility(c.leased!);
  await room(leased.id, [{ area: '80.00' }], { name: '办公室', useClass: 'office' });
  await room(leased.id, [{ area: '100.00' }], { name: '出租商铺', useClass: 'commercial_leased' });
  await room(leased.id, [{ area: '50.00' }], { name: '卫生站（借用）', useClass: 'lent_by_other' });
  await households(c.leased!, 'registered', 500);

  const zero = await facility(c.zero!);
  await room(zero.id, [{ area: '100.00' }]);
  await households(c.zero!, 'registered', 0);

  const nocount = await facility(c.nocount!);
  await room(nocount.id, [{ area: '100.00' }]);

  // otherBasis: one room measured on usable area only.
  const other = await facility(c.otherBasis!);
  await room(other.id, [{ area: '300.00' }], { name: '多功能厅' });
  await room(other.id, [{ area: '100.00', basis: 'usable' }], { name: '阅览室' });
  await households(c.otherBasis!, 'registered', 1000);

  // history: 100 m² in 2014, re-measured 250 m² in 2020; a room first measured in 2022;
  // a room that counts until it is retired on 2023-01-01.
  const history = await facility(c.history!, 'comprehensive_centre', '2014-01-01');
  await room(history.id, [{ area: '100.00', on: '2014-06-01' }, { area: '250.00', on: '2020-06-01' }]);
  await room(history.id, [{ area: '40.00', on: '2022-03-01' }], { name: '新建活动室' });
  const retiring = await room(history.id, [{ area: '60.00', on: '2014-06-01' }], { name: '旧仓库改建' });
  await updateSpace(admin.ctx, retiring.id, { retiredOn: '2023-01-01' });
  await households(c.history!, 'registered', 1000, '2014-12-31');

  // host / neighbour: a 500 m² centre; from 2016 shared 60% / 40%.
  const shared = await facility(c.host!);
  await room(shared.id, [{ area: '500.00' }]);
  await households(c.host!, 'registered', 1000, '2014-12-31');
  await households(c.neighbour!, 'registered', 1000, '2014-12-31');
  await declareFacilityShare(admin.ctx, shared.id, { communityId: c.host!, percent: '60', validFrom: '2016-01-01' });
  await declareFacilityShare(admin.ctx, shared.id, { communityId: c.neighbour!, percent: '40.00', validFrom: '2016-01-01' });

  // empty: households but no facility at all.
  await households(c.empty!, 'registered', 800, '2014-12-31');
});

describe('DG2012 indoor ≥ 20 and outdoor ≥ 30 m² per 100 households', () => {
  it('passes at exactly 20.00 and 30.00 ("不少于" is ≥)', async () => {
    const r = await report('2025-06-30');
    expect(result(r, 'exact', 'DG2012-INDOOR')).toMatchObject({ value: 20, threshold: 20, status: 'pass', gapM2: 0, households: 1000, householdBasis: 'registered', areaBasis: 'building' });
    expect(result(r, 'exact', 'DG2012-OUTDOOR')).toMatchObject({ value: 30, status: 'pass', gapM2: 0, areaBasis: 'land' });
    expect(row(r, 'exact')).toMatchObject({ indoorM2: 200, outdoorM2: 300, households: 1000, hasComprehensiveCentre: true });
  });

  it('fails at 19.999 without rounding it up, and names the missing 0.01 m²', async () => {
    const r = await report('2025-06-30');
    expect(result(r, 'below', 'DG2012-INDOOR')).toMatchObject({ value: 19.999, status: 'fail', gapM2: 0.01 });
  });

  it('switching to the resident basis turns a pass into a fail', async () => {
    const r = await report('2025-06-30', 'resident');
    expect(result(r, 'exact', 'DG2012-INDOOR')).toMatchObject({ value: 5, status: 'fail', gapM2: 600, households: 4000, householdBasis: 'resident' });
    expect(result(r, 'exact', 'DG2012-OUTDOOR')).toMatchObject({ value: 7.5, status: 'fail', gapM2: 900 });
  });

  it('excludes leased-out and lent space', async () => {
    const r = await report('2025-06-30');
    // 80 m² × 100 / 500 = 16.00; required 100 m².
    expect(result(r, 'leased', 'DG2012-INDOOR')).toMatchObject({ value: 16, status: 'fail', gapM2: 20 });
    expect(row(r, 'leased').indoorM2).toBe(80);
  });

  it('gives insufficient_data for zero or missing households, never a division', async () => {
    const r = await report('2025-06-30');
    expect(result(r, 'zero', 'DG2012-INDOOR')).toMatchObject({ status: 'insufficient_data', reason: 'zero_households', value: null, gapM2: null });
    expect(result(r, 'nocount', 'DG2012-INDOOR')).toMatchObject({ status: 'insufficient_data', reason: 'no_household_count', value: null });
  });

  it('gives insufficient_data when a space is measured only on another basis, naming it', async () => {
    const r = await report('2025-06-30');
    expect(result(r, 'otherBasis', 'DG2012-INDOOR')).toMatchObject({ status: 'insufficient_data', reason: 'measured_on_other_basis', reasonDetail: ['阅览室'] });
  });

  it('a community with no space of a kind has 0 m²: a real fail', async () => {
    const r = await report('2025-06-30');
    expect(result(r, 'empty', 'DG2012-INDOOR')).toMatchObject({ value: 0, status: 'fail', gapM2: 160 });
    expect(result(r, 'exact', 'DG2012-OUTDOOR').status).toBe('pass');
    expect(result(r, 'below', 'DG2012-OUTDOOR')).toMatchObject({ value: 0, status: 'fail', gapM2: 300 });
    expect(row(r, 'empty').hasComprehensiveCentre).toBe(false);
  });
});

describe('as of a date', () => {
  it('a date before a later change gives the earlier answer', async () => {
    // 2015: 100 + 60 = 160 m² → 16.00 (the 2022 room does not count yet, and is no reason for doubt).
    expect(result(await report('2015-12-31'), 'history', 'DG2012-INDOOR')).toMatchObject({ value: 16, status: 'fail', gapM2: 40 });
    // 2021: 250 + 60 = 310 → 31.00.
    expect(result(await report('2021-01-01', 'registered', 120), 'history', 'DG2012-INDOOR')).toMatchObject({ value: 31, status: 'pass' });
    // 2022-12-31: 250 + 40 + 60 = 350 → 35.00; from 2023-01-01 the retired room is gone: 29.00.
    expect(result(await report('2022-12-31', 'registered', 120), 'history', 'DG2012-INDOOR')).toMatchObject({ value: 35 });
    expect(result(await report('2023-01-01', 'registered', 120), 'history', 'DG2012-INDOOR')).toMatchObject({ value: 29 });
  });

  it('before the centre opened, the community had no centre', async () => {
    expect(row(await report('2013-12-31'), 'history').hasComprehensiveCentre).toBe(false);
    expect(row(await report('2014-01-01'), 'history').hasComprehensiveCentre).toBe(true);
  });

  it('flags a count older than 12 months at the date as stale, and keeps the result', async () => {
    expect(result(await report('2025-06-30'), 'exact', 'DG2012-INDOOR').stale).toBe(false);
    const later = result(await report('2026-01-02'), 'exact', 'DG2012-INDOOR');
    expect(later).toMatchObject({ stale: true, status: 'pass', householdsAsOf: '2025-01-01' });
    expect(result(await report('2026-01-02', 'registered', 24), 'exact', 'DG2012-INDOOR').stale).toBe(false);
  });
});

async function sharedFacilityId(): Promise<string> {
  const [share] = await rawSql()<{ id: string }[]>`select facility_id as id from facility_shares where community_id = ${c.neighbour!}`;
  return share!.id;
}

describe('shared facilities', () => {
  it('count 100% for the host until shares are declared, then exactly the shares', async () => {
    const before = await report('2015-06-30', 'registered', 120);
    expect(result(before, 'host', 'DG2012-INDOOR')).toMatchObject({ value: 50, status: 'pass' });
    expect(result(before, 'neighbour', 'DG2012-INDOOR')).toMatchObject({ value: 0, status: 'fail' });
    expect(row(before, 'neighbour').hasComprehensiveCentre).toBe(false);

    const after = await report('2016-06-30', 'registered', 120);
    expect(result(after, 'host', 'DG2012-INDOOR')).toMatchObject({ value: 30, status: 'pass' });
    expect(result(after, 'neighbour', 'DG2012-INDOOR')).toMatchObject({ value: 20, status: 'pass', gapM2: 0 });
    expect(row(after, 'neighbour')).toMatchObject({ indoorM2: 200, hasComprehensiveCentre: true });
  });

  it('refuses shares that would exceed 100% on any day, and keeps what was there', async () => {
    const id = await sharedFacilityId();
    const error = await refusal(declareFacilityShare(admin.ctx, id, { communityId: c.empty!, percent: '0.01', validFrom: '2030-01-01' }));
    expect(error).toMatchObject({ code: 'conflict', type: 'shares-exceed-100' });
    const [count] = await rawSql()<{ n: number }[]>`select count(*)::int as n from facility_shares where facility_id = ${id}`;
    expect(count!.n).toBe(2);
  });

  it('allows a share in a period the others do not cover', async () => {
    const id = await sharedFacilityId();
    const share = await declareFacilityShare(admin.ctx, id, { communityId: c.empty!, percent: '100', validFrom: '2010-01-01', validTo: '2015-12-31' });
    expect(share.percent).toBe('100.00');
    // In 2015 the whole centre counted for "empty": 500 m² × 100 / 800 = 62.5.
    expect(result(await report('2015-06-30', 'registered', 120), 'empty', 'DG2012-INDOOR')).toMatchObject({ value: 62.5, status: 'pass' });
    expect(result(await report('2015-06-30', 'registered', 120), 'host', 'DG2012-INDOOR')).toMatchObject({ value: 0, status: 'fail' });
  });
});

describe('roll-ups', () => {
  it('counts the share of communities with a comprehensive centre, per town and for the city', async () => {
    const r = await report('2025-06-30');
    // Every community but "empty" hosts or shares a centre: 9 of 10.
    const coverage = r.aggregates.find((a) => a.rule === 'DG2012-CENTRE-COVERAGE')!;
    expect(coverage).toMatchObject({ value: 90, threshold: 50, status: 'pass', counted: 10, meeting: 9 });
    expect(r.towns).toHaveLength(1);
    expect(r.towns[0]!.aggregates[0]).toMatchObject({ value: 90, status: 'pass' });
    const indoor = r.tallies.find((t) => t.rule === 'DG2012-INDOOR')!;
    // pass: exact, host, neighbour, history(2025: 29) ; fail: below, leased, empty ; insufficient: zero, nocount, otherBasis.
    expect(indoor).toMatchObject({ pass: 4, fail: 3, insufficientData: 3, passShare: 40 });
  });
});
