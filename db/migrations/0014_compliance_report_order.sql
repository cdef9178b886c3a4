-- A national compliance report reads every community's current segment in code order
-- (server/compliance/facts-query.ts, historyFactsSql). With the columns it reads included in the
-- code index, that is one pass over the index in order (an index-only scan) that streams rows as
-- it goes, instead of visiting the table in another order or sorting 615,000 rows before the
-- first one is sent. Same name and uniqueness as before; drizzle cannot express INCLUDE, so the
-- schema (db/schema/compliance-history.ts) names the index and this migration shapes it.
DROP INDEX "compliance_current_code_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "compliance_current_code_idx" ON "compliance_current" USING btree ("code") INCLUDE ("community_id", "name", "kind", "town_code", "valid_from", "facts", "other_basis_indoor_building", "other_basis_indoor_usable", "other_basis_outdoor_land");
