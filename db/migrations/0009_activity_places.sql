-- Places on each activity session are counted on the session row, in the same statement as the
-- sign-up that changes them, so the CHECK activity_sessions_places (confirmed <= capacity) makes
-- the database refuse any sign-up, promotion or capacity change that would overfill a session.
-- Places taken: confirmed, attended and absent (a no-show still held a place).
CREATE OR REPLACE FUNCTION linli_signup_counts() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  old_taken int := 0; old_waiting int := 0; new_taken int := 0; new_waiting int := 0;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    old_taken := CASE WHEN OLD.status IN ('confirmed', 'attended', 'absent') THEN 1 ELSE 0 END;
    old_waiting := CASE WHEN OLD.status = 'waitlisted' THEN 1 ELSE 0 END;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    new_taken := CASE WHEN NEW.status IN ('confirmed', 'attended', 'absent') THEN 1 ELSE 0 END;
    new_waiting := CASE WHEN NEW.status = 'waitlisted' THEN 1 ELSE 0 END;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.session_id <> NEW.session_id THEN
    RAISE EXCEPTION 'a sign-up cannot move to another session' USING ERRCODE = 'check_violation';
  END IF;
  IF new_taken <> old_taken OR new_waiting <> old_waiting THEN
    UPDATE activity_sessions
       SET confirmed = confirmed + new_taken - old_taken,
           waitlisted = waitlisted + new_waiting - old_waiting
     WHERE id = COALESCE(NEW.session_id, OLD.session_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER signups_counts
  AFTER INSERT OR UPDATE OF status, session_id OR DELETE ON signups
  FOR EACH ROW EXECUTE FUNCTION linli_signup_counts();
--> statement-breakpoint
-- A waitlisted sign-up has the time it joined; the others' history is kept as it was.
ALTER TABLE signups ADD CONSTRAINT signups_waitlisted_at
  CHECK (status <> 'waitlisted' OR waitlisted_at IS NOT NULL);
