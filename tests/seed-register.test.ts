import { beforeAll, describe, expect, it } from 'vitest';
import { db, rawSql } from '../db/client';
import { buildCommunities, readTowns } from '../db/seed/communities';
import { planRegister, SHARE_BASIS_NOTE } from '../db/seed/register';
import { seedDatabase } from '../db/seed/seed';

type Basis = 'registered' | 'resident';
type Setting = 'indoor' | 'outdoor';

interface Result {
  code: string;
  name: string;
  town: string;
  /** Eligible area in m² (text, exact). */
  area: string;
  households: number | null;
  asOf: string | null;
  status: 'pass' | 'fail' | 'insufficient_data';
  stale: boolean;
  /** Eligible plus leased-out and borrowed space: what a naive count would use. */
  naiveArea: string;
}

/**
 * The Dongguan 2012 per-household rules, written out in plain SQL (docs/decisions/0002): live
 * spaces of open facilities, eligible use class, latest measurement on the rule's basis dated ≤ D,
 * times the facility share valid at D (100% for the host when none is), × 100 / households.
 * Independent of server/compliance on purpose: it checks the seed, not the engine.
 */
async function compliance(asOf: string, basis: Basis, setting: Setting): Promise<Result[]> {
  const sql = rawSql();
  const areaBasis = setting === 'indoor' ? 'building' : 'land';
  const threshold = setting === 'indoor' ? 20 : 30;
  return sql<Result[]>`
    with
    live as (
      select s.id, s.facility_id, s.use_class in ('office', 'resident_activity', 'shared_auxiliary') as eligible,
        (select m.area_m2 from area_measurements m
          where m.space_id = s.id and m.basis = ${areaBasis} and m.measured_on <= ${asOf}::date
          order by m.measured_on desc, m.created_at desc limit 1) as area,
        exists (select 1 from area_measurements m
          where m.space_id = s.id and m.basis <> ${areaBasis} and m.measured_on <= ${asOf}::date) as other_basis
      from spaces s join facilities f on f.id = s.facility_id
      where s.setting = ${setting} and (s.retired_on is null or s.retired_on > ${asOf}::date)
        and f.opened_on <= ${asOf}::date and (f.closed_on is null or f.closed_on > ${asOf}::date)
    ),
    share as (
      select f.id as facility_id, coalesce(sh.community_id, f.community_id) as community_id, coalesce(sh.percent, 100) as percent
      from facilities f
      left join facility_shares sh on sh.facility_id = f.id
        and sh.valid_from <= ${asOf}::date and (sh.valid_to is null or sh.valid_to >= ${asOf}::date)
    ),
    area as (
      select sh.community_id,
        coalesce(sum(l.area * sh.percent / 100) filter (where l.eligible), 0) as area,
        coalesce(sum(l.area * sh.percent / 100), 0) as naive_area,
        coalesce(bool_or(l.eligible and l.area is null and l.other_basis), false) as insufficient
      from live l join share sh on sh.facility_id = l.facility_id
      group by sh.community_id
    ),
    counts as (
      select distinct on (h.community_id) h.community_id, h.households, h.as_of
      from household_counts h
      where h.basis = ${basis} and h.as_of <= ${asOf}::date
      order by h.community_id, h.as_of desc, h.created_at desc
    )
    select c.code, c.name, t.name_zh as town,
      coalesce(a.area, 0)::text as area, coalesce(a.naive_area, 0)::text as "naiveArea",
      n.households, n.as_of::text as "asOf",
      case
        when n.households is null or n.households = 0 or coalesce(a.insufficient, false) then 'insufficient_data'
        when coalesce(a.area, 0) * 100 >= ${threshold} * n.households then 'pass'
        else 'fail'
      end as status,
      coalesce(n.as_of < ${asOf}::date - interval '12 months', false) as stale
    from communities c
    join towns t on t.code = c.town_code
    left join area a on a.community_id = c.id
    left join counts n on n.community_id = c.id
    order by c.code`;
}

/** Share of communities with a comprehensive centre open at D, hosted or shared to them at D. */
async function coverage(asOf: string): Promise<number> {
  const sql = rawSql();
  const [row] = await sql<{ share: number }[]>`
    with open_centre as (
      select id, community_id from facilities
      where kind = 'comprehensive_centre' and opened_on <= ${asOf}::date and (closed_on is null or closed_on > ${asOf}::date)
    )
    select (select count(*) from (
              select community_id from open_centre
              union
              select s.community_id from facility_shares s join open_centre c on c.id = s.facility_id
              where s.valid_from <= ${asOf}::date and (s.valid_to is null or s.valid_to >= ${asOf}::date)) served)::float8
         / (select count(*) from communities)::float8 as share`;
  return row!.share;
}

async function registerCounts() {
  const sql = rawSql();
  const [row] = await sql<{ facilities: number; spaces: number; measurements: number; shares: number; stamp: string }[]>`
    select
      (select count(*)::int from facilities) as facilities,
      (select count(*)::int from spaces) as spaces,
      (select count(*)::int from area_measurements) as measurements,
      (select count(*)::int from facility_shares) as shares,
      (select md5(string_agg(id::text || updated_at::text, ',' order by id)) from spaces)
        || (select md5(string_agg(id::text || updated_at::text, ',' order by id)) from facilities) as stamp`;
  return row!;
}

const TODAY = '2026-06-30';
const share = (rows: Result[], status: Result['status']) => rows.filter((r) => r.status === status).length / rows.length;
const byName = (rows: Result[], town: string, name: string) => rows.find((r) => r.town === town && r.name === name)!;

let afterFirst: Awaited<ReturnType<typeof registerCounts>>;
let afterSecond: Awaited<ReturnType<typeof registerCounts>>;

beforeAll(async () => {
  await seedDatabase(db);
  afterFirst = await registerCounts();
  await seedDatabase(db);
  afterSecond = await registerCounts();
});

describe('register demo seed', () => {
  it('is idempotent', () => {
    expect(afterFirst.facilities).toBeGreaterThan(500);
    expect(afterFirst.spaces).toBeGreaterThan(5000);
    expect(afterFirst.measurements).toBeGreaterThan(afterFirst.spaces);
    expect(afterFirst.shares).toBe(2);
    expect(afterSecond).toEqual(afterFirst);
  });

  it('is deterministic', () => {
    const towns = readTowns();
    const rows = buildCommunities(towns);
    const ids = new Map(rows.map((c, i) => [c.code, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`]));
    const a = planRegister(towns, rows, ids);
    const b = planRegister(towns, rows, ids);
    expect(JSON.stringify([...b.byCommunity])).toBe(JSON.stringify([...a.byCommunity]));
    expect(b.story).toEqual(a.story);
    // The names documented at the top of db/seed/register.ts.
    expect(a.story).toMatchObject({
      exactThreshold: ['虎门 怀德社区', '长安 沙边村', '虎门 东风社区'],
      justBelow: ['东城 岗贝社区', '厚街 石坑村'],
      roundingTrap: ['虎门 金洲社区'],
    });
    expect(a.story.traps).toHaveLength(15);
    expect(a.story.usableOnly).toHaveLength(10);
    expect(a.story.noFacility).toHaveLength(34);
  });

  it('keeps every space in its facility community and never books excluded rooms', async () => {
    const sql = rawSql();
    const mismatched = await sql`select s.id from spaces s join facilities f on f.id = s.facility_id where s.community_id <> f.community_id`;
    expect(mismatched).toEqual([]);
    const measuredElsewhere = await sql`select m.id from area_measurements m join spaces s on s.id = m.space_id where s.community_id <> m.community_id`;
    expect(measuredElsewhere).toEqual([]);
    const bookableExcluded = await sql`select id from spaces where bookable and use_class in ('commercial_leased', 'lent_by_other')`;
    expect(bookableExcluded).toEqual([]);
    const [excluded] = await sql<{ n: number }[]>`select count(*)::int as n from spaces where use_class in ('commercial_leased', 'lent_by_other')`;
    expect(excluded!.n).toBeGreaterThan(20);
    const bookableOther = await sql`select id from spaces where bookable and (setting = 'outdoor' or use_class in ('office', 'shared_auxiliary'))`;
    expect(bookableOther).toEqual([]);
    // Rooms given up for leased shops (the old room retired, the shop a new space).
    const [shops] = await sql<{ n: number }[]>`select count(*)::int as n from spaces where name = '出租商铺（原棋牌室）'`;
    expect(shops!.n).toBe(17);
  });

  it('measures indoor space on building or usable area and outdoor space on land area, 2012–2026', async () => {
    const sql = rawSql();
    const wrong = await sql`
      select m.id from area_measurements m join spaces s on s.id = m.space_id
      where (s.setting = 'indoor' and m.basis = 'land') or (s.setting = 'outdoor' and m.basis <> 'land')`;
    expect(wrong).toEqual([]);
    const [range] = await sql<{ first: string; last: string; unmeasured: number }[]>`
      select min(measured_on)::text as first, max(measured_on)::text as last,
        (select count(*)::int from spaces s where not exists (select 1 from area_measurements m where m.space_id = s.id)) as unmeasured
      from area_measurements`;
    expect(range!.first >= '2012-01-01').toBe(true);
    expect(range!.last <= TODAY).toBe(true);
    expect(range!.unmeasured).toBe(0);
    const [remeasured] = await sql<{ share: number }[]>`
      select (count(*) filter (where n > 1))::float8 / count(*)::float8 as share
      from (select count(*) as n from area_measurements group by space_id) per_space`;
    expect(remeasured!.share).toBeGreaterThan(0.15);
    expect(remeasured!.share).toBeLessThan(0.45);
  });

  it('has centres and opening hours for the desk', async () => {
    const sql = rawSql();
    const rows = await sql<{ name: string; kind: string; hours: Record<string, { opens: string; closes: string } | null> }[]>`
      select name, kind, opening_hours as hours from facilities`;
    for (const r of rows) {
      expect(Object.keys(r.hours).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7']);
      expect(r.hours['3']).toEqual({ opens: '08:00', closes: '21:30' });
    }
    expect(rows.some((r) => r.hours['1'] === null)).toBe(true);
    expect(rows.some((r) => r.name === '树田社区综合服务中心' && r.kind === 'comprehensive_centre')).toBe(true);
  });

  it('shares the 路东 centre 60/40 with 南栅 from 2016, 100% 路东 before', async () => {
    const sql = rawSql();
    const shares = await sql<{ facility: string; host: string; community: string; percent: string; basis_note: string; valid_from: string }[]>`
      select f.name as facility, hc.name as host, c.name as community, s.percent::text as percent, s.basis_note, s.valid_from::text as valid_from
      from facility_shares s join facilities f on f.id = s.facility_id
      join communities hc on hc.id = f.community_id join communities c on c.id = s.community_id
      order by s.percent desc`;
    expect(shares).toEqual([
      { facility: '路东社区综合服务中心', host: '路东社区', community: '路东社区', percent: '60.00', basis_note: SHARE_BASIS_NOTE, valid_from: '2016-01-01' },
      { facility: '路东社区综合服务中心', host: '路东社区', community: '南栅社区', percent: '40.00', basis_note: SHARE_BASIS_NOTE, valid_from: '2016-01-01' },
    ]);
    const [total] = await sql<{ total: string }[]>`
      select sum(percent)::text as total from facility_shares where valid_from <= '2016-01-01' and (valid_to is null or valid_to >= '2016-01-01')`;
    expect(total!.total).toBe('100.00');

    const now = await compliance(TODAY, 'registered', 'indoor');
    const nanzha = byName(now, '虎门', '南栅社区');
    expect(nanzha.status).toBe('pass');
    const ludong = byName(now, '虎门', '路东社区');
    expect(ludong.status).toBe('pass');
    // Before the agreement 路东 counted the whole centre, 南栅 nothing of it.
    const before = await compliance('2015-12-31', 'registered', 'indoor');
    expect(Number(byName(before, '虎门', '南栅社区').area)).toBeLessThan(Number(nanzha.area) / 3);
  });

  it('tells the registered versus resident story as of today', async () => {
    const registered = await compliance(TODAY, 'registered', 'indoor');
    const resident = await compliance(TODAY, 'resident', 'indoor');
    const outdoor = await compliance(TODAY, 'registered', 'outdoor');
    const stats = {
      indoorRegistered: share(registered, 'pass'),
      indoorResident: share(resident, 'pass'),
      outdoorRegistered: share(outdoor, 'pass'),
      outdoorResident: share(await compliance(TODAY, 'resident', 'outdoor'), 'pass'),
      insufficient: share(registered, 'insufficient_data'),
    };
    console.info('as of', TODAY, stats);
    expect(stats.indoorRegistered).toBeGreaterThanOrEqual(0.5);
    expect(stats.indoorRegistered).toBeLessThanOrEqual(0.8);
    expect(stats.indoorResident).toBeLessThan(0.3);
    expect(stats.indoorResident).toBeGreaterThan(0.05);
    expect(stats.outdoorRegistered).toBeGreaterThanOrEqual(0.4);
    expect(stats.outdoorRegistered).toBeLessThanOrEqual(0.7);
    expect(registered.every((r) => !r.stale && r.asOf === '2025-12-31')).toBe(true);

    // 树田: a full centre, passes on the registered basis and fails on the resident one.
    expect(byName(registered, '虎门', '树田社区').status).toBe('pass');
    expect(byName(resident, '虎门', '树田社区').status).toBe('fail');
  });

  it('has communities exactly at and just below the threshold', async () => {
    const rows = await compliance(TODAY, 'registered', 'indoor');
    const exact = rows.filter((r) => r.households && Math.round(Number(r.area) * 100) === 20 * r.households);
    expect(exact.length).toBeGreaterThanOrEqual(3);
    expect(exact.every((r) => r.status === 'pass')).toBe(true);
    const huaide = byName(rows, '虎门', '怀德社区');
    expect(exact).toContainEqual(huaide);
    const outdoor = byName(await compliance(TODAY, 'registered', 'outdoor'), '虎门', '怀德社区');
    expect(Math.round(Number(outdoor.area) * 100)).toBe(30 * outdoor.households!);
    expect(outdoor.status).toBe('pass');

    const gangbei = byName(rows, '东城', '岗贝社区');
    expect(((Number(gangbei.area) * 100) / gangbei.households!).toFixed(2)).toBe('19.99');
    expect(gangbei.status).toBe('fail');
    // Counting its leased shop and borrowed clinic would (wrongly) make it pass.
    expect(Number(gangbei.naiveArea) * 100).toBeGreaterThanOrEqual(20 * gangbei.households!);
  });

  it('fails some communities only because excluded rooms do not count', async () => {
    const rows = await compliance(TODAY, 'registered', 'indoor');
    const traps = rows.filter((r) => r.status === 'fail' && Number(r.naiveArea) * 100 >= 20 * r.households!);
    expect(traps.length).toBeGreaterThanOrEqual(10);
  });

  it('marks usable-only rooms as insufficient data, and has communities with no facility', async () => {
    const sql = rawSql();
    const [usable] = await sql<{ n: number }[]>`
      select count(distinct s.community_id)::int as n from spaces s
      where s.setting = 'indoor' and s.use_class in ('office', 'resident_activity', 'shared_auxiliary')
        and (s.retired_on is null or s.retired_on > ${TODAY}::date)
        and exists (select 1 from area_measurements m where m.space_id = s.id and m.basis = 'usable')
        and not exists (select 1 from area_measurements m where m.space_id = s.id and m.basis = 'building')`;
    expect(usable!.n).toBeGreaterThanOrEqual(5);
    const rows = await compliance(TODAY, 'registered', 'indoor');
    expect(rows.filter((r) => r.status === 'insufficient_data').length).toBe(usable!.n);

    const [none] = await sql<{ n: number }[]>`
      select count(*)::int as n from communities c where not exists (select 1 from facilities f where f.community_id = c.id)`;
    expect(none!.n).toBeGreaterThanOrEqual(20);
    const bare = rows.filter((r) => Number(r.area) === 0);
    expect(bare.length).toBeGreaterThanOrEqual(none!.n);
    expect(bare.every((r) => r.status === 'fail')).toBe(true);
  });

  it('raises coverage past 50% in 2015, and the picture changes over time', async () => {
    const years = {
      2012: await coverage('2012-12-31'),
      2014: await coverage('2014-12-31'),
      2015: await coverage('2015-12-31'),
      today: await coverage(TODAY),
    };
    console.info('centre coverage', years);
    expect(years[2012]).toBeLessThan(0.5);
    expect(years[2012]).toBeGreaterThan(0.3);
    expect(years[2014]).toBeLessThan(0.5);
    expect(years[2015]).toBeGreaterThan(0.5);
    expect(years.today).toBeGreaterThan(0.7);
    expect(years.today).toBeLessThan(0.8);

    // Areas differ between 2015 and today (renovations, retired rooms, new centres).
    const sql = rawSql();
    const [moved] = await sql<{ n: number }[]>`
      select count(*)::int as n from spaces s
      where exists (select 1 from area_measurements m where m.space_id = s.id and m.measured_on > '2015-12-31')
        and exists (select 1 from area_measurements m where m.space_id = s.id and m.measured_on <= '2015-12-31')`;
    expect(moved!.n).toBeGreaterThan(300);
  });

  it('has stale household counts where town reports are missing (2016–2019), and none today', async () => {
    const rows = await compliance('2019-12-31', 'registered', 'indoor');
    const stale = rows.filter((r) => r.stale);
    expect(stale).toHaveLength(30);
    expect(stale.every((r) => r.asOf === '2015-12-31')).toBe(true);
    expect(rows.filter((r) => !r.stale).every((r) => r.asOf === '2019-12-31')).toBe(true);
    const fresh = await compliance('2013-06-30', 'registered', 'indoor');
    expect(fresh.every((r) => r.households !== null && !r.stale)).toBe(true);
    const later = await compliance('2027-01-01', 'registered', 'indoor');
    expect(later.every((r) => r.stale)).toBe(true);
  });
});
