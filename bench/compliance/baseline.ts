import { nextPrefix } from '../../server/compliance/facts-query';

/**
 * The yardstick: the smallest honest SQL over the same data — each community's latest building
 * area summed over its own spaces, and its latest registered household count. No shares, use
 * classes, opening dates, bases or roll-ups: what the database costs before any of the rules.
 */
export function minimalAggregateSql(asOf: string, codePrefix?: string): { text: string; params: string[] } {
  const params = codePrefix ? [asOf, codePrefix, nextPrefix(codePrefix)] : [asOf];
  const scoped = codePrefix !== undefined;
  const text = `
    with scope as (
      select c.id, c.code from communities c ${scoped ? 'where c.code >= $2 and c.code < $3' : ''}
    ),
    latest as (
      select distinct on (m.space_id) m.space_id, m.community_id, m.area_m2
        from area_measurements m
       where m.basis = 'building' and m.measured_on <= $1::date ${scoped ? 'and m.community_id in (select id from scope)' : ''}
       order by m.space_id, m.measured_on desc, m.created_at desc
    ),
    areas as (
      select community_id, sum(area_m2) as building_m2 from latest group by community_id
    ),
    counts as (
      select distinct on (hc.community_id) hc.community_id, hc.households
        from household_counts hc
       where hc.basis = 'registered' and hc.as_of <= $1::date ${scoped ? 'and hc.community_id in (select id from scope)' : ''}
       order by hc.community_id, hc.as_of desc, hc.created_at desc
    )
    select s.id, s.code, a.building_m2, h.households
      from scope s
      left join areas a on a.community_id = s.id
      left join counts h on h.community_id = s.id
     order by s.code`;
  return { text, params };
}
