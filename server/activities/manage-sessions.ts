import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { activities, activitySessions, occupancies, signups } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireRole, type Actor, type RequestContext } from '@/server/auth/context';
import { assertManages } from '@/server/bookings/staff-access';
import { AppError } from '@/server/errors';
import { notifyAboutSession } from './notify';
import { assertRoomHolds, loadSession, type LoadedSession } from './session-access';
import { promoteFromWaitlist } from './waitlist';

/** Only staff (of the session's community, checked per record) and admins manage activities. */
const requireStaff = (ctx: RequestContext) => requireRole(ctx, 'staff', 'admin');

async function staffSession(tx: Executor, actor: Actor, sessionId: string) {
  const place = await loadSession(tx, sessionId, { lock: true });
  assertManages(actor, place.session.communityId, 'Session');
  return place;
}

/**
 * Cancels one session: everyone signed up or waiting is told (with the reason), their sign-ups are
 * cancelled, and the room is freed. One transaction.
 */
async function cancelLockedSession(tx: Executor, actor: Actor, place: LoadedSession, reason: string, requestId: string) {
  if (place.session.cancelledAt) return;
  const now = new Date();
  const affected = await tx
    .update(signups)
    .set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
    .where(and(eq(signups.sessionId, place.session.id), inArray(signups.status, ['confirmed', 'waitlisted'])))
    .returning({ userId: signups.userId });
  await tx.update(activitySessions).set({ cancelledAt: now, cancelReason: reason }).where(eq(activitySessions.id, place.session.id));
  await tx.delete(occupancies).where(eq(occupancies.sessionId, place.session.id));
  await notifyAboutSession(tx, 'session_cancelled', affected.map((a) => a.userId), place, { reason });
  await writeAudit(tx, { actorId: actor.id, action: 'session.cancel', entity: 'activity_session', entityId: place.session.id, before: place.session, after: { reason, notified: affected.length }, requestId });
}

export async function cancelSession(ctx: RequestContext, sessionId: string, reason: string) {
  const actor = await requireStaff(ctx);
  return db.transaction(async (tx) => {
    const place = await staffSession(tx, actor, sessionId);
    assertNotStarted(place);
    await cancelLockedSession(tx, actor, place, reason, ctx.requestId);
    return { id: sessionId, cancelled: true };
  });
}

function assertNotStarted(place: LoadedSession) {
  if (place.session.startsAt <= new Date()) throw new AppError('validation', 'Session already started', { type: 'session-started', messageKey: 'activity_session_started' });
}

/**
 * Changes a session's capacity. Raising it promotes from the waitlist in order; lowering it below
 * the places already taken is refused (the CHECK on the session row refuses it too).
 */
export async function updateSessionCapacity(ctx: RequestContext, sessionId: string, capacity: number) {
  const actor = await requireStaff(ctx);
  return db.transaction(async (tx) => {
    const place = await staffSession(tx, actor, sessionId);
    if (place.session.cancelledAt) throw new AppError('validation', 'Session cancelled', { type: 'session-cancelled', messageKey: 'activity_session_cancelled' });
    // Places changed after the start would promote people to a session already under way.
    assertNotStarted(place);
    assertRoomHolds(place.roomCapacity, capacity);
    if (capacity < place.session.confirmed) {
      throw new AppError('validation', 'Below the places already taken', {
        type: 'capacity-below-confirmed',
        messageKey: 'activity_capacity_below_confirmed',
        fieldErrors: { capacity: ['activity_capacity_below_confirmed'] },
        extra: { confirmed: place.session.confirmed },
      });
    }
    await tx.update(activitySessions).set({ capacity }).where(eq(activitySessions.id, sessionId));
    const updated = { ...place, session: { ...place.session, capacity } };
    const promoted = await promoteFromWaitlist(tx, updated, capacity - place.session.confirmed);
    await writeAudit(tx, { actorId: actor.id, action: 'session.capacity', entity: 'activity_session', entityId: sessionId, before: { capacity: place.session.capacity }, after: { capacity, promoted }, requestId: ctx.requestId });
    return { id: sessionId, capacity, promoted: promoted.length };
  });
}

/** Staff record whether a person with a place came (attended) or not (absent). */
export async function checkInSignup(ctx: RequestContext, signupId: string, attended: boolean) {
  const actor = await requireStaff(ctx);
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ sessionId: signups.sessionId }).from(signups).where(eq(signups.id, signupId));
    if (!found) throw new AppError('not_found', 'Sign-up not found');
    const place = await staffSession(tx, actor, found.sessionId);
    // Read again under the session's lock: the person may have withdrawn meanwhile.
    const [signup] = await tx.select().from(signups).where(eq(signups.id, signupId));
    if (!signup || !['confirmed', 'attended', 'absent'].includes(signup.status)) {
      throw new AppError('validation', 'No place to check in', { type: 'not-checkable', messageKey: 'activity_not_checkable' });
    }
    // Attendance is taken from an hour before the start; a correction later is allowed.
    if (place.session.startsAt.getTime() - Date.now() > 3_600_000) {
      throw new AppError('validation', 'Too early to check in', { type: 'too-early', messageKey: 'activity_check_in_too_early' });
    }
    const now = new Date();
    const [updated] = await tx
      .update(signups)
      .set({ status: attended ? 'attended' : 'absent', checkedInAt: now, updatedAt: now })
      .where(eq(signups.id, signupId))
      .returning();
    await writeAudit(tx, { actorId: actor.id, action: attended ? 'signup.attended' : 'signup.absent', entity: 'signup', entityId: signupId, before: signup, after: updated, requestId: ctx.requestId });
    return { id: signupId, status: updated!.status };
  });
}

/** Publishes a draft, or cancels an activity with all its future sessions (people told, rooms freed). */
export async function updateActivityStatus(ctx: RequestContext, activityId: string, status: 'published' | 'cancelled', reason = '') {
  const actor = await requireStaff(ctx);
  return db.transaction(async (tx) => {
    const [activity] = await tx.select().from(activities).where(eq(activities.id, activityId)).for('update');
    if (!activity) throw new AppError('not_found', 'Activity not found');
    assertManages(actor, activity.communityId, 'Activity');
    if (activity.status === 'cancelled') throw new AppError('validation', 'Activity cancelled', { type: 'activity-cancelled', messageKey: 'activity_already_cancelled' });
    if (status === 'cancelled') {
      const future = await tx
        .select({ id: activitySessions.id })
        .from(activitySessions)
        .where(and(eq(activitySessions.activityId, activityId), isNull(activitySessions.cancelledAt), gt(activitySessions.startsAt, new Date())))
        // Sessions are locked in id order, as every transaction that locks several does.
        .orderBy(activitySessions.id);
      for (const { id } of future) await cancelLockedSession(tx, actor, await loadSession(tx, id, { lock: true }), reason || activity.title, ctx.requestId);
    }
    const [updated] = await tx.update(activities).set({ status, updatedAt: new Date() }).where(eq(activities.id, activityId)).returning();
    await writeAudit(tx, { actorId: actor.id, action: `activity.${status === 'published' ? 'publish' : 'cancel'}`, entity: 'activity', entityId: activityId, before: activity, after: updated, requestId: ctx.requestId });
    return { id: activityId, status };
  });
}
