-- No room is ever double-booked: the database refuses any two occupancies of one room whose
-- [start, end) ranges overlap, whoever inserts them and however concurrently (SQLSTATE 23P01).
-- Back-to-back ranges ([09:00, 10:00) and [10:00, 11:00)) do not overlap.
ALTER TABLE occupancies
  ADD CONSTRAINT occupancies_no_overlap EXCLUDE USING gist (space_id WITH =, during WITH &&);
--> statement-breakpoint
-- Every facility starts with the default booking rules, so a new facility is bookable at once.
INSERT INTO booking_rules (facility_id, community_id)
  SELECT id, community_id FROM facilities ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION linli_default_booking_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO booking_rules (facility_id, community_id) VALUES (NEW.id, NEW.community_id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER facilities_default_booking_rules
  AFTER INSERT ON facilities
  FOR EACH ROW EXECUTE FUNCTION linli_default_booking_rules();
