import type { Sql } from 'postgres';
import { BENCH_RAND_SQL, bulkLoad, type Step } from '../lib/bulk-load';

/**
 * The national dataset, generated inside PostgreSQL (generate_series, INSERT … SELECT) so that
 * ~15 million rows take minutes, not hours. Every "random" choice is a hash of a row number
 * (`bench_rand`), so two runs produce the same shape and the same figures; only the UUIDs differ.
 *
 * Shape, per community (the proportions are what a national register plausibly looks like, not
 * measured facts):
 * - 3% no facility; 72% one comprehensive centre; 13% one service station; 12% both;
 *   5% also an older service station closed in 2014–2022.
 * - 5–8 spaces per facility: an indoor activity hall and an office, then indoor or outdoor rooms
 *   of every use class (about 14% leased out or lent by another body); 3% retired in 2015–2025.
 * - 1–3 measurements per space between 2012 and 2026 (building area indoors, land area outdoors;
 *   8% of indoor rooms also measured on the usable basis, 0.5% only on it).
 * - 2–4 household counts (registered and resident, 2020 and 2025); 0.5% have none.
 * - 0.5% of centres shared 60/40 with the next community of the same town from 2016.
 *
 * Dongguan (codes 441900xxxxxx) has 33 towns (4419000xx streets and 4419001xx towns) and 595
 * communities, so `codePrefix=441900` selects a city-sized report. Communities are inserted in
 * hashed order, so a city's rows are scattered over the tables as they would be after years of
 * data entry across the country, and measurements and counts are inserted in date order.
 */
export interface DatasetSize {
  /** Communities outside Dongguan, and the towns they belong to. */
  otherCommunities: number;
  otherTowns: number;
}

export const NATIONAL: DatasetSize = { otherCommunities: 614_405, otherTowns: 29_967 };
export const DONGGUAN_COMMUNITIES = 595;
const DONGGUAN_TOWNS = 33;

/** The tables loaded in bulk: their keys, indexes and foreign keys are dropped first and rebuilt after. */
const BULK_TABLES = ['communities', 'facilities', 'spaces', 'area_measurements', 'household_counts'];

const SYLLABLES = `array['东','西','南','北','新','大','上','下','龙','华','长','安','和','平','兴','福','石','沙','塘','岭','湖','山','水','田','桥','埔','坑','岗','围','洲','坪','源']`;
const INDOOR_NAMES = `array['多功能厅','办公室','活动室','阅览室','舞蹈室','会议室','储物间','党群服务室','老年活动室','儿童之家','调解室','卫生服务室']`;
const OUTDOOR_NAMES = `array['文体广场','篮球场','健身路径','儿童游乐场','门球场','休闲广场']`;

function datasetSteps(size: DatasetSize): { before: Step[]; bulk: Step[]; after: Step[] } {
  const { otherCommunities, otherTowns } = size;
  const name2 = (key: string, salt: number) =>
    `(${SYLLABLES})[1 + (bench_rand(${key}, ${salt}) * 32)::int % 32] || (${SYLLABLES})[1 + (bench_rand(${key}, ${salt + 1}) * 32)::int % 32]`;
  const steps: Step[] = [
    {
      label: 'helpers',
      sql: BENCH_RAND_SQL,
    },
    {
      label: 'towns',
      sql: `
        insert into towns (code, name_zh, name_en, kind)
        select code, ${name2('k', 11)} || case when kind = 'street' then '街道' else '镇' end,
               'Town ' || code, kind::town_kind
          from (
            select k, '4419000' || lpad((k + 1)::text, 2, '0') as code, 'street' as kind from generate_series(0, 3) k
            union all
            select k, '4419001' || lpad((k - 3)::text, 2, '0'), 'town' from generate_series(4, ${DONGGUAN_TOWNS - 1}) k
            union all
            -- 15 towns per county; county codes pp cc 01 never start with 441900.
            select 100 + k,
                   lpad((11 + (k / 15) % 55)::text, 2, '0') || lpad((1 + (k / 15) / 55)::text, 2, '0') || '01' || lpad((k % 15 + 1)::text, 3, '0'),
                   case when k % 4 = 0 then 'street' else 'town' end
              from generate_series(0, ${otherTowns - 1}) k
          ) t`,
    },
    {
      label: 'stage communities',
      sql: `
        create unlogged table bench_communities as
        select row_number() over (order by hashint8extended(hashtext(code), 7)) as n, md5('community' || code)::uuid as id, code, town_code, kind
          from (
            select '4419' || lpad(((i % ${DONGGUAN_TOWNS}) + case when i % ${DONGGUAN_TOWNS} < 4 then 1 else 97 end)::text, 5, '0') as town_code, i / ${DONGGUAN_TOWNS} + 1 as j, i
              from generate_series(0, ${DONGGUAN_COMMUNITIES - 1}) i
            union all
            select lpad((11 + ((i % ${otherTowns}) / 15) % 55)::text, 2, '0') || lpad((1 + ((i % ${otherTowns}) / 15) / 55)::text, 2, '0') || '01' || lpad(((i % ${otherTowns}) % 15 + 1)::text, 3, '0'),
                   i / ${otherTowns} + 1, i
              from generate_series(0, ${otherCommunities - 1}) i
          ) s
          cross join lateral (select town_code || lpad(j::text, 3, '0') as code,
                                     case when bench_rand(i + 7919 * length(town_code), 12) < 0.55 then 'village' else 'community' end::community_kind as kind) c`,
    },
    {
      label: 'communities',
      // The staging table is already in hashed order (row_number's sort): no ORDER BY needed.
      sql: `
        insert into communities (id, code, name, kind, town_code)
        select id, code, ${name2('n', 13)} || case when kind = 'village' then '村' else '社区' end, kind, town_code
          from bench_communities`,
    },
    {
      label: 'stage facilities',
      sql: `
        create unlogged table bench_facilities as
        select fn, md5('facility' || fn)::uuid as id, community_id, n, kind, opened_on, closed_on
          from (
            select row_number() over (order by c.n, v.slot) as fn, c.id as community_id, c.n, v.kind, v.opened_on, v.closed_on
              from (select *, bench_rand(n, 1) as r, bench_rand(n, 2) as r2, bench_rand(n, 3) as r3 from bench_communities) c
              cross join lateral (
                select 1 as slot, 'comprehensive_centre'::facility_kind as kind,
                       case when c.r3 < 0.05 then null else date '2008-01-01' + (c.r3 * 6000)::int end as opened_on, null::date as closed_on
                 where c.r >= 0.03 and (c.r < 0.75 or c.r >= 0.88)
                union all
                select 2, 'service_station', date '2005-01-01' + (c.r2 * 4000)::int, null
                 where c.r >= 0.75
                union all
                select 3, 'service_station', date '2004-01-01' + (c.r3 * 1000)::int, date '2014-01-01' + (c.r2 * 60 * 3000)::int % 3000
                 where c.r2 < 0.05
              ) v
          ) f`,
    },
    {
      label: 'facilities',
      sql: `
        insert into facilities (id, community_id, name, kind, address, opening_hours, opened_on, closed_on)
        select id, community_id,
               case kind when 'comprehensive_centre' then '党群服务中心' when 'service_station' then '服务站' else '服务点' end,
               kind, '', '{"1":{"opens":"08:30","closes":"21:00"},"2":{"opens":"08:30","closes":"21:00"},"3":{"opens":"08:30","closes":"21:00"},"4":{"opens":"08:30","closes":"21:00"},"5":{"opens":"08:30","closes":"21:00"},"6":{"opens":"09:00","closes":"17:00"},"7":null}'::jsonb,
               opened_on, closed_on
          from bench_facilities`,
    },
    {
      // Spaces are a view, not a staged table: their ids are hashes of their key, so the spaces
      // and their measurements can both be derived from it without writing 4.6 million rows twice.
      label: 'space view',
      sql: `
        create view bench_spaces as
        select key, md5('space' || key)::uuid as id, community_id, facility_id, k, measurements,
               case when k <= 2 or bench_rand(key, 4) >= 0.25 then 'indoor' else 'outdoor' end::space_setting as setting,
               case when k = 1 then 'resident_activity'
                    when k = 2 then 'office'
                    when bench_rand(key, 4) < 0.25 then case when bench_rand(key, 5) < 0.8 then 'resident_activity' else 'shared_auxiliary' end
                    else case when bench_rand(key, 5) < 0.35 then 'resident_activity'
                              when bench_rand(key, 5) < 0.55 then 'office'
                              when bench_rand(key, 5) < 0.76 then 'shared_auxiliary'
                              when bench_rand(key, 5) < 0.92 then 'commercial_leased'
                              else 'lent_by_other' end
               end::use_class as use_class,
               case when k > 2 and bench_rand(key, 10) < 0.03 then date '2015-01-01' + (bench_rand(key, 11) * 3900)::int end as retired_on
          from (select f.fn * 16 + k as key, f.id as facility_id, f.community_id, k
                  from bench_facilities f
                  cross join lateral generate_series(1, 5 + (bench_rand(f.fn, 3) * 4)::int % 4) k) s
          cross join lateral (select 1 + (bench_rand(key, 6) * 3)::int % 3 as measurements) m`,
    },
    {
      label: 'spaces',
      sql: `
        insert into spaces (id, community_id, facility_id, name, setting, use_class, floor, retired_on)
        select id, community_id, facility_id,
               case when setting = 'outdoor' then (${OUTDOOR_NAMES})[1 + (bench_rand(key, 14) * 6)::int % 6]
                    when k = 1 then '多功能厅' when k = 2 then '办公室'
                    else (${INDOOR_NAMES})[1 + (bench_rand(key, 14) * 12)::int % 12] end || k,
               setting, use_class, case when setting = 'indoor' then 1 + k % 3 end, retired_on
          from bench_spaces`,
    },
    // Three rounds of surveys (2012–2016, 2016–2021, 2021–2026), inserted in that order so that a
    // space's history is spread over the table as years of appends leave it.
    ...[1, 2, 3].map((round) => ({
      label: `area measurements, round ${round}`,
      sql: `
        insert into area_measurements (community_id, space_id, area_m2, basis, measured_on, method, measured_by, organisation)
        select s.community_id, s.id,
               round((case when s.setting = 'indoor' then 20 + bench_rand(s.key, 15) * 180 else 50 + bench_rand(s.key, 15) * 600 end
                      * ${round === 1 ? '1' : `(0.8 + bench_rand(s.key * 4 + ${round}, 16) * 0.4)`}
                      * case when b.basis = 'usable' then 0.8 else 1 end)::numeric, 2),
               b.basis,
               date '2012-01-01' + (${(round - 1) * 1700} + bench_rand(s.key * 4 + ${round}, 7) * 1700)::int,
               (array['on_site','floor_plan','survey_report','title_certificate']::measurement_method[])[1 + (s.key + ${round}) % 4],
               '测量员',
               case when (s.key + ${round}) % 3 = 0 then '测绘院' end
          from bench_spaces s
          cross join lateral (
            select case when s.setting = 'outdoor' then 'land' when bench_rand(s.key, 8) < 0.005 then 'usable' else 'building' end::area_basis as basis
            ${round === 1 ? `union all
            select 'usable'::area_basis where s.setting = 'indoor' and bench_rand(s.key, 8) between 0.005 and 0.085` : ''}
          ) b
         where s.measurements >= ${round}`,
    })),
    ...[
      ['2020-12-31', '3, 4', '0.9'],
      ['2025-12-31', '1, 2', '1'],
    ].map(([asOf, slots, factor]) => ({
      label: `household counts as of ${asOf}`,
      sql: `
        insert into household_counts (community_id, basis, households, as_of, source)
        select c.id, v.basis::household_basis,
               round(case when v.basis = 'registered' then c.registered else c.registered * c.factor end * ${factor})::int,
               date '${asOf}', '统计年报'
          from (select *, 300 + (bench_rand(n, 20) * 3000)::int as registered, 1.5 + bench_rand(n, 21) * 4.5 as factor,
                       2 + (bench_rand(n, 9) * 3)::int % 3 as slots
                  from bench_communities
                 where bench_rand(n, 22) >= 0.005) c
          cross join (values (1, 'registered'), (2, 'resident'), (3, 'registered'), (4, 'resident')) v(slot, basis)
         where v.slot in (${slots}) and v.slot <= c.slots`,
    })),
    {
      label: 'facility shares',
      sql: `
        insert into facility_shares (facility_id, community_id, percent, basis_note, valid_from)
        select f.id, x.community_id, x.percent, '按服务人口协商确定', date '2016-01-01'
          from bench_facilities f
          join bench_communities c on c.id = f.community_id
          join bench_communities nb on nb.code = left(c.code, 9) || lpad((right(c.code, 3)::int + 1)::text, 3, '0')
          cross join lateral (values (c.id, 60.00), (nb.id, 40.00)) x(community_id, percent)
         where f.kind = 'comprehensive_centre' and f.closed_on is null and bench_rand(f.fn, 23) < 0.005
         order by f.fn`,
    },
    {
      label: 'drop staging',
      sql: `drop view bench_spaces; drop table bench_communities, bench_facilities; drop function bench_rand(bigint, int)`,
    },
  ];
  const at = (label: string) => steps.findIndex((step) => step.label === label);
  return { before: steps.slice(0, at('stage communities')), bulk: steps.slice(at('stage communities'), at('facility shares')), after: steps.slice(at('facility shares')) };
}

export interface RowCounts {
  towns: number;
  communities: number;
  dongguanCommunities: number;
  facilities: number;
  spaces: number;
  areaMeasurements: number;
  householdCounts: number;
  facilityShares: number;
  /** Heap and index size of the whole database, in bytes. */
  databaseBytes: number;
}

export async function countRows(sql: Sql): Promise<RowCounts> {
  const [row] = await sql<Record<string, string>[]>`
    select (select count(*) from towns) as towns,
           (select count(*) from communities) as communities,
           (select count(*) from communities where code like '441900%') as dongguan,
           (select count(*) from facilities) as facilities,
           (select count(*) from spaces) as spaces,
           (select count(*) from area_measurements) as measurements,
           (select count(*) from household_counts) as counts,
           (select count(*) from facility_shares) as shares,
           pg_database_size(current_database()) as bytes`;
  return {
    towns: Number(row!.towns),
    communities: Number(row!.communities),
    dongguanCommunities: Number(row!.dongguan),
    facilities: Number(row!.facilities),
    spaces: Number(row!.spaces),
    areaMeasurements: Number(row!.measurements),
    householdCounts: Number(row!.counts),
    facilityShares: Number(row!.shares),
    databaseBytes: Number(row!.bytes),
  };
}

/**
 * Generates the dataset into a freshly migrated database; `onStep` hears each step's duration.
 * Returns the row triggers that did not fire during the bulk load (session_replication_role =
 * replica): they fill other domains' tables (e.g. default booking rules per facility) at a few
 * hundred microseconds a row, and the compliance report reads none of them. The statement
 * triggers that keep the compliance history did not fire either: the history is rebuilt from
 * the register once the rows are in.
 */
export async function generateDataset(sql: Sql, size: DatasetSize, onStep: (label: string, ms: number) => void): Promise<string[]> {
  const { before, bulk, after } = datasetSteps(size);
  // The compliance history (migration 0012) is kept by triggers, which did not fire during the
  // bulk load: it is built from the register as the migration does.
  const history = { label: 'compliance history (full rebuild)', sql: 'select linli_compliance_history_refresh(null)' };
  return bulkLoad(sql, { tables: BULK_TABLES, before, bulk, after: [...after, history], settings: { work_mem: '512MB', maintenance_work_mem: '2GB' } }, onStep);
}
