import { eq, inArray, or } from 'drizzle-orm';
import { db } from '@/db/client';
import {
  activities,
  activitySessions,
  apiTokens,
  areaMeasurements,
  facilityShares,
  householdCounts,
  ruleSets,
  auditLog,
  authAttempts,
  bookings,
  calendarFeeds,
  closures,
  notifications,
  securityEvents,
  signups,
  spaces,
  staffAssignments,
  users,
} from '@/db/schema';
import { requireUser, type RequestContext } from '@/server/auth/context';
import { logSecurityEvent } from '@/server/security/security-log';

/**
 * Everything Linli holds about the signed-in person (PIPL art. 45), one section per table that
 * refers to them. Secrets are left out (password and token hashes), and so is nothing else:
 * tests/my-data.test.ts fails when a table referring to users is missing here.
 */
export async function exportMyData(ctx: RequestContext) {
  const actor = await requireUser(ctx);
  const id = actor.id;
  const [account] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      mobile: users.mobile,
      role: users.role,
      homeCommunityId: users.homeCommunityId,
      elderMode: users.elderMode,
      consentVersion: users.consentVersion,
      consentedAt: users.consentedAt,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .where(eq(users.id, id));
  const logins = [account?.email, account?.mobile].filter((login): login is string => Boolean(login));
  const mySignups = await db
    .select({ signup: signups, activityTitle: activities.title, sessionStartsAt: activitySessions.startsAt, sessionEndsAt: activitySessions.endsAt, roomName: spaces.name })
    .from(signups)
    .innerJoin(activitySessions, eq(activitySessions.id, signups.sessionId))
    .innerJoin(activities, eq(activities.id, activitySessions.activityId))
    .innerJoin(spaces, eq(spaces.id, activitySessions.spaceId))
    .where(eq(signups.userId, id));
  const data = {
    exportedAt: new Date().toISOString(),
    account: account ?? null,
    staffAssignments: await db.select().from(staffAssignments).where(eq(staffAssignments.userId, id)),
    bookings: await db.select().from(bookings).where(or(eq(bookings.residentId, id), eq(bookings.decidedBy, id))),
    signups: mySignups.map((row) => ({ ...row.signup, activityTitle: row.activityTitle, sessionStartsAt: row.sessionStartsAt, sessionEndsAt: row.sessionEndsAt, roomName: row.roomName })),
    notifications: await db.select().from(notifications).where(eq(notifications.userId, id)),
    calendarFeed: (await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, id)))[0] ?? null,
    apiTokens: await db
      .select({ id: apiTokens.id, createdAt: apiTokens.createdAt, expiresAt: apiTokens.expiresAt, revokedAt: apiTokens.revokedAt, lastUsedAt: apiTokens.lastUsedAt })
      .from(apiTokens)
      .where(eq(apiTokens.userId, id)),
    activitiesCreated: await db.select().from(activities).where(eq(activities.createdBy, id)),
    closuresCreated: await db.select().from(closures).where(eq(closures.createdBy, id)),
    // Register records a staff member entered carry their id as the recorder.
    householdCountsRecorded: await db.select().from(householdCounts).where(eq(householdCounts.recordedBy, id)),
    areaMeasurementsRecorded: await db.select().from(areaMeasurements).where(eq(areaMeasurements.recordedBy, id)),
    facilitySharesRecorded: await db.select().from(facilityShares).where(eq(facilityShares.recordedBy, id)),
    ruleSetsCreated: await db.select({ id: ruleSets.id, code: ruleSets.code, version: ruleSets.version, createdAt: ruleSets.createdAt }).from(ruleSets).where(eq(ruleSets.createdBy, id)),
    signInAttempts: logins.length > 0 ? await db.select().from(authAttempts).where(inArray(authAttempts.login, logins)) : [],
    securityLog: await db.select().from(securityEvents).where(or(eq(securityEvents.actorId, id), eq(securityEvents.subjectId, id))),
    auditLog: await db.select().from(auditLog).where(or(eq(auditLog.actorId, id), eq(auditLog.entityId, id))),
  };
  await logSecurityEvent({ kind: 'personal_data_exported', actorId: id, subjectId: id, clientAddress: ctx.clientAddress, requestId: ctx.requestId });
  return data;
}
export type MyData = Awaited<ReturnType<typeof exportMyData>>;

/** The same data as CSV, one row per field: section, record number, field, value. */
export function myDataAsRows(data: MyData): string[][] {
  const rows: string[][] = [['section', 'record', 'field', 'value']];
  const cell = (value: unknown) => (value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value));
  for (const [section, content] of Object.entries(data)) {
    const records = Array.isArray(content) ? content : [content];
    records.forEach((record, index) => {
      if (record && typeof record === 'object' && !(record instanceof Date)) {
        for (const [field, value] of Object.entries(record)) rows.push([section, String(index + 1), field, cell(value)]);
      } else {
        rows.push([section, String(index + 1), '', cell(record)]);
      }
    });
  }
  return rows;
}
