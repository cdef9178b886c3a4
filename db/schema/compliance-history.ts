import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { communityKindEnum } from './enums';
import { communities } from './places';

// What the compliance report needs of each community, as a history of dated segments, so that a
// report as of any date reads one row per community instead of recomputing every facility,
// space, measurement, share and household count (docs/decisions/0007-compliance-history.md).
//
// Derived data, never written by the application: triggers on the register tables rebuild the
// history of every community a write can change, in the same statement (migration
// 0012_compliance_history_maintenance). `linli_compliance_history_rows(ids)` computes it from the
// register; a test compares reports read from it with reports computed directly.
//
// A segment holds from `valid_from` (the first segment of a community from '-infinity') until
// `valid_to` (exclusive; null for the current one). The current segments live in
// compliance_current, one row per community, so that a national report as of a recent date
// reads 615,000 compact rows in code order; the earlier ones in compliance_history. Areas are in millionths of a square metre
// (area × share is exact at 6 decimals), with shares applied; null means 0. Only the use
// classes and bases that rules can count from here are kept: office, residents' activity and
// shared auxiliary space, indoors on building and usable area, outdoors on land area. A rule
// that counts anything else is computed from the register directly (server/compliance/facts-query.ts).
/** The nine area columns, in the order `facts` lists them. */
export const AREA_COLUMNS = [
  'indoor_office_building',
  'indoor_resident_activity_building',
  'indoor_shared_auxiliary_building',
  'indoor_office_usable',
  'indoor_resident_activity_usable',
  'indoor_shared_auxiliary_usable',
  'outdoor_office_land',
  'outdoor_resident_activity_land',
  'outdoor_shared_auxiliary_land',
] as const;

const segmentColumns = () => ({
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
  /**
   * The facts above as one line of text, for reading many segments fast: households | their date
   * (days after 2000-01-01) | resident households | date | centre | the three other-basis flags
   * ('1' or '') | the nine areas, in the order of the columns; '' for null.
   */
  facts: text()
    .notNull()
    .generatedAlwaysAs(
      sql.raw(
        [
          `coalesce(registered_households::text, '')`,
          `coalesce((registered_as_of - date '2000-01-01')::text, '')`,
          `coalesce(resident_households::text, '')`,
          `coalesce((resident_as_of - date '2000-01-01')::text, '')`,
          ...['has_centre', 'other_basis_indoor_building', 'other_basis_indoor_usable', 'other_basis_outdoor_land'].map((column) => `case when ${column} then '1' else '' end`),
          ...AREA_COLUMNS.map((column) => `coalesce(${column}::text, '')`),
        ].join(` || '|' || `),
      ),
    ),
});

/**
 * Each community's current segment (valid_to null), one row for every community (an empty one
 * for a community with nothing registered), with the community's code, name, kind and town as
 * in communities: a report reads this table alone in code order, and looks in
 * compliance_history only for communities whose current segment began after its date.
 */
export const complianceCurrent = pgTable(
  'compliance_current',
  {
    ...segmentColumns(),
    code: text().notNull(),
    name: text().notNull(),
    kind: communityKindEnum().notNull(),
    townCode: text().notNull(),
  },
  (t) => [
    primaryKey({ name: 'compliance_current_pkey', columns: [t.communityId] }),
    // Migration 0014 adds INCLUDE (community_id, name, kind, town_code, valid_from, facts and the
    // three other-basis flags): a report reads the segments in code order from this index alone.
    uniqueIndex('compliance_current_code_idx').on(t.code),
    index('compliance_current_town_idx').on(t.townCode),
    check('compliance_current_open', sql`${t.validTo} is null`),
  ],
);

/** The earlier segments (valid_to set), found by community or by the day they ended. */
export const complianceHistory = pgTable(
  'compliance_history',
  segmentColumns(),
  (t) => [
    primaryKey({ name: 'compliance_history_pkey', columns: [t.communityId, t.validFrom] }),
    index('compliance_history_valid_to_idx').on(t.validTo),
    check('compliance_history_closed', sql`${t.validTo} is not null and ${t.validTo} > ${t.validFrom}`),
  ],
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
