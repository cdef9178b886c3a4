import type { Executor } from '@/db/client';
import { notifications } from '@/db/schema';
import { toShanghaiIso } from '@/server/bookings/shanghai-time';
import type { SessionPlace } from './session-access';

type Kind = 'signup_confirmed' | 'signup_waitlisted' | 'signup_promoted' | 'session_cancelled';

/** Inbox entries about a session, written inside the caller's transaction. */
export async function notifyAboutSession(tx: Executor, kind: Kind, userIds: string[], place: SessionPlace, extra: { position?: number; reason?: string | null } = {}) {
  if (userIds.length === 0) return;
  await tx.insert(notifications).values(
    userIds.map((userId) => ({
      userId,
      kind,
      sessionId: place.session.id,
      payload: {
        activity: place.activity.title,
        activityId: place.activity.id,
        room: place.roomName,
        facility: place.facilityName,
        startsAt: toShanghaiIso(place.session.startsAt),
        endsAt: toShanghaiIso(place.session.endsAt),
        position: extra.position ?? null,
        reason: extra.reason ?? null,
      },
    })),
  );
}
