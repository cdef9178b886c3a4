import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { AREA_COLUMNS } from '@/db/schema/compliance-history';
import { addMillionths, parseDecimal, toMillionths, type Millionths } from './decimal';
import { FIELD, SegmentLine } from './segment-line';
import { readInSnapshot, type EachRow } from './snapshot-reads';
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

/** Whether the space `table` (with setting and use_class) is of a kind the rule counts. */
function countedBy(rule: Rule, table: string): SQL {
  return sql`${sql.raw(table)}.setting = ${settingOf(rule)}::space_setting and ${sql.raw(table)}.use_class = any(${`{${rule.useClasses.join(',')}}`}::use_class[])`;
}

/** The facility `f` is open at the date. */
function facilityOpen(asOf: SQL): SQL {
  return sql`(f.opened_on is null or f.opened_on <= ${asOf}) and (f.closed_on is null or f.closed_on > ${asOf})`;
}

/** The facility share `table` is valid at the date (valid_to is its last day). */
function shareValid(table: string, asOf: SQL): SQL {
  return sql`${sql.raw(table)}.valid_from <= ${asOf} and (${sql.raw(table)}.valid_to is null or ${sql.raw(table)}.valid_to >= ${asOf})`;
}

/** The per-rule aggregate columns: area counted, activity area, spaces measured on other bases only. */
function ruleColumns(rules: Rule[]): SQL[] {
  return areaRules(rules).flatMap((rule, i) => {
    const basisArea = sql.raw(`ls.${rule.areaBasis}`);
    const applies = countedBy(rule, 'ls');
    return [
      sql`coalesce(sum(${basisArea} * sv.fraction) filter (where ${applies}), 0)::text as ${sql.raw(`r${i}_area`)}`,
      sql`coalesce(sum(${basisArea} * sv.fraction) filter (where ${applies} and ls.use_class = 'resident_activity'), 0)::text as ${sql.raw(`r${i}_activity`)}`,
      sql`coalesce(array_agg(distinct ls.name) filter (where ${applies} and ls.measured and ${basisArea} is null), '{}') as ${sql.raw(`r${i}_other`)}`,
    ];
  });
}

/** The rules that count areas, in order: rule i's columns in the facts queries are r{i}_area, r{i}_activity, r{i}_other. */
function areaRules(rules: Rule[]): Rule[] {
  return rules.filter((rule) => rule.scope === 'community' && AREA_METRICS.has(rule.metric));
}

/**
 * The facts of every community in scope as of `scope.asOf`, in code order. The definitions are in
 * docs/decisions/0002-compliance-definitions.md.
 */
export async function queryCommunityFacts(executor: Executor, rules: Rule[], scope: FactsScope): Promise<CommunityFacts[]> {
  const facts: CommunityFacts[] = [];
  await forEachCommunityFacts(executor, rules, scope, (community) => facts.push(community));
  return facts;
}

/**
 * Hands the facts of every community in scope to `visit` in code order, one at a time, so that a caller that only derives something from them keeps none. When
 * the history keeps what every rule counts (always, for the rule sets seeded), one segment per
 * community is read from compliance_history (docs/decisions/0007-compliance-history.md), with
 * the names of spaces measured on another basis where there are some; otherwise everything is
 * computed from the register.
 */
export async function forEachCommunityFacts(executor: Executor, rules: Rule[], scope: FactsScope, visit: (facts: CommunityFacts) => void): Promise<void> {
  if (!historyCovers(rules)) {
    for (const facts of await queryDirectFacts(executor, rules, scope)) visit(facts);
    return;
  }
  // Two statements (the towns, then the segments with the names of spaces measured on another
  // basis), one snapshot, as the single direct query had.
  await readInSnapshot(executor, (each) => visitHistoryFacts(each, rules, scope, visit));
}

interface Town {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** What to read of a line for one rule: its area fields, its activity field (or -1). */
interface RulePlan {
  code: string;
  area: number[];
  activity: number;
}

function rulePlan(rule: Rule): RulePlan {
  const setting = settingOf(rule);
  const field = (useClass: string) => FIELD.areas + AREA_COLUMNS.indexOf(`${setting}_${useClass}_${rule.areaBasis}` as (typeof AREA_COLUMNS)[number]);
  return {
    code: rule.code,
    area: [...new Set(rule.useClasses)].map(field),
    activity: rule.useClasses.includes('resident_activity') ? field('resident_activity') : -1,
  };
}

function sumFields(line: SegmentLine, fields: number[]): Millionths {
  let total: Millionths = 0;
  for (const field of fields) total = addMillionths(total, line.integer(field));
  return total;
}

async function visitHistoryFacts(each: EachRow, rules: Rule[], scope: FactsScope, visit: (facts: CommunityFacts) => void): Promise<void> {
  const ruleList = areaRules(rules);
  const plans = ruleList.map(rulePlan);
  const towns = new Map<string, Town>();
  const line = new SegmentLine();
  let town: Town | undefined;

  const readSegment = (row: { id: string; name: string; f: string; other: string | null }) => {
    line.read(row.f);
    // Names of spaces measured on another basis, per area rule: only where the segment says
    // there are some (a few percent of communities).
    const other = row.other === null ? null : (JSON.parse(row.other) as string[][]);
    const ruleAreas: CommunityFacts['ruleAreas'] = {};
    for (let i = 0; i < plans.length; i++) {
      const plan = plans[i]!;
      ruleAreas[plan.code] = { area: sumFields(line, plan.area), activity: plan.activity < 0 ? 0 : line.integer(plan.activity), otherBasisSpaces: other?.[i] ?? NO_SPACES };
    }
    // The towns were sent first on the connection, so every community's town is known here; in
    // code order most lines have the town of the line before.
    if (town === undefined || !line.is(FIELD.town, town.code)) town = towns.get(line.text(FIELD.town));
    visit({
      communityId: row.id,
      code: line.text(FIELD.code),
      name: row.name,
      kind: line.is(FIELD.kind, 'village') ? 'village' : 'community',
      townCode: town?.code ?? line.text(FIELD.town),
      townNameZh: town?.nameZh ?? '',
      townNameEn: town?.nameEn ?? '',
      registered: line.isEmpty(FIELD.registered) ? null : { households: Number(line.integer(FIELD.registered)), asOf: dayText(Number(line.integer(FIELD.registeredDays))) },
      resident: line.isEmpty(FIELD.resident) ? null : { households: Number(line.integer(FIELD.resident)), asOf: dayText(Number(line.integer(FIELD.residentDays))) },
      hasComprehensiveCentre: line.isSet(FIELD.centre),
      indoorM2: sumFields(line, INDOOR_FIELDS),
      outdoorM2: sumFields(line, OUTDOOR_FIELDS),
      ruleAreas,
    });
  };

  await Promise.all([
    each<{ code: string; name_zh: string; name_en: string }>(townsSql(scope), (town) => towns.set(town.code, { code: town.code, nameZh: town.name_zh, nameEn: town.name_en })),
    each(historyFactsSql(rules, scope), readSegment),
  ]);
}

/** Shared by every community with no space measured on another basis (never changed). */
const NO_SPACES: readonly string[] = Object.freeze([]);

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
    indoorM2: millionths(row.indoor_m2),
    outdoorM2: millionths(row.outdoor_m2),
    ruleAreas: Object.fromEntries(
      ruleList.map((rule, i) => [
        rule.code,
        {
          area: millionths(row[`r${i}_area`]),
          activity: millionths(row[`r${i}_activity`]),
          otherBasisSpaces: (row[`r${i}_other`] as string[] | null) ?? [],
        },
      ]),
    ),
  }));
}

/** A numeric column (m², null for none) in millionths. */
function millionths(value: unknown): Millionths {
  return toMillionths(parseDecimal((value as string | null) ?? '0'));
}

/** The towns of the communities in scope, for their names (every town, for the whole register). */
function townsSql(scope: FactsScope): SQL {
  if (!hasFilter(scope)) return sql`select t.code, t.name_zh, t.name_en from towns t`;
  return sql`select t.code, t.name_zh, t.name_en from towns t where t.code in (select cur.town_code from compliance_current cur ${scopeWhere(scope, 'cur')})`;
}

// ---------------------------------------------------------------------------------------------
// The history (compliance_history, migrations 0011 and 0012).

const days = new Map<number, string>();
/** 'YYYY-MM-DD' of a day counted from 2000-01-01 (how `facts` writes dates). */
function dayText(count: number): string {
  let text = days.get(count);
  if (text === undefined) {
    text = new Date(Date.UTC(2000, 0, 1) + count * 86_400_000).toISOString().slice(0, 10);
    days.set(count, text);
  }
  return text;
}

/** What the history keeps: the three use classes, indoors on building and usable area, outdoors on land. */
const HISTORY_USE_CLASSES = ['office', 'resident_activity', 'shared_auxiliary'] as const;
const HISTORY_BASES: Record<'indoor' | 'outdoor', readonly string[]> = { indoor: ['building', 'usable'], outdoor: ['land'] };

/** The fields of a history line holding the three use classes' areas in a setting on a basis. */
function areaFields(setting: 'indoor' | 'outdoor', basis: string): number[] {
  return HISTORY_USE_CLASSES.map((useClass) => FIELD.areas + AREA_COLUMNS.indexOf(`${setting}_${useClass}_${basis}` as (typeof AREA_COLUMNS)[number]));
}
/** indoorM2 and outdoorM2: eligible building area indoors, land area outdoors. */
const INDOOR_FIELDS = areaFields('indoor', 'building');
const OUTDOOR_FIELDS = areaFields('outdoor', 'land');

/** Whether every area rule counts only what compliance_history keeps. */
export function historyCovers(rules: Rule[]): boolean {
  return areaRules(rules).every(
    (rule) =>
      rule.areaBasis !== null &&
      HISTORY_BASES[settingOf(rule)].includes(rule.areaBasis) &&
      rule.useClasses.every((useClass) => (HISTORY_USE_CLASSES as readonly string[]).includes(useClass)),
  );
}

/**
 * Every community in scope with its segment of the history at the date: one pass over
 * compliance_current in code order (one row per community, with its code, name, kind and town),
 * looking in compliance_history only where the current segment began after the date. Each row
 * is the community's id, its name, one line of text — code | kind | town | the segment's `facts`
 * (segment-line.ts) — and `other`: null, or where the segment says some counted space is
 * measured but not on a rule's basis, the names of those spaces per area rule (otherBasisNames).
 * The id is a column of its own because the report keeps it: a string cut from the line would
 * keep the whole line in memory.
 */
export function historyFactsSql(rules: Rule[], scope: FactsScope): SQL {
  const asOf = sql`${scope.asOf}::date`;
  // The segment's flags that the rules read (other_basis_indoor_building, …), as columns of `seg`.
  const flag = (rule: Rule) => `other_basis_${settingOf(rule)}_${rule.areaBasis}`;
  const flags = [...new Set(areaRules(rules).map(flag))];
  const flagColumns = (table: string) => sql.raw(flags.map((name) => `, ${table}.${name}`).join(''));
  const flagged = sql.raw(flags.length > 0 ? flags.map((name) => `seg.${name}`).join(' or ') : 'false');
  // In code order from compliance_current_code_idx, which includes every column of
  // compliance_current read here (migration 0014): rows stream from the first one, with no sort,
  // and the names are looked up as the pass reaches each community that needs them. The current
  // segment, unless it began after the date: then the latest earlier one that began on or before
  // it, which holds on the date (a community's segments follow each other without gaps). A
  // community with no segment at the date (the history begins at -infinity, so none) is left out.
  return sql`
    select cur.community_id as id, cur.name, concat_ws('|', cur.code, cur.kind, cur.town_code, seg.facts) as f,
           case when ${flagged} then ${otherBasisNames(rules, sql`cur.community_id`, asOf, (rule) => sql.raw(`seg.${flag(rule)}`))} end as other
      from compliance_current cur
     cross join lateral (
       select cur.facts ${flagColumns('cur')} where cur.valid_from <= ${asOf}
       union all
       (select s.facts ${flagColumns('s')} from compliance_history s
         where cur.valid_from > ${asOf} and s.community_id = cur.community_id and s.valid_from <= ${asOf}
         order by s.valid_from desc limit 1)
     ) seg
     ${scopeWhere(scope, 'cur')}
     order by cur.code`;
}

/**
 * For one community (`community`, a column of the enclosing query): per area rule, the names of
 * the spaces counted at the date that are measured, but not on the rule's basis
 * (measured_on_other_basis), as the direct query names them (directFactsSql, r{i}_other) — as
 * JSON text, an array of arrays of names in the order of areaRules(rules).
 */
function otherBasisNames(rules: Rule[], community: SQL, asOf: SQL, flagged: (rule: Rule) => SQL): SQL {
  const ruleList = areaRules(rules);
  if (ruleList.length === 0) return sql`'[]'`;
  // The spaces a rule counts, where the segment says some are measured on another basis (where
  // it does not, there are none): only those spaces are looked up in area_measurements.
  const counted = ruleList.map(
    (rule) => sql`(${flagged(rule)} and ${countedBy(rule, 'sp')})`,
  );
  const isOpen = facilityOpen(asOf);
  const isValid = shareValid('v', asOf);
  return sql`(
    select json_build_array(${sql.join(
      ruleList.map((rule, i) => sql`coalesce(array_agg(distinct sp.name) filter (where ${counted[i]!} and sp.measured and not ${sql.raw(`sp.has_${rule.areaBasis}`)}), '{}')`),
      sql`, `,
    )})::text
      from (
        select sp.name, sp.setting, sp.use_class, x.*, x.has_building or x.has_usable or x.has_land as measured
          from (
            -- The facilities that count for the community: its own while no share of them is
            -- valid, and those it holds a valid share of.
            select f.id from facilities f
             where f.community_id = ${community} and ${isOpen}
               and not exists (select 1 from facility_shares v where v.facility_id = f.id and ${isValid})
            union all
            select f.id from facility_shares v join facilities f on f.id = v.facility_id
             where v.community_id = ${community} and ${isValid} and ${isOpen}
          ) served
          join spaces sp on sp.facility_id = served.id and (sp.retired_on is null or sp.retired_on > ${asOf})
          -- the bases it is measured on by the date, from one range of area_measurements_latest_idx
          cross join lateral (
            select coalesce(bool_or(m.basis = 'building'), false) as has_building, coalesce(bool_or(m.basis = 'usable'), false) as has_usable,
                   coalesce(bool_or(m.basis = 'land'), false) as has_land
              from area_measurements m where m.space_id = sp.id and m.measured_on <= ${asOf}
          ) x
         where ${sql.join(counted, sql` or `)}
      ) sp
  )`;
}

function hasFilter(scope: FactsScope): boolean {
  return scope.town !== undefined || scope.codePrefix !== undefined || scope.communityIds !== undefined;
}

function scopeWhere(scope: FactsScope, table = 'c'): SQL {
  const column = (name: string) => sql.raw(`${table}.${name}`);
  const id = table === 'c' ? 'id' : 'community_id';
  const filters: SQL[] = [];
  if (scope.town !== undefined) filters.push(sql`${column('town_code')} = ${scope.town}`);
  if (scope.codePrefix !== undefined) filters.push(sql`${column('code')} >= ${scope.codePrefix} and ${column('code')} < ${nextPrefix(scope.codePrefix)}`);
  if (scope.communityIds !== undefined) filters.push(sql`${column(id)} = any(${`{${scope.communityIds.join(',')}}`}::uuid[])`);
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
  const isOpen = facilityOpen(asOf);
  return sql`
    with scope as materialized (
      select c.id, c.code, c.name, c.kind, c.town_code
        from communities c
       ${scoped ? sql`where ${sql.join(filters, sql` and `)}` : sql``}
    ),
    valid_shares as materialized (
      select fs.facility_id, fs.community_id, fs.percent / 100 as fraction
        from facility_shares fs
       where ${shareValid('fs', asOf)}
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
