import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { communityKindEnum, householdBasisEnum, townKindEnum } from './enums';
import { users } from './accounts';

// Towns and streets (镇街) keyed by their 9-digit statistical division code.
export const towns = pgTable(
  'towns',
  {
    code: text().primaryKey(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    kind: townKindEnum().notNull(),
    residents2020: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('towns_code_format', sql`${t.code} ~ '^[0-9]{9}$'`)],
);

// Villages (村) and urban communities (社区). The 12-digit code extends the town's code.
export const communities = pgTable(
  'communities',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    name: text().notNull(),
    kind: communityKindEnum().notNull(),
    townCode: text()
      .notNull()
      .references(() => towns.code),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('communities_code_format', sql`${t.code} ~ '^[0-9]{12}$'`),
    check('communities_code_under_town', sql`left(${t.code}, 9) = ${t.townCode}`),
    check('communities_name_not_blank', sql`length(btrim(${t.name})) > 0`),
    index('communities_town_idx').on(t.townCode, t.name),
  ],
);

// Append-only (a trigger refuses UPDATE and DELETE; see migration 0001): a correction is a new row.
export const householdCounts = pgTable(
  'household_counts',
  {
    id: uuid().primaryKey().defaultRandom(),
    communityId: uuid()
      .notNull()
      .references(() => communities.id),
    basis: householdBasisEnum().notNull(),
    households: integer().notNull(),
    asOf: date().notNull(),
    source: text().notNull(),
    suppliedBy: text(),
    note: text(),
    recordedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('household_counts_non_negative', sql`${t.households} >= 0`),
    index('household_counts_lookup_idx').on(t.communityId, t.basis, t.asOf),
  ],
);
