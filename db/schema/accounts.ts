import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { roleEnum } from './enums';
import { communities } from './places';

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    // Stored lower-cased; at least one of email and mobile identifies the account.
    email: text(),
    mobile: text(),
    passwordHash: text().notNull(),
    role: roleEnum().notNull(),
    disabled: boolean().notNull().default(false),
    homeCommunityId: uuid().references((): AnyPgColumn => communities.id),
    /** 长辈版: larger text and targets, simpler pages; remembered per user. */
    elderMode: boolean().notNull().default(false),
    /** The privacy notice version the person agreed to at registration, and when. */
    consentVersion: text(),
    consentedAt: timestamp({ withTimezone: true }),
    /** Set when the person deleted their account: personal fields are gone, the id stays for statistics. */
    erasedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_mobile_key').on(t.mobile),
    check('users_has_login', sql`${t.email} is not null or ${t.mobile} is not null or ${t.erasedAt} is not null`),
    check('users_erased_blank', sql`${t.erasedAt} is null or (${t.email} is null and ${t.mobile} is null and ${t.homeCommunityId} is null and ${t.disabled})`),
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
    check('users_mobile_format', sql`${t.mobile} ~ '^1[0-9]{10}$'`),
    check('users_name_not_blank', sql`length(btrim(${t.name})) > 0`),
  ],
);

export const staffAssignments = pgTable(
  'staff_assignments',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    communityId: uuid()
      .notNull()
      .references(() => communities.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.communityId] }), index('staff_assignments_community_idx').on(t.communityId)],
);

// Only a SHA-256 of the token is stored: a leaked table cannot be replayed.
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

// Sign-in, token and registration attempts: read by the throttle, kept as a security log.
export const authAttempts = pgTable(
  'auth_attempts',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text({ enum: ['sign_in', 'register'] }).notNull(),
    channel: text({ enum: ['web', 'api'] }).notNull(),
    login: text().notNull(),
    clientAddress: text().notNull(),
    succeeded: boolean().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('auth_attempts_login_idx').on(t.login, t.at),
    index('auth_attempts_address_idx').on(t.clientAddress, t.kind, t.at),
  ],
);
