import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { activitySessions, apiTokens, bookings, calendarFeeds, notifications, occupancies, signups, staffAssignments, users } from '@/db/schema';
import { loadSession } from '@/server/activities/session-access';
import { withdrawSignup } from '@/server/activities/waitlist';
import { writeAudit } from '@/server/audit/write-audit';
import { requireRole, type RequestContext } from '@/server/auth/context';
import { verifyPassword } from '@/server/auth/password';
import { AppError } from '@/server/errors';
import { logSecurityEvent } from '@/server/security/security-log';

/** What an erased account is called wherever its (anonymous) records still appear. */
export const ERASED_NAME = '已注销用户';
/** A booking purpose typed by the person is theirs: it goes too. */
const ERASED_PURPOSE = '—';

/**
 * A resident deletes their account (PIPL art. 47), after typing their password again. In one
 * transaction: future bookings are cancelled (their rooms freed), future sign-ups withdrawn (the
 * next person waiting promoted and told), their inbox, calendar feed and tokens deleted, booking
 * purposes blanked, and the account's personal fields removed — the id stays, so statistics
 * (bookings held, places taken, attendance) are unchanged. The audit log records that an erasure
 * happened, with counts only. The security log keeps its entries for their legal retention
 * period (Cybersecurity Law art. 21; PIPL art. 47 ¶2) and the purge job removes them after.
 */
export async function eraseMyAccount(ctx: RequestContext, password: string, now = new Date()) {
  const actor = await requireRole(ctx, 'resident');
  const [stored] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!stored || !(await verifyPassword(stored.passwordHash, password))) {
    throw new AppError('validation', 'Wrong password', { messageKey: 'password_wrong', fieldErrors: { password: ['password_wrong'] } });
  }
  return db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.id)).for('update');

    const future = await tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(eq(bookings.residentId, actor.id), inArray(bookings.status, ['pending', 'confirmed']), gt(bookings.startsAt, now)));
    const futureIds = future.map((b) => b.id);
    if (futureIds.length > 0) {
      await tx.delete(occupancies).where(inArray(occupancies.bookingId, futureIds));
      await tx.update(bookings).set({ status: 'cancelled', reason: 'account_deleted', updatedAt: now }).where(inArray(bookings.id, futureIds));
    }
    await tx.update(bookings).set({ purpose: ERASED_PURPOSE }).where(eq(bookings.residentId, actor.id));

    // Sessions are locked in id order, as every sign-up change locks them, so no deadlock.
    const places = await tx
      .select({ signupId: signups.id, sessionId: signups.sessionId, status: signups.status })
      .from(signups)
      .innerJoin(activitySessions, eq(activitySessions.id, signups.sessionId))
      .where(and(eq(signups.userId, actor.id), inArray(signups.status, ['confirmed', 'waitlisted']), gt(activitySessions.startsAt, now)))
      .orderBy(asc(signups.sessionId));
    let promoted = 0;
    for (const place of places) {
      const session = await loadSession(tx, place.sessionId, { lock: true });
      promoted += (await withdrawSignup(tx, session, { id: place.signupId, status: place.status }, now)).promoted.length;
    }

    await tx.delete(notifications).where(eq(notifications.userId, actor.id));
    await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, actor.id));
    await tx.delete(apiTokens).where(eq(apiTokens.userId, actor.id));
    await tx.delete(staffAssignments).where(eq(staffAssignments.userId, actor.id));
    await tx
      .update(users)
      .set({
        name: ERASED_NAME,
        email: null,
        mobile: null,
        homeCommunityId: null,
        elderMode: false,
        disabled: true,
        // No password can match a random string that is not an argon2 hash.
        passwordHash: `erased:${randomBytes(32).toString('base64url')}`,
        erasedAt: now,
        updatedAt: now,
      })
      .where(eq(users.id, actor.id));

    const summary = { cancelledBookings: futureIds.length, withdrawnSignups: places.length, promoted };
    await writeAudit(tx, { actorId: actor.id, action: 'user.erase', entity: 'user', entityId: actor.id, after: summary, requestId: ctx.requestId });
    await logSecurityEvent({ kind: 'account_erased', actorId: actor.id, subjectId: actor.id, clientAddress: ctx.clientAddress, detail: summary, requestId: ctx.requestId }, tx);
    return summary;
  });
}
