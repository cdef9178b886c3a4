import { and, asc, count, eq, inArray, lte } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { signups } from '@/db/schema';
import { notifyAboutSession } from './notify';
import type { SessionPlace } from './session-access';

/**
 * Fills free places from the waitlist, first come first served, and tells each person promoted.
 * The caller holds the session row lock, so two cancellations cannot promote the same person.
 */
export async function promoteFromWaitlist(tx: Executor, place: SessionPlace, freePlaces: number): Promise<string[]> {
  if (freePlaces <= 0) return [];
  const next = await tx
    .select({ id: signups.id, userId: signups.userId })
    .from(signups)
    .where(and(eq(signups.sessionId, place.session.id), eq(signups.status, 'waitlisted')))
    .orderBy(asc(signups.queueNo))
    .limit(freePlaces);
  if (next.length === 0) return [];
  const now = new Date();
  await tx
    .update(signups)
    .set({ status: 'confirmed', promotedAt: now, updatedAt: now })
    .where(inArray(signups.id, next.map((s) => s.id)));
  await notifyAboutSession(tx, 'signup_promoted', next.map((s) => s.userId), place);
  return next.map((s) => s.userId);
}

/**
 * Withdraws one sign-up (the resident cancelling, or their account being erased) and, if it held
 * a place in a session still on, gives that place to the first person waiting. The caller holds
 * the session row lock. Returns the withdrawn row and who was promoted.
 */
export async function withdrawSignup(tx: Executor, place: SessionPlace, signup: { id: string; status: string }, now: Date) {
  const [withdrawn] = await tx.update(signups).set({ status: 'cancelled', cancelledAt: now, updatedAt: now }).where(eq(signups.id, signup.id)).returning();
  const promoted = signup.status === 'confirmed' && !place.session.cancelledAt ? await promoteFromWaitlist(tx, place, 1) : [];
  return { withdrawn: withdrawn!, promoted };
}

/** A waiting person's place in the queue: 1 is promoted next. */
export async function waitlistPosition(executor: Executor, sessionId: string, queueNo: number): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(signups)
    .where(and(eq(signups.sessionId, sessionId), eq(signups.status, 'waitlisted'), lte(signups.queueNo, queueNo)));
  return row!.n;
}
