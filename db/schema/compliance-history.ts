import { bigint, boolean, date, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { communities } from './places';

// What the compliance report needs of each community, as a history of dated segments, so that a
// report as of any date reads one row per community instead of recomputing every facility,
// space, measurement, share and household count (docs/decisions/0003-compliance-history.md).
//
// Derived data, never written by the application: triggers on the register tables rebuild the
// history of every community a write can change, in the same statement (migration
// 0009_compliance_history_maintenance). `linli_compliance_history_rows(ids)` computes it from the
// register; a test compares reports read from it with reports computed directly.
//
// A segment holds from `valid_from` (the first segment of a community from '-infinity') until
// `valid_to` (exclusive; null for the current one). Areas are in millionths of a square metre
// (area × share is exact at 6 decimals), with shares applied; null means 0. Only the use
// classes and bases that rules can count from here are kept: office, residents' activity and
// shared auxiliary space, indoors on building and usable area, outdoors on land area. A rule
// that counts anything else is computed from the register directly (server/compliance/facts-query.ts).
export const complianceHistory = pgTable(
  'compliance_history',
  {
    communityId: uuid()
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    validFrom: date().notNull(),
    validTo: date(),
    /** The latest count on each basis dated on or before the day, and its date. */
    registeredHouseholds: integer(),
    registeredAsOf: date(),
    residentHouseholds: integer(),
    residentAsOf: date(),
    /** An open comprehensive centre counts for the community (hosted, or shared with a valid share). */
    hasCentre: boolean().notNull(),
    /**
     * Some counted space of the three use classes, in that setting, is measured but not on that
     * basis: the report then looks up the spaces' names (`measured_on_other_basis`).
     */
    otherBasisIndoorBuilding: boolean().notNull(),
    otherBasisIndoorUsable: boolean().notNull(),
    otherBasisOutdoorLand: boolean().notNull(),
    indoorOfficeBuilding: bigint({ mode: 'bigint' }),
    indoorResidentActivityBuilding: bigint({ mode: 'bigint' }),
    indoorSharedAuxiliaryBuilding: bigint({ mode: 'bigint' }),
    indoorOfficeUsable: bigint({ mode: 'bigint' }),
    indoorResidentActivityUsable: bigint({ mode: 'bigint' }),
    indoorSharedAuxiliaryUsable: bigint({ mode: 'bigint' }),
    outdoorOfficeLand: bigint({ mode: 'bigint' }),
    outdoorResidentActivityLand: bigint({ mode: 'bigint' }),
    outdoorSharedAuxiliaryLand: bigint({ mode: 'bigint' }),
  },
  (t) => [primaryKey({ name: 'compliance_history_pkey', columns: [t.communityId, t.validFrom] })],
);

// One row per community whose history has been built: rebuilding a community's history first
// updates its row here, so two transactions that change one community's register take turns
// (the second waits, then reads what the first committed).
export const complianceHistoryRefreshes = pgTable('compliance_history_refreshes', {
  communityId: uuid()
    .primaryKey()
    .references(() => communities.id, { onDelete: 'cascade' }),
  refreshedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
