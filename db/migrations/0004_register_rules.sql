-- Rules the register's data must never break, kept by the database itself.

-- Area measurements are history: a correction is a new measurement. Rule-set versions are
-- immutable: a change is a new version, so an old report can always be recomputed.
CREATE TRIGGER area_measurements_append_only
  BEFORE UPDATE OR DELETE ON area_measurements
  FOR EACH ROW EXECUTE FUNCTION linli_refuse_change();
--> statement-breakpoint
CREATE TRIGGER area_measurements_no_truncate
  BEFORE TRUNCATE ON area_measurements
  FOR EACH STATEMENT EXECUTE FUNCTION linli_refuse_change();
--> statement-breakpoint
CREATE TRIGGER rule_sets_immutable
  BEFORE UPDATE OR DELETE ON rule_sets
  FOR EACH ROW EXECUTE FUNCTION linli_refuse_change();
--> statement-breakpoint
CREATE TRIGGER rules_immutable
  BEFORE UPDATE OR DELETE ON rules
  FOR EACH ROW EXECUTE FUNCTION linli_refuse_change();
--> statement-breakpoint

-- One facility's shares may not exceed 100% on any day, so no square metre counts twice.
-- The total over days peaks on some share's first day, so only those days are checked.
-- Locking the facility row serialises concurrent changes to its shares; each statement in
-- this (volatile) function sees rows committed before the lock was granted.
CREATE OR REPLACE FUNCTION linli_check_facility_shares() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  facility uuid;
  worst_day date;
  worst_total numeric;
BEGIN
  FOR facility IN
    SELECT DISTINCT f FROM (VALUES
      (CASE WHEN TG_OP <> 'INSERT' THEN OLD.facility_id END),
      (CASE WHEN TG_OP <> 'DELETE' THEN NEW.facility_id END)) AS changed(f)
    WHERE f IS NOT NULL
  LOOP
    PERFORM 1 FROM facilities WHERE id = facility FOR UPDATE;
    SELECT day.valid_from, sum(share.percent) INTO worst_day, worst_total
      FROM (SELECT DISTINCT valid_from FROM facility_shares WHERE facility_id = facility) AS day
      JOIN facility_shares AS share
        ON share.facility_id = facility
       AND share.valid_from <= day.valid_from
       AND (share.valid_to IS NULL OR share.valid_to >= day.valid_from)
     GROUP BY day.valid_from
     ORDER BY 2 DESC
     LIMIT 1;
    IF worst_total > 100 THEN
      RAISE EXCEPTION 'facility % shares total % %% on %', facility, worst_total, worst_day
        USING ERRCODE = 'check_violation', CONSTRAINT = 'facility_shares_total_at_most_100';
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER facility_shares_total_at_most_100
  AFTER INSERT OR UPDATE OR DELETE ON facility_shares
  FOR EACH ROW EXECUTE FUNCTION linli_check_facility_shares();
