import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, index, integer, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { spaces } from './register';

// Activities: classes, talks, elder care… run by a community's staff in one of its rooms. Each
// session holds its room through `occupancies` (kind 'activity_session'), so a session can never
// overlap a booking or a closure. Places are counted on the session row by a trigger (migration
// 0009) and a CHECK keeps `confirmed <= capacity` whatever the concurrency.

export const activityCategoryEnum = pgEnum('activity_category', ['elderly', 'youth', 'family', 'culture', 'sports', 'volunteering', 'health', 'other']);
export const activityAudienceEnum = pgEnum('activity_audience', ['everyone', 'community']);
export const activityStatusEnum = pgEnum('activity_status', ['draft', 'published', 'cancelled']);
export const signupStatusEnum = pgEnum('signup_status', ['confirmed', 'waitlisted', 'cancelled', 'attended', 'absent']);

export type ActivityCategory = (typeof activityCategoryEnum.enumValues)[number];
export type ActivityAudience = (typeof activityAudienceEnum.enumValues)[number];
export type ActivityStatus = (typeof activityStatusEnum.enumValues)[number];
export type SignupStatus = (typeof signupStatusEnum.enumValues)[number];

export const activities = pgTable(
  'activities',
  {
    id: uuid().primaryKey().defaultRandom(),
    communityId: uuid().notNull(),
    spaceId: uuid().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    category: activityCategoryEnum().notNull(),
    audience: activityAudienceEnum().notNull(),
    status: activityStatusEnum().notNull(),
    /** Sign-up window; null opens at publication and closes when each session starts. */
    signupOpensAt: timestamp({ withTimezone: true }),
    signupClosesAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.spaceId, t.communityId], foreignColumns: [spaces.id, spaces.communityId] }),
    unique('activities_id_community_key').on(t.id, t.communityId),
    // Referenced by its sessions, so that a session is always in its activity's room.
    unique('activities_id_space_key').on(t.id, t.spaceId),
    check('activities_title_length', sql`length(btrim(${t.title})) between 1 and 120`),
    check('activities_description_length', sql`length(${t.description}) <= 4000`),
    check('activities_signup_window', sql`${t.signupClosesAt} is null or ${t.signupOpensAt} is null or ${t.signupClosesAt} > ${t.signupOpensAt}`),
    index('activities_community_idx').on(t.communityId, t.status),
  ],
);

export const activitySessions = pgTable(
  'activity_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    activityId: uuid().notNull(),
    communityId: uuid().notNull(),
    spaceId: uuid().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    capacity: integer().notNull(),
    /** Places taken (confirmed, attended, absent) and people waiting: kept by the signups trigger. */
    confirmed: integer().notNull().default(0),
    waitlisted: integer().notNull().default(0),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.activityId, t.communityId], foreignColumns: [activities.id, activities.communityId] }).onDelete('cascade'),
    foreignKey({ columns: [t.spaceId, t.communityId], foreignColumns: [spaces.id, spaces.communityId] }),
    // A session is held in its activity's room.
    foreignKey({ name: 'activity_sessions_activity_room_fk', columns: [t.activityId, t.spaceId], foreignColumns: [activities.id, activities.spaceId] }).onDelete('cascade'),
    // Referenced by the session's occupancy, so that it holds the session's room.
    unique('activity_sessions_id_space_key').on(t.id, t.spaceId),
    check('activity_sessions_ends_after_starts', sql`${t.endsAt} > ${t.startsAt}`),
    check('activity_sessions_capacity', sql`${t.capacity} between 1 and 10000`),
    // The capacity is never exceeded: the database refuses it, whatever the application does.
    check('activity_sessions_places', sql`${t.confirmed} between 0 and ${t.capacity} and ${t.waitlisted} >= 0`),
    index('activity_sessions_activity_idx').on(t.activityId, t.startsAt),
    index('activity_sessions_starts_idx').on(t.startsAt),
  ],
);

export const signups = pgTable(
  'signups',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => activitySessions.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    status: signupStatusEnum().notNull(),
    /** Order of arrival: a waiting person's position is their rank by this number in the session. */
    queueNo: bigint({ mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    /** Set when the person joined the waitlist (kept after promotion: it measures demand). */
    waitlistedAt: timestamp({ withTimezone: true }),
    promotedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    checkedInAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One sign-up per person per session (a cancelled one may be followed by a new one).
    uniqueIndex('signups_one_per_person').on(t.sessionId, t.userId).where(sql`${t.status} <> 'cancelled'`),
    index('signups_session_queue_idx').on(t.sessionId, t.status, t.queueNo),
    index('signups_user_idx').on(t.userId, t.createdAt),
  ],
);
