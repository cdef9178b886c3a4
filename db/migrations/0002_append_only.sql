-- History that must never be rewritten: the audit log and household counts.
-- A correction is a new row; these triggers refuse UPDATE, DELETE and TRUNCATE for every
-- role, the application's own included.
CREATE OR REPLACE FUNCTION linli_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION linli_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION linli_refuse_change();
--> statement-breakpoint
CREATE TRIGGER household_counts_append_only
  BEFORE UPDATE OR DELETE ON household_counts
  FOR EACH ROW EXECUTE FUNCTION linli_refuse_change();
--> statement-breakpoint
CREATE TRIGGER household_counts_no_truncate
  BEFORE TRUNCATE ON household_counts
  FOR EACH STATEMENT EXECUTE FUNCTION linli_refuse_change();
