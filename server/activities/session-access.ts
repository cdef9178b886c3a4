import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { activities, activitySessions, communities, facilities, spaces } from '@/db/schema';
import { AppError } from '@/server/errors';

/** A session with its activity and where it happens; locked FOR UPDATE when asked. */
export async function loadSession(executor: Executor, sessionId: string, options: { lock?: boolean } = {}) {
  const query = executor
    .select({
      session: activitySessions,
      activity: activities,
      roomName: spaces.name,
      roomCapacity: spaces.capacity,
      facilityName: facilities.name,
      communityName: communities.name,
    })
    .from(activitySessions)
    .innerJoin(activities, eq(activities.id, activitySessions.activityId))
    .innerJoin(spaces, eq(spaces.id, activitySessions.spaceId))
    .innerJoin(facilities, eq(facilities.id, spaces.facilityId))
    .innerJoin(communities, eq(communities.id, activitySessions.communityId))
    .where(eq(activitySessions.id, sessionId));
  // Locking the session row queues every sign-up, cancellation and capacity change of one session.
  const [row] = options.lock ? await query.for('update', { of: activitySessions }) : await query;
  if (!row) throw new AppError('not_found', 'Session not found');
  return row;
}
export type LoadedSession = Awaited<ReturnType<typeof loadSession>>;

export type SessionPlace = Pick<LoadedSession, 'session' | 'activity' | 'roomName' | 'facilityName'>;

/** A session offers no more places than its room holds (no capacity recorded: any). */
export function assertRoomHolds(roomCapacity: number | null, capacity: number) {
  if (roomCapacity !== null && capacity > roomCapacity) {
    throw new AppError('validation', 'More places than the room holds', { messageKey: 'activity_over_room_capacity', fieldErrors: { capacity: ['activity_over_room_capacity'] }, extra: { roomCapacity } });
  }
}

