import { db, type Executor } from '@/db/client';
import { activities, activitySessions, occupancies } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireRole, type RequestContext } from '@/server/auth/context';
import { holdersOf } from '@/server/bookings/availability';
import { duringValue } from '@/server/bookings/occupancy-range';
import { loadRoomContext } from '@/server/bookings/room-context';
import { shanghaiDate, toShanghaiIso } from '@/server/bookings/shanghai-time';
import { assertManages } from '@/server/bookings/staff-access';
import { AppError, sqlState } from '@/server/errors';
import { assertRoomHolds } from './session-access';
import type { CreateActivityInput } from './schemas';

export interface SessionConflict {
  startsAt: string;
  endsAt: string;
  /** What holds the room then: booking, activity_session, closure or maintenance. */
  conflict: string;
}

async function staffRoom(ctx: RequestContext, input: Pick<CreateActivityInput, 'roomId' | 'capacity' | 'sessions'>, now: Date) {
  const actor = await requireRole(ctx, 'staff', 'admin');
  if (input.sessions.some((s) => s.startsAt <= now)) {
    throw new AppError('validation', 'A session is in the past', { messageKey: 'activity_session_in_past', fieldErrors: { sessions: ['activity_session_in_past'] } });
  }
  const room = await loadRoomContext(db, input.roomId);
  if (!room) throw new AppError('not_found', 'Room not found');
  assertManages(actor, room.communityId);
  const lastDay = shanghaiDate(new Date(Math.max(...input.sessions.map((s) => s.endsAt.getTime()))));
  if ((room.retiredOn && room.retiredOn <= lastDay) || (room.facilityClosedOn && room.facilityClosedOn <= lastDay)) {
    throw new AppError('validation', 'Room not in use then', { messageKey: 'activity_room_unavailable', fieldErrors: { roomId: ['activity_room_unavailable'] } });
  }
  assertRoomHolds(room.capacity, input.capacity);
  return { actor, room };
}

async function conflictsOf(executor: Executor, roomId: string, sessions: CreateActivityInput['sessions']): Promise<SessionConflict[]> {
  const holders = await holdersOf(executor, roomId, sessions);
  return sessions.flatMap((session, i) => (holders[i] ? [{ startsAt: toShanghaiIso(session.startsAt), endsAt: toShanghaiIso(session.endsAt), conflict: holders[i]! }] : []));
}

function sessionConflict(conflicts: SessionConflict[]) {
  return new AppError('conflict', 'A session collides with the room’s occupancy', { type: 'session-conflict', messageKey: 'activity_session_conflict', extra: { conflicts } });
}

/** Lists the sessions that would collide with what already holds the room — before publishing. */
export async function previewActivitySessions(ctx: RequestContext, input: Pick<CreateActivityInput, 'roomId' | 'capacity' | 'sessions'>, now = new Date()) {
  const { room } = await staffRoom(ctx, input, now);
  return conflictsOf(db, room.roomId, input.sessions);
}

/**
 * Staff of the room's community (or an admin) create an activity with its sessions. Every session
 * holds the room through an occupancy, so it can never overlap a booking, a closure or another
 * session: any collision refuses the whole activity (409 `session-conflict`, listing them).
 */
export async function createActivity(ctx: RequestContext, input: CreateActivityInput, now = new Date()) {
  const { actor, room } = await staffRoom(ctx, input, now);
  try {
    return await db.transaction(async (tx) => {
      const conflicts = await conflictsOf(tx, room.roomId, input.sessions);
      if (conflicts.length > 0) throw sessionConflict(conflicts);
      const [activity] = await tx
        .insert(activities)
        .values({
          communityId: room.communityId,
          spaceId: room.roomId,
          title: input.title,
          description: input.description ?? '',
          category: input.category,
          audience: input.audience,
          status: input.status,
          signupOpensAt: input.signupOpensAt ?? null,
          signupClosesAt: input.signupClosesAt ?? null,
          createdBy: actor.id,
        })
        .returning();
      const sessions = await tx
        .insert(activitySessions)
        .values(input.sessions.map((s) => ({ activityId: activity!.id, communityId: room.communityId, spaceId: room.roomId, startsAt: s.startsAt, endsAt: s.endsAt, capacity: input.capacity })))
        .returning();
      await tx.insert(occupancies).values(sessions.map((s) => ({ communityId: room.communityId, spaceId: room.roomId, during: duringValue(s), kind: 'activity_session' as const, sessionId: s.id })));
      await writeAudit(tx, { actorId: actor.id, action: 'activity.create', entity: 'activity', entityId: activity!.id, after: { ...activity, sessions: sessions.map((s) => s.id) }, requestId: ctx.requestId });
      return { id: activity!.id, sessionIds: sessions.map((s) => s.id) };
    });
  } catch (error) {
    // Someone took the room between the check and the insert: the exclusion constraint caught it.
    const state = sqlState(error);
    if (state === '23P01' || state === '40P01') throw sessionConflict(await conflictsOf(db, room.roomId, input.sessions));
    throw error;
  }
}
