-- The compliance history (tables compliance_current and compliance_history, migration 0011): how
-- it is computed from the
-- register, the triggers that keep it equal to the register in the same statement as every
-- write, and its first build. The definitions it follows are in
-- docs/decisions/0002-compliance-definitions.md; why it exists is in 0007-compliance-history.md.
--
-- linli_compliance_history_rows(ids) computes the history of the communities `ids` (all when
-- null) as a sweep over dated events: each fact the report needs is a sum of terms that each hold
-- over one date range (a measurement's area times a facility's share while the measurement is the
-- latest, the space counts and the facility serves the community; a household count while it is
-- the latest; a centre while it serves). A term adds its value where its range starts and
-- subtracts it where it ends; the running sums at each date where anything starts or ends are the
-- facts from that date on. Consecutive segments with equal facts are merged.
--
-- The date ranges follow the definitions exactly:
--   facility open      [opened_on, closed_on)           (no opened_on: from -infinity)
--   share valid        [valid_from, valid_to + 1)
--   host counts 100%   while open and no share of the facility is valid
--   space counts       [-infinity, retired_on)
--   a measurement      from its date until the next later date on the same space and basis
--                      (on one date, the latest recorded wins, as in the report's query)
--   measured, but not  [first measurement on any basis, first on this basis)
--     on this basis
--   household count    from its date until the next later count on the same basis
CREATE OR REPLACE FUNCTION linli_compliance_history_rows(target uuid[])
RETURNS TABLE (
  community_id uuid, valid_from date, valid_to date,
  registered_households integer, registered_as_of date, resident_households integer, resident_as_of date,
  has_centre boolean, other_basis_indoor_building boolean, other_basis_indoor_usable boolean, other_basis_outdoor_land boolean,
  indoor_office_building bigint, indoor_resident_activity_building bigint, indoor_shared_auxiliary_building bigint,
  indoor_office_usable bigint, indoor_resident_activity_usable bigint, indoor_shared_auxiliary_usable bigint,
  outdoor_office_land bigint, outdoor_resident_activity_land bigint, outdoor_shared_auxiliary_land bigint
)
LANGUAGE plpgsql STABLE AS $fn$
BEGIN
  RETURN QUERY EXECUTE format($q$
    with
    fac as (
      select f.id, f.kind, f.community_id,
             daterange(coalesce(f.opened_on, '-infinity'), coalesce(f.closed_on, 'infinity')) as open
        from facilities f
       where %1$s
    ),
    -- Shares in hundredths of a percent (10000 = 100%%), so area in cents × share is millionths.
    shares as (
      select s.facility_id, s.community_id, (s.percent * 100)::bigint as share,
             daterange(s.valid_from, coalesce(s.valid_to + 1, 'infinity')) as valid
        from facility_shares s
       where %2$s
    ),
    -- When, and in what share, each facility counts for each community.
    served as (
      select f.id as facility_id, f.kind, f.community_id, 10000::bigint as share, x.during
        from fac f
        left join (select facility_id, range_agg(valid) as valid from shares group by facility_id) u on u.facility_id = f.id
        cross join lateral unnest(datemultirange(f.open) - coalesce(u.valid, '{}'::datemultirange)) as x(during)
       where %3$s
      union all
      select f.id, f.kind, s.community_id, s.share, f.open * s.valid
        from shares s
        join fac f on f.id = s.facility_id
       where not isempty(f.open * s.valid) and %4$s
    ),
    -- Spaces of the use classes kept here; slot: 0–2 indoor office / activity / auxiliary, 6–8 outdoor.
    sp as (
      select sp.id, sp.facility_id,
             case sp.setting when 'indoor' then 0 else 6 end + case sp.use_class when 'office' then 0 when 'resident_activity' then 1 else 2 end as slot,
             sp.setting = 'indoor' as indoor,
             daterange('-infinity', coalesce(sp.retired_on, 'infinity')) as live
        from spaces sp
       where sp.use_class in ('office', 'resident_activity', 'shared_auxiliary') and %5$s
    ),
    -- Each measurement's range as the latest on its space and basis (the next later date ends
    -- it; on one date the first in (created_at desc) order wins, the others get an empty range),
    -- and each space's first measurement date, overall and on each basis.
    meas as (
      select m.space_id, m.basis, m.area_m2,
             daterange(m.measured_on, coalesce(lag(m.measured_on) over w, 'infinity')) as latest,
             row_number() over (s order by m.basis, m.measured_on desc, m.created_at desc) = 1 as first_row,
             min(m.measured_on) over s as first_any,
             min(m.measured_on) filter (where m.basis = 'building') over s as first_building,
             min(m.measured_on) filter (where m.basis = 'usable') over s as first_usable,
             min(m.measured_on) filter (where m.basis = 'land') over s as first_land
        from area_measurements m
       where %6$s
      window s as (partition by m.space_id), w as (partition by m.space_id, m.basis order by m.measured_on desc, m.created_at desc)
    ),
    spaced as (
      select sv.community_id, sv.share, sv.during * s.live as during, s.slot, s.indoor, g.*
        from served sv
        join sp s on s.facility_id = sv.facility_id
        join meas g on g.space_id = s.id
    ),
    -- The terms, by key: 0–8 areas (slot, +3 for indoor usable), 9–11 spaces measured but not on
    -- indoor building / indoor usable / outdoor land, 12 centres, 13–15 registered households,
    -- their date (days after 2000-01-01) and presence, 16–18 the same for resident households.
    terms as (
      select community_id, slot + case basis when 'usable' then 3 else 0 end as key, (area_m2 * 100)::bigint * share as v, during * latest as during
        from spaced
       where case when indoor then basis <> 'land' else basis = 'land' end
      union all
      select community_id, 9, 1, during * daterange(first_any, coalesce(first_building, 'infinity')) from spaced where first_row and indoor
      union all
      select community_id, 10, 1, during * daterange(first_any, coalesce(first_usable, 'infinity')) from spaced where first_row and indoor
      union all
      select community_id, 11, 1, during * daterange(first_any, coalesce(first_land, 'infinity')) from spaced where first_row and not indoor
      union all
      select community_id, 12, 1, during from served where kind = 'comprehensive_centre'
      union all
      select hc.community_id, case hc.basis when 'registered' then 13 else 16 end + x.k, x.v, hc.during
        from (
          select hc.community_id, hc.basis, hc.households, hc.as_of,
                 daterange(hc.as_of, coalesce(lag(hc.as_of) over w, 'infinity')) as during
            from household_counts hc
           where %7$s
          window w as (partition by hc.community_id, hc.basis order by hc.as_of desc, hc.created_at desc)
        ) hc
        cross join lateral (values (0, hc.households::bigint), (1, (hc.as_of - date '2000-01-01')::bigint), (2, 1::bigint)) as x(k, v)
    ),
    events as (
      select community_id, lower(during) as d, key, v from terms where not isempty(during)
      union all
      select community_id, upper(during), key, -v from terms where not isempty(during) and upper(during) <> 'infinity'
      union all
      -- every community has a first segment, from -infinity (an empty one if nothing is registered)
      select c.id, '-infinity', -1, 0 from communities c where %8$s
    ),
    steps as (
      select community_id, d,
             sum(v) filter (where key = 0) as a0, sum(v) filter (where key = 1) as a1, sum(v) filter (where key = 2) as a2,
             sum(v) filter (where key = 3) as a3, sum(v) filter (where key = 4) as a4, sum(v) filter (where key = 5) as a5,
             sum(v) filter (where key = 6) as a6, sum(v) filter (where key = 7) as a7, sum(v) filter (where key = 8) as a8,
             sum(v::int) filter (where key = 9) as o0, sum(v::int) filter (where key = 10) as o1, sum(v::int) filter (where key = 11) as o2,
             sum(v::int) filter (where key = 12) as centres,
             sum(v::int) filter (where key = 13) as rh, sum(v::int) filter (where key = 14) as rd, sum(v::int) filter (where key = 15) as rn,
             sum(v::int) filter (where key = 16) as sh, sum(v::int) filter (where key = 17) as sd, sum(v::int) filter (where key = 18) as sn
        from events
       group by community_id, d
    ),
    running as (
      select community_id, d,
             coalesce(sum(a0) over w, 0) as a0, coalesce(sum(a1) over w, 0) as a1, coalesce(sum(a2) over w, 0) as a2,
             coalesce(sum(a3) over w, 0) as a3, coalesce(sum(a4) over w, 0) as a4, coalesce(sum(a5) over w, 0) as a5,
             coalesce(sum(a6) over w, 0) as a6, coalesce(sum(a7) over w, 0) as a7, coalesce(sum(a8) over w, 0) as a8,
             coalesce(sum(o0) over w, 0) as o0, coalesce(sum(o1) over w, 0) as o1, coalesce(sum(o2) over w, 0) as o2,
             coalesce(sum(centres) over w, 0) as centres,
             sum(rh) over w as rh, sum(rd) over w as rd, coalesce(sum(rn) over w, 0) as rn,
             sum(sh) over w as sh, sum(sd) over w as sd, coalesce(sum(sn) over w, 0) as sn
        from steps
      window w as (partition by community_id order by d)
    ),
    facts as (
      select community_id, d,
             row(case when rn > 0 then rh end, case when rn > 0 then rd end, case when sn > 0 then sh end, case when sn > 0 then sd end,
                 centres > 0, o0 > 0, o1 > 0, o2 > 0, a0, a1, a2, a3, a4, a5, a6, a7, a8) as f
        from running
    ),
    changes as (
      select community_id, d, f
        from (select community_id, d, f, f is distinct from lag(f) over (partition by community_id order by d) as changed from facts) x
       where changed
    )
    select community_id, d, lead(d) over (partition by community_id order by d),
           (f).f1::int, date '2000-01-01' + (f).f2::int, (f).f3::int, date '2000-01-01' + (f).f4::int,
           (f).f5, (f).f6, (f).f7, (f).f8,
           nullif((f).f9, 0)::bigint, nullif((f).f10, 0)::bigint, nullif((f).f11, 0)::bigint,
           nullif((f).f12, 0)::bigint, nullif((f).f13, 0)::bigint, nullif((f).f14, 0)::bigint,
           nullif((f).f15, 0)::bigint, nullif((f).f16, 0)::bigint, nullif((f).f17, 0)::bigint
      from changes
  $q$,
    CASE WHEN target IS NULL THEN 'true' ELSE 'f.id in (select h.id from facilities h where h.community_id = any($1) union select s.facility_id from facility_shares s where s.community_id = any($1))' END,
    CASE WHEN target IS NULL THEN 'true' ELSE 's.facility_id in (select id from fac)' END,
    CASE WHEN target IS NULL THEN 'true' ELSE 'f.community_id = any($1)' END,
    CASE WHEN target IS NULL THEN 'true' ELSE 's.community_id = any($1)' END,
    CASE WHEN target IS NULL THEN 'true' ELSE 'sp.facility_id in (select facility_id from served)' END,
    CASE WHEN target IS NULL THEN 'true' ELSE 'm.space_id in (select id from sp)' END,
    CASE WHEN target IS NULL THEN 'true' ELSE 'hc.community_id = any($1)' END,
    CASE WHEN target IS NULL THEN 'true' ELSE 'c.id = any($1)' END
  ) USING target;
END;
$fn$;
--> statement-breakpoint

-- Rebuilds the history of the communities `target` (every community when null). Each
-- community's row in compliance_history_refreshes is updated first: a second transaction
-- rebuilding the same community waits for the first to commit and then (read committed) reads
-- what it committed; under repeatable read it fails with a serialization error instead of
-- writing a stale history.
CREATE OR REPLACE FUNCTION linli_compliance_history_refresh(target uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  old_work_mem text := current_setting('work_mem');
  old_hashagg text := current_setting('enable_hashagg');
BEGIN
  IF target IS NULL THEN
    -- Everything: one sweep sorted by community and date, with room to sort in memory.
    LOCK TABLE compliance_current, compliance_history, compliance_history_refreshes IN EXCLUSIVE MODE;
    PERFORM set_config('work_mem', '256MB', true);
    PERFORM set_config('enable_hashagg', 'off', true);
    DELETE FROM compliance_current;
    DELETE FROM compliance_history;
    WITH segment AS (SELECT * FROM linli_compliance_history_rows(NULL)),
         current AS (
           INSERT INTO compliance_current (community_id, valid_from, valid_to, registered_households, registered_as_of, resident_households, resident_as_of, has_centre, other_basis_indoor_building, other_basis_indoor_usable, other_basis_outdoor_land, indoor_office_building, indoor_resident_activity_building, indoor_shared_auxiliary_building, indoor_office_usable, indoor_resident_activity_usable, indoor_shared_auxiliary_usable, outdoor_office_land, outdoor_resident_activity_land, outdoor_shared_auxiliary_land, code, name, kind, town_code)
           SELECT s.*, c.code, c.name, c.kind, c.town_code FROM segment s JOIN communities c ON c.id = s.community_id WHERE s.valid_to IS NULL)
    INSERT INTO compliance_history (community_id, valid_from, valid_to, registered_households, registered_as_of, resident_households, resident_as_of, has_centre, other_basis_indoor_building, other_basis_indoor_usable, other_basis_outdoor_land, indoor_office_building, indoor_resident_activity_building, indoor_shared_auxiliary_building, indoor_office_usable, indoor_resident_activity_usable, indoor_shared_auxiliary_usable, outdoor_office_land, outdoor_resident_activity_land, outdoor_shared_auxiliary_land)
    SELECT * FROM segment WHERE valid_to IS NOT NULL;
    INSERT INTO compliance_history_refreshes (community_id)
    SELECT id FROM communities
    ON CONFLICT (community_id) DO UPDATE SET refreshed_at = now();
    PERFORM set_config('work_mem', old_work_mem, true);
    PERFORM set_config('enable_hashagg', old_hashagg, true);
    RETURN;
  END IF;
  IF cardinality(target) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO compliance_history_refreshes (community_id)
  SELECT c.id FROM communities c WHERE c.id = ANY (target) ORDER BY c.id
  ON CONFLICT (community_id) DO UPDATE SET refreshed_at = now();
  DELETE FROM compliance_current WHERE community_id = ANY (target);
  DELETE FROM compliance_history WHERE community_id = ANY (target);
  WITH segment AS (SELECT * FROM linli_compliance_history_rows(target)),
       current AS (
         INSERT INTO compliance_current (community_id, valid_from, valid_to, registered_households, registered_as_of, resident_households, resident_as_of, has_centre, other_basis_indoor_building, other_basis_indoor_usable, other_basis_outdoor_land, indoor_office_building, indoor_resident_activity_building, indoor_shared_auxiliary_building, indoor_office_usable, indoor_resident_activity_usable, indoor_shared_auxiliary_usable, outdoor_office_land, outdoor_resident_activity_land, outdoor_shared_auxiliary_land, code, name, kind, town_code)
         SELECT s.*, c.code, c.name, c.kind, c.town_code FROM segment s JOIN communities c ON c.id = s.community_id WHERE s.valid_to IS NULL)
  INSERT INTO compliance_history (community_id, valid_from, valid_to, registered_households, registered_as_of, resident_households, resident_as_of, has_centre, other_basis_indoor_building, other_basis_indoor_usable, other_basis_outdoor_land, indoor_office_building, indoor_resident_activity_building, indoor_shared_auxiliary_building, indoor_office_usable, indoor_resident_activity_usable, indoor_shared_auxiliary_usable, outdoor_office_land, outdoor_resident_activity_land, outdoor_shared_auxiliary_land)
  SELECT * FROM segment WHERE valid_to IS NOT NULL;
END;
$$;
--> statement-breakpoint

-- Rebuilds what a write to facilities `facility_ids` can change (every community they serve or
-- are shared with), and the communities `community_ids`. The hosts are taken in turn first, so
-- that a concurrent change to a facility's shares is committed before its communities are listed.
CREATE OR REPLACE FUNCTION linli_compliance_history_refresh_for(facility_ids uuid[], community_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  hosts uuid[];
BEGIN
  hosts := array(SELECT f.community_id FROM facilities f WHERE f.id = ANY (coalesce(facility_ids, '{}')))
           || coalesce(community_ids, '{}');
  INSERT INTO compliance_history_refreshes (community_id)
  SELECT DISTINCT c.id FROM communities c WHERE c.id = ANY (hosts) ORDER BY c.id
  ON CONFLICT (community_id) DO UPDATE SET refreshed_at = now();
  PERFORM linli_compliance_history_refresh(array(
    SELECT DISTINCT x FROM unnest(hosts || array(SELECT s.community_id FROM facility_shares s WHERE s.facility_id = ANY (coalesce(facility_ids, '{}')))) AS x));
END;
$$;
--> statement-breakpoint

-- After each statement that writes to the register: what did it touch?
CREATE OR REPLACE FUNCTION linli_compliance_history_after_write() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  facility_ids uuid[];
  community_ids uuid[];
BEGIN
  IF TG_TABLE_NAME = 'communities' THEN
    IF TG_OP = 'INSERT' THEN
      community_ids := array(SELECT id FROM new_rows);
    ELSE
      -- What the report shows of a community comes with its current segment.
      UPDATE compliance_current cur
         SET code = n.code, name = n.name, kind = n.kind, town_code = n.town_code
        FROM new_rows n
       WHERE cur.community_id = n.id
         AND (cur.code, cur.name, cur.kind, cur.town_code) IS DISTINCT FROM (n.code, n.name, n.kind, n.town_code);
    END IF;
  ELSIF TG_TABLE_NAME = 'household_counts' THEN
    community_ids := array(SELECT DISTINCT community_id FROM new_rows);
  ELSIF TG_TABLE_NAME = 'area_measurements' THEN
    facility_ids := array(SELECT DISTINCT sp.facility_id FROM (SELECT DISTINCT space_id FROM new_rows) n JOIN spaces sp ON sp.id = n.space_id);
  ELSIF TG_TABLE_NAME = 'spaces' THEN
    -- A new space has no measurement yet; a deleted one had none (measurements refer to it).
    IF TG_OP = 'UPDATE' THEN
      facility_ids := array(
        SELECT DISTINCT x FROM old_rows o JOIN new_rows n ON n.id = o.id
         CROSS JOIN LATERAL (VALUES (o.facility_id), (n.facility_id)) AS f(x)
         WHERE (o.facility_id, o.setting, o.use_class, o.name, o.retired_on) IS DISTINCT FROM (n.facility_id, n.setting, n.use_class, n.name, n.retired_on));
    END IF;
  ELSIF TG_TABLE_NAME = 'facilities' THEN
    IF TG_OP = 'INSERT' THEN
      community_ids := array(SELECT DISTINCT community_id FROM new_rows WHERE kind = 'comprehensive_centre');
    ELSIF TG_OP = 'DELETE' THEN
      community_ids := array(SELECT DISTINCT community_id FROM old_rows);
    ELSE
      facility_ids := array(
        SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
         WHERE (o.kind, o.opened_on, o.closed_on, o.community_id) IS DISTINCT FROM (n.kind, n.opened_on, n.closed_on, n.community_id));
      community_ids := array(
        SELECT o.community_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.community_id IS DISTINCT FROM n.community_id);
    END IF;
  ELSIF TG_TABLE_NAME = 'facility_shares' THEN
    IF TG_OP <> 'DELETE' THEN
      facility_ids := array(SELECT DISTINCT facility_id FROM new_rows);
      community_ids := array(SELECT DISTINCT community_id FROM new_rows);
    END IF;
    IF TG_OP <> 'INSERT' THEN
      facility_ids := coalesce(facility_ids, '{}') || array(SELECT DISTINCT facility_id FROM old_rows);
      community_ids := coalesce(community_ids, '{}') || array(SELECT DISTINCT community_id FROM old_rows);
    END IF;
  END IF;
  IF cardinality(facility_ids) > 0 OR cardinality(community_ids) > 0 THEN
    PERFORM linli_compliance_history_refresh_for(facility_ids, community_ids);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER compliance_history_after_insert AFTER INSERT ON communities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION linli_compliance_history_after_write();
--> statement-breakpoint
CREATE TRIGGER compliance_history_after_update AFTER UPDATE ON communities
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION linli_compliance_history_after_write();
--> statement-breakpoint
CREATE TRIGGER compliance_history_after_insert AFTER INSERT ON area_measurements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION linli_compliance_history_after_write();
--> statement-breakpoint
CREATE TRIGGER compliance_history_after_insert AFTER INSERT ON household_counts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION linli_compliance_history_after_write();
--> statement-breakpoint
CREATE TRIGGER compliance_history_after_update AFTER UPDATE ON spaces
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION linli_compliance_history_after_write();
--> statement-breakpoint
CREATE TRIGGER compliance_history_after_insert AFTER INSERT ON facilities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION linli_compliance_history_after_write();
--> statement-breakpoint
CREATE TRIGGER compliance_history_after_update AFTER UPDATE ON facilities
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION linli_compliance_history_after_write();
--> statement-breakpoint
CREATE TRIGGER compliance_history_after_delete AFTER DELETE ON facilities
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION linli_compliance_history_after_write();
--> statement-breakpoint
CREATE TRIGGER compliance_history_after_insert AFTER INSERT ON facility_shares
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION linli_compliance_history_after_write();
--> statement-breakpoint
CREATE TRIGGER compliance_history_after_update AFTER UPDATE ON facility_shares
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION linli_compliance_history_after_write();
--> statement-breakpoint
CREATE TRIGGER compliance_history_after_delete AFTER DELETE ON facility_shares
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION linli_compliance_history_after_write();
--> statement-breakpoint

-- Measurements and household counts are append-only (UPDATE and DELETE are refused), and a new
-- or deleted space has no measurement: no other write changes the history.

-- The first build, from the register as it stands.
SELECT linli_compliance_history_refresh(NULL);
--> statement-breakpoint
ANALYZE compliance_current, compliance_history;
