import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, rawSql } from '../db/client';
import { jsonStreamResponse } from '../server/api/json-stream';
import { toNumber, truncated } from '../server/compliance/decimal';
import { historyCovers, queryCommunityFacts, queryDirectFacts } from '../server/compliance/facts-query';
import { getComplianceReport } from '../server/compliance/report';
import { getRuleSet, listRuleSets } from '../server/compliance/rule-sets';
import { complianceQuerySchema } from '../server/compliance/schemas';
import type { Rule, RuleSet } from '../server/compliance/types';
import { createFacility } from '../server/registry/create-facility';
import { createSpace } from '../server/registry/create-space';
import { declareFacilityShare } from '../server/registry/declare-facility-share';
import { recordHouseholdCount } from '../server/registry/record-household-count';
import { recordMeasurement } from '../server/registry/record-measurement';
import { updateFacility } from '../server/registry/update-facility';
import { updateSpace } from '../server/registry/update-space';
import { makeCommunities, makeUser, type TestUser } from './helpers/factories';

// compliance_history (migrations 0011, 0012) is derived data: after every kind of register write
// it must equal a fresh computation from the register, and a report read from it must equal the
// report computed from the register directly (queryDirectFacts), on every date where anything
// changes and the days around them, for every rule set.

let admin: TestUser;
let auditor: TestUser;
let town: string;
let ruleSets: RuleSet[];
const c: string[] = [];

/** Every date the register mentions, the day before and after (a share's last day is valid_to), and far past and future. */
async function interestingDates(): Promise<string[]> {
  const rows = await rawSql()<{ d: string }[]>`
    with d as (
      select measured_on as d from area_measurements union select as_of from household_counts
      union select opened_on from facilities union select closed_on from facilities
      union select retired_on from spaces union select valid_from from facility_shares union select valid_to from facility_shares
    )
    select distinct x::date::text as d
      from d cross join lateral (values (d.d - 1), (d.d), (d.d + 1)) as v(x)
     where x is not null
    union select '1995-01-01' union select '2099-12-31'
    order by 1`;
  return rows.map((row) => row.d);
}

/** The columns linli_compliance_history_rows returns. */
const SEGMENT = `community_id, valid_from, valid_to, registered_households, registered_as_of, resident_households, resident_as_of, has_centre,
  other_basis_indoor_building, other_basis_indoor_usable, other_basis_outdoor_land, indoor_office_building, indoor_resident_activity_building,
  indoor_shared_auxiliary_building, indoor_office_usable, indoor_resident_activity_usable, indoor_shared_auxiliary_usable, outdoor_office_land,
  outdoor_resident_activity_land, outdoor_shared_auxiliary_land`;

/** The stored history equals a fresh computation from the register, row for row. */
async function expectHistoryFresh() {
  const stale = await rawSql()<{ n: number }[]>`
    with stored as (
      select ${rawSql().unsafe(SEGMENT)} from compliance_current union all select ${rawSql().unsafe(SEGMENT)} from compliance_history
    )
    select count(*)::int as n from (
      (select * from stored except all select * from linli_compliance_history_rows(null))
      union all
      (select * from linli_compliance_history_rows(null) except all select * from stored)
    ) x`;
  expect(stale[0]!.n).toBe(0);
}

/** Reports from the history equal reports computed directly, for every rule set and date. */
async function expectReportsEqual(dates?: string[]) {
  for (const asOf of dates ?? (await interestingDates())) {
    for (const set of ruleSets) {
      const fromHistory = await queryCommunityFacts(db, set.rules, { asOf, town });
      const direct = await queryDirectFacts(db, set.rules, { asOf, town });
      if (!isDeepStrictEqual(fromHistory, direct)) {
        // Show the first community that differs.
        const i = fromHistory.findIndex((row, k) => !isDeepStrictEqual(row, direct[k]));
        expect({ asOf, ruleSet: set.code, row: fromHistory[i] }).toEqual({ asOf, ruleSet: set.code, row: direct[i] });
      }
    }
  }
}

async function room(facilityId: string, name: string, options: { setting?: 'indoor' | 'outdoor'; useClass?: Rule['useClasses'][number] } = {}) {
  return createSpace(admin.ctx, facilityId, { name, setting: options.setting ?? 'indoor', useClass: options.useClass ?? 'resident_activity', bookable: false });
}

async function measure(spaceId: string, area: string, measuredOn: string, basis: 'building' | 'usable' | 'land' = 'building') {
  return recordMeasurement(admin.ctx, spaceId, { areaM2: area, basis, measuredOn, method: 'on_site', measuredBy: '测量员' });
}

beforeAll(async () => {
  admin = await makeUser('admin');
  auditor = await makeUser('auditor');
  c.push(...(await makeCommunities(5)));
  const [first] = await rawSql()<{ town_code: string }[]>`select town_code from communities where id = ${c[0]!}`;
  town = first!.town_code;
  ruleSets = await listRuleSets();
  // A rule set with a rule the history does not keep (leased-out space), computed directly.
  const dg = (await getRuleSet('DG2012'))!;
  ruleSets.push({ ...dg, code: 'TEST', rules: [...dg.rules, { ...dg.rules[0]!, code: 'TEST-LEASED', useClasses: ['commercial_leased'] }] });
});

describe('the compliance history', () => {
  it('only serves rule sets whose rules count what it keeps', () => {
    expect(ruleSets.filter((set) => set.code !== 'TEST').every((set) => historyCovers(set.rules))).toBe(true);
    expect(historyCovers(ruleSets.find((set) => set.code === 'TEST')!.rules)).toBe(false);
  });

  it('stays equal to the register through every kind of write', async () => {
    // A centre opened in 2014 with rooms on several bases, re-measured, same-day corrections.
    const centre = await createFacility(admin.ctx, { communityId: c[0]!, name: '中心', kind: 'comprehensive_centre', openedOn: '2014-01-01' });
    const hall = await room(centre.id, '多功能厅');
    await measure(hall.id, '120.00', '2013-06-01');
    await measure(hall.id, '150.50', '2018-03-01');
    await measure(hall.id, '151.00', '2018-03-01'); // a correction on the same day: the later counts
    await measure(hall.id, '118.00', '2013-06-01', 'usable');
    const office = await room(centre.id, '办公室', { useClass: 'office' });
    await measure(office.id, '40.00', '2016-05-05', 'usable'); // only on usable area: names it for building rules
    const square = await room(centre.id, '广场', { setting: 'outdoor' });
    await measure(square.id, '600.00', '2015-01-01', 'land');
    const shop = await room(centre.id, '商铺', { useClass: 'commercial_leased' });
    await measure(shop.id, '80.00', '2015-01-01');
    await recordHouseholdCount(admin.ctx, c[0]!, { basis: 'registered', households: 900, asOf: '2015-12-31', source: '统计' });
    await recordHouseholdCount(admin.ctx, c[0]!, { basis: 'resident', households: 2500, asOf: '2016-12-31', source: '统计' });
    await expectHistoryFresh();
    await expectReportsEqual();

    // The office is measured on building area later: from then on it counts.
    await measure(office.id, '42.00', '2019-09-09');
    // A station with no opening date in community 1, shared 70/30 with community 2 from 2017 to 2020.
    const station = await createFacility(admin.ctx, { communityId: c[1]!, name: '服务站', kind: 'service_station' });
    const reading = await room(station.id, '阅览室', { useClass: 'shared_auxiliary' });
    await measure(reading.id, '33.33', '2012-02-29');
    await declareFacilityShare(admin.ctx, station.id, { communityId: c[1]!, percent: '70', validFrom: '2017-01-01', validTo: '2020-12-31' });
    await declareFacilityShare(admin.ctx, station.id, { communityId: c[2]!, percent: '30', validFrom: '2017-01-01', validTo: '2020-12-31' });
    // A centre of community 3 shared wholly with community 4 from 2021.
    const shared = await createFacility(admin.ctx, { communityId: c[3]!, name: '共享中心', kind: 'comprehensive_centre', openedOn: '2011-11-11' });
    const sharedHall = await room(shared.id, '活动室');
    await measure(sharedHall.id, '99.99', '2012-01-01');
    await declareFacilityShare(admin.ctx, shared.id, { communityId: c[4]!, percent: '100', validFrom: '2021-01-01' });
    await recordHouseholdCount(admin.ctx, c[1]!, { basis: 'registered', households: 0, asOf: '2018-01-01', source: '统计' });
    await recordHouseholdCount(admin.ctx, c[1]!, { basis: 'registered', households: 1200, asOf: '2019-01-01', source: '统计' });
    await expectHistoryFresh();
    await expectReportsEqual();

    // Retiring a room, changing a room's use and setting, moving nothing else.
    await updateSpace(admin.ctx, hall.id, { retiredOn: '2022-07-01' });
    await updateSpace(admin.ctx, reading.id, { useClass: 'office' });
    await updateSpace(admin.ctx, square.id, { name: '文体广场' });
    // Closing a station, and a centre described anew (updateFacility).
    await updateFacility(admin.ctx, station.id, { closedOn: '2024-04-01' });
    await updateFacility(admin.ctx, centre.id, { kind: 'service_station', openedOn: '2012-12-12' });
    await rawSql()`update facility_shares set valid_to = '2023-06-30' where facility_id = ${shared.id}`;
    await rawSql()`delete from facility_shares where facility_id = ${station.id} and community_id = ${c[2]!}`;
    await expectHistoryFresh();
    await expectReportsEqual();

    // What the report shows of a community comes with it: renamed, it is renamed in the report.
    await rawSql()`update communities set name = '改名社区', kind = 'village' where id = ${c[1]!}`;
    const [renamed] = await queryCommunityFacts(db, ruleSets[0]!.rules, { asOf: '2020-01-01', communityIds: [c[1]!] });
    expect(renamed).toMatchObject({ name: '改名社区', kind: 'village' });
    // A new community, with nothing registered, is in the report with nothing.
    const [fresh] = await makeCommunities(1);
    const [empty0] = await queryCommunityFacts(db, ruleSets[0]!.rules, { asOf: '2020-01-01', communityIds: [fresh!] });
    expect(empty0).toMatchObject({ communityId: fresh, registered: null, hasComprehensiveCentre: false, indoorM2: 0 });

    // A facility with no space yet, then removed.
    const empty = await createFacility(admin.ctx, { communityId: c[2]!, name: '新中心', kind: 'comprehensive_centre', openedOn: '2025-01-01' });
    await expectHistoryFresh();
    await rawSql()`delete from booking_rules where facility_id = ${empty.id}`;
    await rawSql()`delete from facilities where id = ${empty.id}`;
    await expectHistoryFresh();
    await expectReportsEqual();
   }, 180_000);

  it('is rebuilt in the statement that writes, inside the writer’s transaction', async () => {
    const [community] = await makeCommunities(1);
    const centre = await createFacility(admin.ctx, { communityId: community!, name: '中心', kind: 'comprehensive_centre', openedOn: '2010-01-01' });
    const hall = await room(centre.id, '活动室');
    const sql = rawSql();
    const rows = () => sql<{ n: number }[]>`
      select (select count(*)::int from compliance_history where community_id = ${community!})
           + (select count(*)::int from compliance_current where community_id = ${community!}) as n`;
    const before = (await rows())[0]!.n;
    await sql
      .begin(async (tx) => {
        await tx`insert into area_measurements (community_id, space_id, area_m2, basis, measured_on, method, measured_by)
                 values (${community!}, ${hall.id}, 100, 'building', '2020-01-01', 'on_site', '测量员')`;
        const [inside] = await tx<{ area: string }[]>`
          select indoor_resident_activity_building::text as area from compliance_current where community_id = ${community!}`;
        expect(inside!.area).toBe('100000000');
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect((await rows())[0]!.n).toBe(before);
    await expectHistoryFresh();
  });

  it('takes concurrent writers to one community in turn, so neither write is lost', async () => {
    const [community] = await makeCommunities(1);
    const centre = await createFacility(admin.ctx, { communityId: community!, name: '中心', kind: 'comprehensive_centre', openedOn: '2010-01-01' });
    const [a, b] = [await room(centre.id, '甲'), await room(centre.id, '乙')];
    const sql = rawSql();
    const first = await sql.reserve();
    const second = await sql.reserve();
    try {
      const insert = (conn: typeof first, spaceId: string, area: number) =>
        conn`insert into area_measurements (community_id, space_id, area_m2, basis, measured_on, method, measured_by)
             values (${community!}, ${spaceId}, ${area}, 'building', '2020-01-01', 'on_site', '测量员')`;
      await first`begin`;
      await second`begin`;
      await insert(first, a.id, 100);
      const waiting = insert(second, b.id, 50); // waits for the first transaction's lock
      await new Promise((resolve) => setTimeout(resolve, 300));
      await first`commit`;
      await waiting;
      await second`commit`;
    } finally {
      first.release();
      second.release();
    }
    const [latest] = await sql<{ area: string }[]>`
      select indoor_resident_activity_building::text as area from compliance_current where community_id = ${community!}`;
    expect(latest!.area).toBe('150000000');
    await expectHistoryFresh();
  });

  it('rebuilds the whole history from the register when asked', async () => {
    await rawSql().begin((tx) => tx`select linli_compliance_history_refresh(null)`);
    await expectHistoryFresh();
    await expectReportsEqual(['2016-06-30', '2026-06-30']);
  });
});

describe('the report', () => {
  const query = (extra: Record<string, unknown> = {}) => complianceQuerySchema.parse({ ruleSet: 'DG2012', asOf: '2019-06-30', town, ...extra });

  it('gives a page of rows with the roll-ups of all of them', async () => {
    const all = await getComplianceReport(auditor.ctx, query());
    expect(all.page).toBeUndefined();
    const page = await getComplianceReport(auditor.ctx, query({ limit: '2', offset: '1' }));
    expect(page.rows).toEqual(all.rows.slice(1, 3));
    expect(page.page).toEqual({ offset: 1, limit: 2, total: all.rows.length });
    expect({ ...page, rows: undefined, page: undefined }).toEqual({ ...all, rows: undefined, page: undefined });
  });

  it('evaluates only the communities asked for', async () => {
    const all = await getComplianceReport(auditor.ctx, query());
    const one = await getComplianceReport(auditor.ctx, query({ communityIds: `${c[1]},${c[2]}` }));
    expect(one.rows).toEqual(all.rows.filter((row) => row.communityId === c[1] || row.communityId === c[2]));
    expect(one.towns[0]!.communities).toBe(2);
    expect(complianceQuerySchema.safeParse({ communityIds: 'not-a-uuid' }).success).toBe(false);
  });
});

describe('exact figures, fast', () => {
  it('toNumber equals reading the truncated text', () => {
    const values = [0n, 1n, 99n, 100n, 19_999_999n, 20_000_000n, 2n ** 53n * 100n - 1n, 2n ** 53n * 100n, 2n ** 60n, -1n, -100n, -123_456_789n];
    for (let i = 0; i < 20_000; i++) values.push(BigInt(Math.floor(Math.random() * 10 ** (1 + (i % 15)))) * BigInt(1 + (i % 7919)));
    for (const value of values) expect(Object.is(toNumber(value), Number(truncated(value, 4)))).toBe(true);
  });

  it('a streamed JSON response has exactly JSON.stringify’s bytes', async () => {
    const value = { a: 1, skipped: undefined, rows: Array.from({ length: 4_321 }, (_, i) => ({ i, name: `社区${i}`, x: i % 3 ? null : [i, 'a"b'] })), tail: { z: true } };
    expect(await jsonStreamResponse(value, 'rows', { status: 200 }, 1_000).text()).toBe(JSON.stringify(value));
    expect(await jsonStreamResponse({ rows: [] }, 'rows', { status: 200 }).text()).toBe('{"rows":[]}');
    expect(await jsonStreamResponse({}, 'rows', { status: 200 }).text()).toBe('{}');
  });
});
