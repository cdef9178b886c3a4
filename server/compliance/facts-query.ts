import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { parseDecimal } from './decimal';
import type { CommunityFacts, Rule } from './types';

export interface FactsScope {
  asOf: string;
  town?: string;
  /** Statistical code prefix, e.g. '441900' for Dongguan. */
  codePrefix?: string;
  communityIds?: string[];
}

const AREA_METRICS = new Set(['indoor_area_per_100_households', 'outdoor_area_per_100_households', 'indoor_area', 'outdoor_area', 'resident_activity_share']);
const ELIGIBLE = sql.raw(`array['office','resident_activity','shared_auxiliary']::use_class[]`);

function settingOf(rule: Rule) {
  return rule.metric.startsWith('outdoor') ? 'outdoor' : 'indoor';
}

/** The per-rule aggregate columns: area counted, activity area, spaces measured on other bases only. */
function ruleColumns(rules: Rule[]): SQL[] {
  return rules
    .filter((rule) => rule.scope === 'community' && AREA_METRICS.has(rule.metric))
    .flatMap((rule, i) => {
      const basisArea = sql.raw(`ls.${rule.areaBasis}`);
      const applies = sql`ls.setting = ${settingOf(rule)}::space_setting and ls.use_class = any(${`{${rule.useClasses.join(',')}}`}::use_class[])`;
      return [
        sql`coalesce(sum(${basisArea} * sv.fraction) filter (where ${applies}), 0)::text as ${sql.raw(`r${i}_area`)}`,
        sql`coalesce(sum(${basisArea} * sv.fraction) filter (where ${applies} and ls.use_class = 'resident_activity'), 0)::text as ${sql.raw(`r${i}_activity`)}`,
        sql`coalesce(array_agg(distinct ls.name) filter (where ${applies} and ls.measured and ${basisArea} is null), '{}') as ${sql.raw(`r${i}_other`)}`,
      ];
    });
}

/** An area rule's columns in the facts queries: r{i}_area, r{i}_activity, r{i}_other. */
function areaRules(rules: Rule[]): Rule[] {
  return rules.filter((rule) => rule.scope === 'community' && AREA_METRICS.has(rule.metric));
}

/**
 * The facts of every community in scope as of `scope.asOf`. The definitions are in
 * docs/decisions/0002-compliance-definitions.md. When the history keeps what every rule counts
 * (always, for the rule sets seeded), one row per community is read from compliance_history
 * (docs/decisions/0003-compliance-history.md) and only communities with a space measured on
 * another basis are computed from the register, for the spaces' names; otherwise everything is.
 */
export async function queryCommunityFacts(executor: Executor, rules: Rule[], scope: FactsScope): Promise<CommunityFacts[]> {
  if (!historyCovers(rules)) return queryDirectFacts(executor, rules, scope);
  const ruleList = areaRules(rules);
  const rows = (await executor.execute(historyFactsSql(rules, scope))) as unknown as HistoryRow[];
  const towns = await townNames(executor, rows);
  const flagged: string[] = [];
  const facts = rows.map((row): CommunityFacts => {
    const town = towns.get(row.town_code);
    let other = false;
    const ruleAreas: CommunityFacts['ruleAreas'] = {};
    for (let i = 0; i < ruleList.length; i++) {
      if (row[`r${i}_other`] === true) other = true;
      ruleAreas[ruleList[i]!.code] = { area: BigInt(row[`r${i}_area`] as string), activity: BigInt(row[`r${i}_activity`] as string), otherBasisSpaces: [] };
    }
    if (other) flagged.push(row.id);
    return {
      communityId: row.id,
      code: row.code,
      name: row.name,
      kind: row.kind,
      townCode: row.town_code,
      townNameZh: town?.nameZh ?? '',
      townNameEn: town?.nameEn ?? '',
      registered: row.registered_households == null ? null : { households: row.registered_households, asOf: row.registered_as_of! },
      resident: row.resident_households == null ? null : { households: row.resident_households, asOf: row.resident_as_of! },
      hasComprehensiveCentre: row.has_centre,
      indoorM2: BigInt(row.indoor_m2),
      outdoorM2: BigInt(row.outdoor_m2),
      ruleAreas,
    };
  });
  if (flagged.length > 0) {
    // The spaces measured only on another basis, by name: from the register, for these communities only.
    const byId = new Map(facts.map((f) => [f.communityId, f]));
    for (const direct of await queryDirectFacts(executor, rules, { asOf: scope.asOf, communityIds: flagged })) {
      const target = byId.get(direct.communityId)!;
      for (const rule of ruleList) target.ruleAreas[rule.code]!.otherBasisSpaces = direct.ruleAreas[rule.code]!.otherBasisSpaces;
    }
  }
  return facts;
}

/** The facts computed from the register (directFactsSql), without the history. */
export async function queryDirectFacts(executor: Executor, rules: Rule[], scope: FactsScope): Promise<CommunityFacts[]> {
  const ruleList = areaRules(rules);
  const rows = (await executor.execute(directFactsSql(rules, scope))) as unknown as Record<string, unknown>[];
  return rows.map((row) => ({
    communityId: row.id as string,
    code: row.code as string,
    name: row.name as string,
    kind: row.kind as CommunityFacts['kind'],
    townCode: row.town_code as string,
    townNameZh: row.town_name_zh as string,
    townNameEn: row.town_name_en as string,
    registered: row.registered_households == null ? null : { households: Number(row.registered_households), asOf: row.registered_as_of as string },
    resident: row.resident_households == null ? null : { households: Number(row.resident_households), asOf: row.resident_as_of as string },
    hasComprehensiveCentre: row.has_centre as boolean,
    indoorM2: parseDecimal((row.indoor_m2 as string | null) ?? '0'),
    outdoorM2: parseDecimal((row.outdoor_m2 as string | null) ?? '0'),
    ruleAreas: Object.fromEntries(
      ruleList.map((rule, i) => [
        rule.code,
        {
          area: parseDecimal((row[`r${i}_area`] as string | null) ?? '0'),
          activity: parseDecimal((row[`r${i}_activity`] as string | null) ?? '0'),
          otherBasisSpaces: (row[`r${i}_other`] as string[] | null) ?? [],
        },
      ]),
    ),
  }));
}

async function townNames(executor: Executor, rows: { town_code: string }[]) {
  const codes = [...new Set(rows.map((row) => row.town_code))];
  const names = new Map<string, { nameZh: string; nameEn: string }>();
  if (codes.length === 0) return names;
  const found = (await executor.execute(sql`select code, name_zh, name_en from towns where code = any(${`{${codes.join(',')}}`}::text[])`)) as unknown as {
    code: string;
    name_zh: string;
    name_en: string;
  }[];
  for (const town of found) names.set(town.code, { nameZh: town.name_zh, nameEn: town.name_en });
  return names;
}

// ---------------------------------------------------------------------------------------------
// The history (compliance_history, migrations 0008 and 0009).

/** What the history keeps: the three use classes, indoors on building and usable area, outdoors on land. */
const HISTORY_USE_CLASSES = ['office', 'resident_activity', 'shared_auxiliary'] as const;
const HISTORY_BASES: Record<'indoor' | 'outdoor', readonly string[]> = { indoor: ['building', 'usable'], outdoor: ['land'] };

/** Whether every area rule counts only what compliance_history keeps. */
export function historyCovers(rules: Rule[]): boolean {
  return areaRules(rules).every(
    (rule) =>
      rule.areaBasis !== null &&
      HISTORY_BASES[settingOf(rule)].includes(rule.areaBasis) &&
      rule.useClasses.every((useClass) => (HISTORY_USE_CLASSES as readonly string[]).includes(useClass)),
  );
}

interface HistoryRow {
  id: string;
  code: string;
  name: string;
  kind: CommunityFacts['kind'];
  town_code: string;
  registered_households: number | null;
  registered_as_of: string | null;
  resident_households: number | null;
  resident_as_of: string | null;
  has_centre: boolean;
  indoor_m2: string;
  outdoor_m2: string;
  [column: `r${number}_${string}`]: unknown;
}

/** The sum of the history's columns for these use classes in one setting and basis (millionths of m²). */
function historyArea(setting: 'indoor' | 'outdoor', basis: string, useClasses: readonly string[]): SQL {
  const columns = [...new Set(useClasses)].map((useClass) => sql.raw(`coalesce(h.${setting}_${useClass}_${basis}, 0)`));
  return columns.length === 0 ? sql`0::bigint` : sql.join(columns, sql` + `);
}

/**
 * Every community in scope with its segment of the history at the date: one index lookup each.
 * Areas come back as millionths of a square metre (integers as text).
 */
export function historyFactsSql(rules: Rule[], scope: FactsScope): SQL {
  const asOf = sql`${scope.asOf}::date`;
  const columns = areaRules(rules).flatMap((rule, i) => {
    const setting = settingOf(rule);
    const basis = rule.areaBasis!;
    return [
      sql`(${historyArea(setting, basis, rule.useClasses)})::text as ${sql.raw(`r${i}_area`)}`,
      sql`(${historyArea(setting, basis, rule.useClasses.filter((useClass) => useClass === 'resident_activity'))})::text as ${sql.raw(`r${i}_activity`)}`,
      sql`coalesce(${sql.raw(`h.other_basis_${setting}_${basis}`)}, false) as ${sql.raw(`r${i}_other`)}`,
    ];
  });
  return sql`
    select c.id, c.code, c.name, c.kind, c.town_code,
           h.registered_households, h.registered_as_of::text as registered_as_of,
           h.resident_households, h.resident_as_of::text as resident_as_of,
           coalesce(h.has_centre, false) as has_centre,
           (${historyArea('indoor', 'building', HISTORY_USE_CLASSES)})::text as indoor_m2,
           (${historyArea('outdoor', 'land', HISTORY_USE_CLASSES)})::text as outdoor_m2
           ${columns.length > 0 ? sql`, ${sql.join(columns, sql`, `)}` : sql``}
      from communities c
      left join lateral (
        select * from compliance_history h
         where h.community_id = c.id and h.valid_from <= ${asOf}
         order by h.valid_from desc
         limit 1
      ) h on true
     ${scopeWhere(scope)}
     order by c.code`;
}

function scopeWhere(scope: FactsScope): SQL {
  const filters: SQL[] = [];
  if (scope.town !== undefined) filters.push(sql`c.town_code = ${scope.town}`);
  if (scope.codePrefix !== undefined) filters.push(sql`c.code >= ${scope.codePrefix} and c.code < ${nextPrefix(scope.codePrefix)}`);
  if (scope.communityIds !== undefined) filters.push(sql`c.id = any(${`{${scope.communityIds.join(',')}}`}::uuid[])`);
  return filters.length > 0 ? sql`where ${sql.join(filters, sql` and `)}` : sql``;
}

/** The query a report runs first (for the benchmark's SQL line). */
export function communityFactsSql(rules: Rule[], scope: FactsScope): SQL {
  return historyCovers(rules) ? historyFactsSql(rules, scope) : directFactsSql(rules, scope);
}

/**
 * The facts computed from the register itself: the reference the history is tested against, and
 * the query for rules the history does not keep (see historyCovers).
 */
export function directFactsSql(rules: Rule[], scope: FactsScope): SQL {
  const columns = ruleColumns(rules);
  const asOf = sql`${scope.asOf}::date`;
  // Only the filters that apply, so that each shape of report gets a plan of its own: a city's
  // walks the indexes from its communities; the whole register's reads each table once.
  const filters: SQL[] = [];
  if (scope.town !== undefined) filters.push(sql`c.town_code = ${scope.town}`);
  if (scope.codePrefix !== undefined) filters.push(sql`c.code >= ${scope.codePrefix} and c.code < ${nextPrefix(scope.codePrefix)}`);
  if (scope.communityIds !== undefined) filters.push(sql`c.id = any(${`{${scope.communityIds.join(',')}}`}::uuid[])`);
  const scoped = filters.length > 0;
  const isOpen = sql`(f.opened_on is null or f.opened_on <= ${asOf}) and (f.closed_on is null or f.closed_on > ${asOf})`;
  return sql`
    with scope as materialized (
      select c.id, c.code, c.name, c.kind, c.town_code
        from communities c
       ${scoped ? sql`where ${sql.join(filters, sql` and `)}` : sql``}
    ),
    valid_shares as materialized (
      select fs.facility_id, fs.community_id, fs.percent / 100 as fraction
        from facility_shares fs
       where fs.valid_from <= ${asOf} and (fs.valid_to is null or fs.valid_to >= ${asOf})
    ),
    -- Which communities in scope each open facility counts for: its host (100%) until shares are
    -- declared, then exactly the declared shares.
    served as materialized (
      select f.id as facility_id, f.kind, f.community_id, 1::numeric as fraction
        from facilities f
       where ${isOpen} ${scoped ? sql`and f.community_id in (select id from scope)` : sql``}
         and not exists (select 1 from valid_shares v where v.facility_id = f.id)
      union all
      select f.id, f.kind, v.community_id, v.fraction
        from valid_shares v
        join facilities f on f.id = v.facility_id
       where ${isOpen} ${scoped ? sql`and v.community_id in (select id from scope)` : sql``}
    ),
    -- Spaces counting at the date in facilities that count for the scope. A scoped report reads
    -- them once and looks up only their measurements; the whole register's joins them by hash.
    live_spaces as ${scoped ? sql`materialized` : sql`not materialized`} (
      select sp.id, sp.name, sp.facility_id, sp.setting, sp.use_class
        from spaces sp
       where (sp.retired_on is null or sp.retired_on > ${asOf})
             ${scoped ? sql`and sp.facility_id in (select facility_id from served)` : sql``}
    ),
    -- Each space's latest area on each basis, measured on or before the date: the first entry of
    -- each (space, basis) in area_measurements_latest_idx, so no sort is needed.
    latest as (
      select distinct on (m.space_id, m.basis) m.space_id, m.basis, m.area_m2
        from area_measurements m
       where m.measured_on <= ${asOf} ${scoped ? sql`and m.space_id in (select id from live_spaces)` : sql``}
       order by m.space_id, m.basis, m.measured_on desc, m.created_at desc
    ),
    measured as (
      select l.space_id,
             max(l.area_m2) filter (where l.basis = 'building') as building,
             max(l.area_m2) filter (where l.basis = 'usable') as usable,
             max(l.area_m2) filter (where l.basis = 'land') as land
        from latest l
       group by l.space_id
    ),
    measured_spaces as (
      select sp.id, sp.name, sp.facility_id, sp.setting, sp.use_class, ms.building, ms.usable, ms.land, ms.space_id is not null as measured
        from live_spaces sp
        left join measured ms on ms.space_id = sp.id
    ),
    areas as (
      select sv.community_id,
             coalesce(sum(ls.building * sv.fraction) filter (where ls.setting = 'indoor' and ls.use_class = any(${ELIGIBLE})), 0)::text as indoor_m2,
             coalesce(sum(ls.land * sv.fraction) filter (where ls.setting = 'outdoor' and ls.use_class = any(${ELIGIBLE})), 0)::text as outdoor_m2
             ${columns.length > 0 ? sql`, ${sql.join(columns, sql`, `)}` : sql``}
        from served sv
        join measured_spaces ls on ls.facility_id = sv.facility_id
       group by sv.community_id
    ),
    centres as (
      select distinct community_id from served where kind = 'comprehensive_centre'
    ),
    -- Each community's latest household count on each basis, dated on or before the date.
    counts as (
      select community_id,
             max(households) filter (where basis = 'registered') as registered_households,
             max(as_of) filter (where basis = 'registered') as registered_as_of,
             max(households) filter (where basis = 'resident') as resident_households,
             max(as_of) filter (where basis = 'resident') as resident_as_of
        from (select distinct on (hc.community_id, hc.basis) hc.community_id, hc.basis, hc.households, hc.as_of
                from household_counts hc
               where hc.as_of <= ${asOf} ${scoped ? sql`and hc.community_id in (select id from scope)` : sql``}
               order by hc.community_id, hc.basis, hc.as_of desc, hc.created_at desc) latest_counts
       group by community_id
    )
    select sc.id, sc.code, sc.name, sc.kind, sc.town_code, t.name_zh as town_name_zh, t.name_en as town_name_en,
           hh.registered_households, hh.registered_as_of::text as registered_as_of,
           hh.resident_households, hh.resident_as_of::text as resident_as_of,
           ce.community_id is not null as has_centre,
           a.*
      from scope sc
      join towns t on t.code = sc.town_code
      left join counts hh on hh.community_id = sc.id
      left join centres ce on ce.community_id = sc.id
      left join areas a on a.community_id = sc.id
     order by sc.code`;
}

/** The smallest string after every code that starts with `prefix` (digits only): '4419' → '4420'. */
export function nextPrefix(prefix: string): string {
  return (BigInt(prefix) + 1n).toString().padStart(prefix.length, '0');
}
