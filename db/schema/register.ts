import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { communities } from './places';

// The facility register. Every per-community table carries community_id (the host community),
// kept consistent by composite foreign keys, so the data can be distributed by community.

export const facilityKindEnum = pgEnum('facility_kind', ['comprehensive_centre', 'service_station', 'other']);
export const spaceSettingEnum = pgEnum('space_setting', ['indoor', 'outdoor']);
export const useClassEnum = pgEnum('use_class', ['office', 'resident_activity', 'shared_auxiliary', 'commercial_leased', 'lent_by_other']);
export const areaBasisEnum = pgEnum('area_basis', ['building', 'usable', 'land']);
export const measurementMethodEnum = pgEnum('measurement_method', ['on_site', 'floor_plan', 'survey_report', 'title_certificate']);

export type FacilityKind = (typeof facilityKindEnum.enumValues)[number];
export type SpaceSetting = (typeof spaceSettingEnum.enumValues)[number];
export type UseClass = (typeof useClassEnum.enumValues)[number];
export type AreaBasis = (typeof areaBasisEnum.enumValues)[number];
export type MeasurementMethod = (typeof measurementMethodEnum.enumValues)[number];

/** Opening hours per weekday (1 = Monday … 7 = Sunday), 'HH:MM' local (Asia/Shanghai); null = closed. */
export type WeeklyHours = Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', { opens: string; closes: string } | null>;

export const facilities = pgTable(
  'facilities',
  {
    id: uuid().primaryKey().defaultRandom(),
    communityId: uuid()
      .notNull()
      .references(() => communities.id),
    name: text().notNull(),
    kind: facilityKindEnum().notNull(),
    address: text().notNull().default(''),
    openingHours: jsonb().$type<WeeklyHours>().notNull(),
    /** When it started serving; a centre counts toward coverage from this date. */
    openedOn: date(),
    closedOn: date(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('facilities_id_community_key').on(t.id, t.communityId),
    index('facilities_community_idx').on(t.communityId),
    check('facilities_name_not_blank', sql`length(btrim(${t.name})) > 0`),
    check('facilities_closed_after_opened', sql`${t.closedOn} is null or ${t.openedOn} is null or ${t.closedOn} > ${t.openedOn}`),
  ],
);

export const spaces = pgTable(
  'spaces',
  {
    id: uuid().primaryKey().defaultRandom(),
    communityId: uuid().notNull(),
    facilityId: uuid().notNull(),
    name: text().notNull(),
    setting: spaceSettingEnum().notNull(),
    useClass: useClassEnum().notNull(),
    floor: integer(),
    aboveGround: boolean().notNull().default(true),
    bookable: boolean().notNull().default(false),
    capacity: integer(),
    accessibilityNotes: text(),
    /** The first day it no longer counts (retired, demolished, handed back). */
    retiredOn: date(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.facilityId, t.communityId], foreignColumns: [facilities.id, facilities.communityId] }),
    unique('spaces_id_community_key').on(t.id, t.communityId),
    index('spaces_facility_idx').on(t.facilityId),
    index('spaces_community_idx').on(t.communityId),
    check('spaces_name_not_blank', sql`length(btrim(${t.name})) > 0`),
    check('spaces_capacity_positive', sql`${t.capacity} is null or ${t.capacity} > 0`),
    check('spaces_bookable_has_capacity', sql`not ${t.bookable} or ${t.capacity} is not null`),
  ],
);

// Append-only (trigger in migration 0004): a correction is a new measurement with a note.
export const areaMeasurements = pgTable(
  'area_measurements',
  {
    id: uuid().primaryKey().defaultRandom(),
    communityId: uuid().notNull(),
    spaceId: uuid().notNull(),
    areaM2: numeric('area_m2', { precision: 10, scale: 2 }).notNull(),
    basis: areaBasisEnum().notNull(),
    measuredOn: date().notNull(),
    method: measurementMethodEnum().notNull(),
    measuredBy: text().notNull(),
    organisation: text(),
    note: text(),
    recordedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.spaceId, t.communityId], foreignColumns: [spaces.id, spaces.communityId] }),
    index('area_measurements_lookup_idx').on(t.spaceId, t.basis, t.measuredOn),
    index('area_measurements_community_idx').on(t.communityId),
    check('area_measurements_positive', sql`${t.areaM2} > 0`),
  ],
);

// Shares of a facility declared for the communities it serves. The database refuses any change
// that makes one facility's shares exceed 100% on any day (trigger in migration 0004).
export const facilityShares = pgTable(
  'facility_shares',
  {
    id: uuid().primaryKey().defaultRandom(),
    facilityId: uuid()
      .notNull()
      .references(() => facilities.id),
    communityId: uuid()
      .notNull()
      .references(() => communities.id),
    percent: numeric({ precision: 5, scale: 2 }).notNull(),
    basisNote: text().notNull().default(''),
    validFrom: date().notNull(),
    /** Last day the share applies (inclusive); null = open-ended. */
    validTo: date(),
    recordedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('facility_shares_facility_idx').on(t.facilityId),
    index('facility_shares_community_idx').on(t.communityId),
    check('facility_shares_percent_range', sql`${t.percent} > 0 and ${t.percent} <= 100`),
    check('facility_shares_dates', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);
