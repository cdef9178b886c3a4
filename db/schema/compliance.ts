import { sql } from 'drizzle-orm';
import { check, integer, numeric, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { areaBasisEnum, useClassEnum } from './register';
import { communityKindEnum, householdBasisEnum } from './enums';

// Rule sets are data: a new version is a new row; old versions stay and stay evaluable.

export const verificationEnum = pgEnum('verification', ['verified', 'press_only', 'unverified']);
export const ruleScopeEnum = pgEnum('rule_scope', ['community', 'aggregate']);
export const ruleMetricEnum = pgEnum('rule_metric', [
  /** m² of eligible indoor space per 100 households. */
  'indoor_area_per_100_households',
  /** m² of eligible outdoor space per 100 households. */
  'outdoor_area_per_100_households',
  /** m² of eligible indoor space, absolute. */
  'indoor_area',
  /** m² of eligible outdoor space, absolute. */
  'outdoor_area',
  /** % of eligible indoor area used for residents' activities. */
  'resident_activity_share',
  /** % of communities (optionally of one kind) with a comprehensive centre. */
  'centre_coverage',
  /** Not held in the register (e.g. community workers): shown, never evaluated as pass or fail. */
  'not_in_register',
]);
export const comparatorEnum = pgEnum('comparator', ['gte']);

export type RuleMetric = (typeof ruleMetricEnum.enumValues)[number];
export type Verification = (typeof verificationEnum.enumValues)[number];

export const ruleSets = pgTable(
  'rule_sets',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    version: integer().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    source: text().notNull(),
    verification: verificationEnum().notNull(),
    /** Assumptions an auditor must see (e.g. which area basis a rule counts). */
    notesZh: text().notNull().default(''),
    notesEn: text().notNull().default(''),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('rule_sets_code_version_key').on(t.code, t.version), check('rule_sets_code_format', sql`${t.code} ~ '^[A-Z0-9]{2,20}$'`)],
);

export const rules = pgTable(
  'rules',
  {
    id: uuid().primaryKey().defaultRandom(),
    ruleSetId: uuid()
      .notNull()
      .references(() => ruleSets.id),
    code: text().notNull(),
    position: integer().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    metric: ruleMetricEnum().notNull(),
    comparator: comparatorEnum().notNull().default('gte'),
    threshold: numeric({ precision: 12, scale: 2 }).notNull(),
    unit: text({ enum: ['m2_per_100_households', 'm2', 'percent', 'per_10000_residents'] }).notNull(),
    scope: ruleScopeEnum().notNull(),
    areaBasis: areaBasisEnum(),
    /** Fixed household basis, or null when the auditor chooses. */
    householdBasis: householdBasisEnum(),
    useClasses: useClassEnum().array().notNull().default(sql`'{}'::use_class[]`),
    /** For coverage rules: only villages (rural) or only urban communities. */
    communityKind: communityKindEnum(),
    source: text().notNull(),
    verification: verificationEnum().notNull(),
  },
  (t) => [
    unique('rules_set_code_key').on(t.ruleSetId, t.code),
    check('rules_threshold_non_negative', sql`${t.threshold} >= 0`),
    check(
      'rules_area_metric_has_basis',
      sql`${t.metric} not in ('indoor_area_per_100_households','outdoor_area_per_100_households','indoor_area','outdoor_area','resident_activity_share') or ${t.areaBasis} is not null`,
    ),
  ],
);
