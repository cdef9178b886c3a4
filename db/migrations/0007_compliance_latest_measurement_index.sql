-- The compliance report needs each space's latest measurement on each basis as of a date
-- (server/compliance/facts-query.ts, "latest"). In this order, with the area included, that is
-- the first entry of each (space, basis) in the index: a city's report reads a few index pages
-- per space without visiting the table, and the national report reads the index once in order
-- instead of sorting every measurement (bench/README.md has the figures before and after).
-- Drizzle cannot declare INCLUDE columns, so the index lives here only.
CREATE INDEX IF NOT EXISTS "area_measurements_latest_idx"
  ON "area_measurements" USING btree ("space_id", "basis", "measured_on" DESC, "created_at" DESC)
  INCLUDE ("area_m2");
