import { and, eq, ne } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { signups, users } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireRole, requireUser, type RequestContext } from '@/server/auth/context';
import { AppError, sqlState } from '@/server/errors';
import { notifyAboutSession } from './notify';
import type { SignupView } from './schemas';
import { loadSession } from './session-access';
import { waitlistPosition, withdrawSignup } from './waitlist';

export interface SignupWindow {
  status: 'draft' | 'published' | 'cancelled';
  sessionCancelled: boolean;
  signupOpensAt: Date | null;
  signupClosesAt: Date | null;
  startsAt: Date;
}

/** Why a sign-up is not open now, or null when it is: one rule for the pages and the domain. */
export function signupRefusal(window: SignupWindow, now: Date): 'session_cancelled' | 'signup_not_open' | 'signup_closed' | null {
  if (window.sessionCancelled || window.status === 'cancelled') return 'session_cancelled';
  if (window.status !== 'published') return 'signup_not_open';
  if (window.signupOpensAt && now < window.signupOpensAt) return 'signup_not_open';
  const closes = window.signupClosesAt && window.signupClosesAt < window.startsAt ? window.signupClosesAt : window.startsAt;
  if (now >= closes) return 'signup_closed';
  return null;
}

async function homeCommunityOf(executor: Executor, userId: string) {
  const [row] = await executor.select({ homeCommunityId: users.homeCommunityId }).from(users).where(eq(users.id, userId));
  return row?.homeCommunityId ?? null;
}

async function activeSignup(executor: Executor, sessionId: string, userId: string) {
  const [row] = await executor
    .select()
    .from(signups)
    .where(and(eq(signups.sessionId, sessionId), eq(signups.userId, userId), ne(signups.status, 'cancelled')));
  return row ?? null;
}

async function toSignupView(executor: Executor, signup: typeof signups.$inferSelect): Promise<SignupView> {
  const view: SignupView = { id: signup.id, sessionId: signup.sessionId, status: signup.status };
  if (signup.status === 'waitlisted') view.position = await waitlistPosition(executor, signup.sessionId, signup.queueNo);
  return view;
}

/**
 * A resident signs up for a session: a place if one is left, otherwise the end of the waitlist.
 * The session row is locked first, so simultaneous sign-ups queue and the last place goes to
 * exactly one of them; the CHECK on the session's counters refuses any overfill regardless.
 */
export async function signUp(ctx: RequestContext, sessionId: string, now = new Date()): Promise<SignupView> {
  const actor = await requireRole(ctx, 'resident');
  try {
    return await db.transaction(async (tx) => {
      const place = await loadSession(tx, sessionId, { lock: true });
      if (place.activity.status === 'draft') throw new AppError('not_found', 'Session not found');
      const { activity, session } = place;
      const refusal = signupRefusal({ ...activity, sessionCancelled: session.cancelledAt !== null, startsAt: session.startsAt }, now);
      if (refusal) throw new AppError('validation', refusal, { type: refusal.replaceAll('_', '-'), messageKey: `activity_${refusal}` });
      if (place.activity.audience === 'community' && (await homeCommunityOf(tx, actor.id)) !== place.activity.communityId) {
        throw new AppError('forbidden', 'For residents of the community', { type: 'audience-restricted', messageKey: 'activity_audience_restricted', extra: { communityName: place.communityName } });
      }
      if (await activeSignup(tx, sessionId, actor.id)) throw alreadySignedUp();
      const full = place.session.confirmed >= place.session.capacity;
      const [signup] = await tx
        .insert(signups)
        .values({ sessionId, userId: actor.id, status: full ? 'waitlisted' : 'confirmed', waitlistedAt: full ? now : null })
        .returning();
      const view = await toSignupView(tx, signup!);
      await notifyAboutSession(tx, full ? 'signup_waitlisted' : 'signup_confirmed', [actor.id], place, { position: view.position });
      await writeAudit(tx, { actorId: actor.id, action: 'signup.create', entity: 'signup', entityId: signup!.id, after: signup, requestId: ctx.requestId });
      return view;
    });
  } catch (error) {
    if (sqlState(error) === '23505') throw alreadySignedUp();
    throw error;
  }
}

function alreadySignedUp() {
  return new AppError('conflict', 'Already signed up', { type: 'already-signed-up', messageKey: 'activity_already_signed_up' });
}

/** The caller's sign-up for a session with its waitlist position, or 404. */
export async function getMySignup(ctx: RequestContext, sessionId: string): Promise<SignupView> {
  const actor = await requireUser(ctx);
  const signup = await activeSignup(db, sessionId, actor.id);
  if (!signup) throw new AppError('not_found', 'Not signed up', { messageKey: 'activity_not_signed_up' });
  return toSignupView(db, signup);
}

/**
 * A resident withdraws before the session starts. If they held a place, the first person waiting
 * is promoted — and told — in the same transaction.
 */
export async function cancelMySignup(ctx: RequestContext, sessionId: string, now = new Date()) {
  const actor = await requireUser(ctx);
  return db.transaction(async (tx) => {
    const place = await loadSession(tx, sessionId, { lock: true });
    const signup = await activeSignup(tx, sessionId, actor.id);
    if (!signup) throw new AppError('not_found', 'Not signed up', { messageKey: 'activity_not_signed_up' });
    if (now >= place.session.startsAt || signup.status === 'attended' || signup.status === 'absent') {
      throw new AppError('validation', 'Session already started', { type: 'session-started', messageKey: 'activity_session_started' });
    }
    const { withdrawn: cancelled, promoted } = await withdrawSignup(tx, place, signup, now);
    await writeAudit(tx, { actorId: actor.id, action: 'signup.cancel', entity: 'signup', entityId: signup.id, before: signup, after: { ...cancelled, promoted }, requestId: ctx.requestId });
    return { id: signup.id, sessionId, status: 'cancelled' as const, promoted: promoted.length };
  });
}
