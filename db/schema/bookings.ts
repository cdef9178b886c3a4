import { sql } from 'drizzle-orm';
import { boolean, check, customType, foreignKey, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { activitySessions } from './activities';
import { facilities, spaces } from './register';

// Room booking. Every use of a room over time — a resident's booking, an activity session, a
// closure, maintenance — is one row in `occupancies`, and an exclusion constraint there (migration
// 0005) guarantees that no two of them overlap for one room. Times are timestamptz, ranges [start, end).

/** tstzrange, read and written as PostgreSQL's text form '["2026-01-01 10:00:00+08","…")'. */
const tstzrange = customType<{ data: string }>({ dataType: () => 'tstzrange' });

export const bookingStatusEnum = pgEnum('booking_status', ['pending', 'confirmed', 'rejected', 'cancelled', 'attended', 'no_show']);
export const occupancyKindEnum = pgEnum('occupancy_kind', ['booking', 'activity_session', 'closure', 'maintenance']);

export type BookingStatus = (typeof bookingStatusEnum.enumValues)[number];

/** A facility's booking rules; a facility without a row uses the defaults below (the column defaults). */
export const bookingRules = pgTable(
  'booking_rules',
  {
    facilityId: uuid()
      .primaryKey()
      .references(() => facilities.id),
    communityId: uuid().notNull(),
    slotMinutes: integer().notNull().default(30),
    minMinutes: integer().notNull().default(30),
    maxMinutes: integer().notNull().default(240),
    minNoticeMinutes: integer().notNull().default(60),
    maxDaysAhead: integer().notNull().default(14),
    requiresApproval: boolean().notNull().default(false),
    cancelCutoffMinutes: integer().notNull().default(120),
    maxActiveBookings: integer().notNull().default(3),
    maxMinutesPerWeek: integer().notNull().default(480),
    noShowLimit: integer().notNull().default(3),
    noShowWindowDays: integer().notNull().default(90),
    suspensionDays: integer().notNull().default(30),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.facilityId, t.communityId], foreignColumns: [facilities.id, facilities.communityId] }),
    check('booking_rules_slot', sql`${t.slotMinutes} between 5 and 240`),
    check('booking_rules_duration', sql`${t.minMinutes} >= ${t.slotMinutes} and ${t.maxMinutes} >= ${t.minMinutes} and ${t.maxMinutes} <= 1440`),
    check('booking_rules_window', sql`${t.minNoticeMinutes} >= 0 and ${t.maxDaysAhead} between 1 and 366`),
    check('booking_rules_quotas', sql`${t.cancelCutoffMinutes} >= 0 and ${t.maxActiveBookings} >= 1 and ${t.maxMinutesPerWeek} >= ${t.minMinutes}`),
    check('booking_rules_no_show', sql`${t.noShowLimit} >= 1 and ${t.noShowWindowDays} >= 1 and ${t.suspensionDays} >= 0`),
  ],
);

export const bookings = pgTable(
  'bookings',
  {
    id: uuid().primaryKey().defaultRandom(),
    communityId: uuid().notNull(),
    spaceId: uuid().notNull(),
    residentId: uuid()
      .notNull()
      .references(() => users.id),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    purpose: text().notNull(),
    attendees: integer().notNull(),
    status: bookingStatusEnum().notNull(),
    /** Why staff rejected or cancelled it, shown to the resident. */
    reason: text(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    /** Recurring bookings made together by staff share a series id. */
    seriesId: uuid(),
    reminderSentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.spaceId, t.communityId], foreignColumns: [spaces.id, spaces.communityId] }),
    // Referenced by the booking's occupancy, so that it holds the booked room.
    unique('bookings_id_space_key').on(t.id, t.spaceId),
    check('bookings_ends_after_starts', sql`${t.endsAt} > ${t.startsAt}`),
    check('bookings_attendees', sql`${t.attendees} between 1 and 10000`),
    check('bookings_purpose_length', sql`length(btrim(${t.purpose})) between 1 and 200`),
    index('bookings_resident_idx').on(t.residentId, t.startsAt),
    index('bookings_space_idx').on(t.spaceId, t.startsAt),
    index('bookings_status_idx').on(t.status, t.startsAt),
  ],
);

/** Closures and maintenance: a room (spaceId) or a whole facility (spaceId null) over a time range. */
export const closures = pgTable(
  'closures',
  {
    id: uuid().primaryKey().defaultRandom(),
    communityId: uuid().notNull(),
    facilityId: uuid().notNull(),
    spaceId: uuid(),
    kind: occupancyKindEnum().notNull().default('closure'),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    reason: text().notNull(),
    createdBy: uuid().references(() => users.id),
    cancelledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.facilityId, t.communityId], foreignColumns: [facilities.id, facilities.communityId] }),
    check('closures_ends_after_starts', sql`${t.endsAt} > ${t.startsAt}`),
    check('closures_kind', sql`${t.kind} in ('closure', 'maintenance')`),
  ],
);

/**
 * The one occupancy model: who holds a room over [start, end). Releasing a slot deletes the row;
 * the booking, session or closure keeps its history. See migration 0005 for the exclusion constraint.
 */
export const occupancies = pgTable(
  'occupancies',
  {
    id: uuid().primaryKey().defaultRandom(),
    communityId: uuid().notNull(),
    spaceId: uuid().notNull(),
    during: tstzrange().notNull(),
    kind: occupancyKindEnum().notNull(),
    bookingId: uuid(),
    closureId: uuid().references(() => closures.id),
    /** An activity session. */
    sessionId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.spaceId, t.communityId], foreignColumns: [spaces.id, spaces.communityId] }),
    // The room an occupancy holds is its booking's or session's room: the exclusion constraint
    // guards that room, so a mismatch would let a booked room be booked again.
    foreignKey({ name: 'occupancies_booking_room_fk', columns: [t.bookingId, t.spaceId], foreignColumns: [bookings.id, bookings.spaceId] }),
    foreignKey({ name: 'occupancies_session_room_fk', columns: [t.sessionId, t.spaceId], foreignColumns: [activitySessions.id, activitySessions.spaceId] }).onDelete('cascade'),
    uniqueIndex('occupancies_booking_key').on(t.bookingId),
    check('occupancies_not_empty', sql`not isempty(${t.during}) and lower_inc(${t.during}) and not upper_inc(${t.during})`),
    check(
      'occupancies_one_owner',
      sql`num_nonnulls(${t.bookingId}, ${t.closureId}, ${t.sessionId}) = 1 and (${t.kind} = 'booking') = (${t.bookingId} is not null)`,
    ),
  ],
);

/** In-app inbox; written in the same transaction as the change it reports. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    kind: text({
      enum: [
        'booking_confirmed',
        'booking_pending',
        'booking_approved',
        'booking_rejected',
        'booking_cancelled_by_staff',
        'booking_reminder',
        'signup_confirmed',
        'signup_waitlisted',
        'signup_promoted',
        'session_cancelled',
      ],
    }).notNull(),
    bookingId: uuid().references(() => bookings.id),
    sessionId: uuid().references(() => activitySessions.id),
    payload: jsonb().$type<Record<string, string | number | null>>().notNull().default({}),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    // A reminder is sent once per booking, whichever app instance gets there first.
    uniqueIndex('notifications_reminder_once').on(t.bookingId).where(sql`${t.kind} = 'booking_reminder'`),
  ],
);

/** A resident's private calendar feed: only a hash of the secret token is kept. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id),
  tokenHash: text().notNull().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
