import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { activities, activitySessions, communities, facilities, signups, spaces, towns, users } from '@/db/schema';
import { isUuid } from '@/server/accounts/schemas';
import { requireRole, requireUser, type Actor, type RequestContext } from '@/server/auth/context';
import { canManageCommunity } from '@/server/auth/policy';
import { shanghaiInstant, toShanghaiIso } from '@/server/bookings/shanghai-time';
import { AppError } from '@/server/errors';
import { maskMobile } from '@/server/privacy/mask';
import type { ActivityQuery, ActivityView, RosterEntry, SessionView } from './schemas';
import { signupRefusal } from './signups';

// Reads for the activity pages and API. Writes live in create-activity.ts, signups.ts and
// manage-sessions.ts.

const activityColumns = {
  activity: activities,
  communityName: communities.name,
  townCode: communities.townCode,
  townNameZh: towns.nameZh,
  townNameEn: towns.nameEn,
  roomName: spaces.name,
  facilityName: facilities.name,
};

function activityBase() {
  return db
    .select(activityColumns)
    .from(activities)
    .innerJoin(communities, eq(communities.id, activities.communityId))
    .innerJoin(towns, eq(towns.code, communities.townCode))
    .innerJoin(spaces, eq(spaces.id, activities.spaceId))
    .innerJoin(facilities, eq(facilities.id, spaces.facilityId));
}
type ActivityRow = Awaited<ReturnType<typeof activityBase>>[number];

export function toSessionView(session: typeof activitySessions.$inferSelect): SessionView {
  return {
    id: session.id,
    startsAt: toShanghaiIso(session.startsAt),
    endsAt: toShanghaiIso(session.endsAt),
    capacity: session.capacity,
    confirmed: session.confirmed,
    waitlisted: session.waitlisted,
    remaining: session.cancelledAt ? 0 : session.capacity - session.confirmed,
    cancelled: session.cancelledAt !== null,
    cancelReason: session.cancelReason,
  };
}

function toActivityView(row: ActivityRow, sessions: (typeof activitySessions.$inferSelect)[]): ActivityView & { townNameZh: string; townNameEn: string } {
  const { activity } = row;
  return {
    id: activity.id,
    title: activity.title,
    description: activity.description,
    category: activity.category,
    audience: activity.audience,
    status: activity.status,
    communityId: activity.communityId,
    communityName: row.communityName,
    townCode: row.townCode,
    townNameZh: row.townNameZh,
    townNameEn: row.townNameEn,
    roomId: activity.spaceId,
    roomName: row.roomName,
    facilityName: row.facilityName,
    signupOpensAt: activity.signupOpensAt ? toShanghaiIso(activity.signupOpensAt) : null,
    signupClosesAt: activity.signupClosesAt ? toShanghaiIso(activity.signupClosesAt) : null,
    sessions: sessions.map(toSessionView),
  };
}

/**
 * Published activities with a session in [from, to] (Shanghai dates; from today by default),
 * filtered by town, community (code or id), category and "has places". Two queries, whatever
 * the number of activities.
 */
export async function listActivities(query: ActivityQuery, now = new Date()) {
  const from = query.from ? shanghaiInstant(query.from, 0) : now;
  const to = query.to ? shanghaiInstant(query.to, 24 * 60) : null;
  const sessionFilter: SQL[] = [gte(activitySessions.startsAt, from), isNull(activitySessions.cancelledAt)];
  if (to) sessionFilter.push(lt(activitySessions.startsAt, to));
  if (query.hasPlaces === 'true') sessionFilter.push(lt(activitySessions.confirmed, activitySessions.capacity));

  const filters: SQL[] = [eq(activities.status, 'published')];
  if (query.town) filters.push(eq(communities.townCode, query.town));
  if (query.community) filters.push(isUuid(query.community) ? eq(communities.id, query.community) : eq(communities.code, query.community));
  if (query.category) filters.push(eq(activities.category, query.category));
  filters.push(sql`exists (select 1 from ${activitySessions} where ${activitySessions.activityId} = ${activities.id} and ${and(...sessionFilter)})`);

  const rows = await activityBase().where(and(...filters)).limit(200);
  if (rows.length === 0) return [];
  const sessions = await db
    .select()
    .from(activitySessions)
    .where(and(inArray(activitySessions.activityId, rows.map((r) => r.activity.id)), ...sessionFilter))
    .orderBy(asc(activitySessions.startsAt));
  return rows
    .map((row) => toActivityView(row, sessions.filter((s) => s.activityId === row.activity.id)))
    .sort((a, b) => a.sessions[0]!.startsAt.localeCompare(b.sessions[0]!.startsAt));
}

/** One activity with all its sessions. Drafts only for the staff who manage it. */
export async function getActivity(activityId: string, actor: Actor | null) {
  if (!isUuid(activityId)) return null;
  const [row] = await activityBase().where(eq(activities.id, activityId));
  if (!row) return null;
  if (row.activity.status === 'draft' && !(actor && canManageCommunity(actor, row.activity.communityId))) return null;
  const sessions = await db.select().from(activitySessions).where(eq(activitySessions.activityId, activityId)).orderBy(asc(activitySessions.startsAt));
  return toActivityView(row, sessions);
}

/** The signed-in resident's sign-ups on an activity's sessions, with waitlist positions. */
export async function mySignupsFor(userId: string, sessionIds: string[]) {
  if (sessionIds.length === 0) return new Map<string, { status: string; position?: number }>();
  const rows = await db
    .select({
      sessionId: signups.sessionId,
      status: signups.status,
      position: sql<number>`(select count(*)::int from ${signups} w where w.session_id = ${signups.sessionId} and w.status = 'waitlisted' and w.queue_no <= ${signups.queueNo})`,
    })
    .from(signups)
    .where(and(eq(signups.userId, userId), inArray(signups.sessionId, sessionIds), ne(signups.status, 'cancelled')));
  return new Map(rows.map((r) => [r.sessionId, r.status === 'waitlisted' ? { status: r.status, position: r.position } : { status: r.status }]));
}

/** Why sign-up is not open for a session now, or null (for the pages' buttons; the domain checks again). */
export function sessionOpen(activity: Pick<ActivityView, 'status' | 'signupOpensAt' | 'signupClosesAt'>, session: SessionView, now = new Date()) {
  const at = (iso: string | null) => (iso ? new Date(iso) : null);
  return signupRefusal(
    { status: activity.status, sessionCancelled: session.cancelled, signupOpensAt: at(activity.signupOpensAt), signupClosesAt: at(activity.signupClosesAt), startsAt: new Date(session.startsAt) },
    now,
  );
}

/** "My activities": the resident's current sign-ups, soonest first, then recent past ones. */
export async function listMySignups(ctx: RequestContext, now = new Date()) {
  const actor = await requireRole(ctx, 'resident');
  const rows = await db
    .select({
      signupId: signups.id,
      status: signups.status,
      queueNo: signups.queueNo,
      session: activitySessions,
      activityId: activities.id,
      title: activities.title,
      roomName: spaces.name,
      facilityName: facilities.name,
      position: sql<number>`(select count(*)::int from ${signups} w where w.session_id = ${signups.sessionId} and w.status = 'waitlisted' and w.queue_no <= ${signups.queueNo})`,
    })
    .from(signups)
    .innerJoin(activitySessions, eq(activitySessions.id, signups.sessionId))
    .innerJoin(activities, eq(activities.id, activitySessions.activityId))
    .innerJoin(spaces, eq(spaces.id, activitySessions.spaceId))
    .innerJoin(facilities, eq(facilities.id, spaces.facilityId))
    .where(and(eq(signups.userId, actor.id), or(ne(signups.status, 'cancelled'), gt(activitySessions.startsAt, now)), gt(activitySessions.startsAt, new Date(now.getTime() - 90 * 86_400_000))))
    .orderBy(asc(activitySessions.startsAt))
    .limit(200);
  return rows.map((r) => ({
    signupId: r.signupId,
    status: r.status,
    position: r.status === 'waitlisted' ? r.position : undefined,
    activityId: r.activityId,
    title: r.title,
    roomName: r.roomName,
    facilityName: r.facilityName,
    session: toSessionView(r.session),
    upcoming: r.session.startsAt > now,
  }));
}

/** A session's roster for its community's staff: places in sign-up order, then the waitlist. */
export async function sessionRoster(ctx: RequestContext, sessionId: string) {
  const actor = await requireUser(ctx);
  if (!isUuid(sessionId)) throw new AppError('not_found', 'Session not found');
  const [session] = await db.select().from(activitySessions).where(eq(activitySessions.id, sessionId));
  if (!session || !canManageCommunity(actor, session.communityId)) throw new AppError('not_found', 'Session not found');
  const [row] = await activityBase().where(eq(activities.id, session.activityId));
  const entries = await db
    .select({ signup: signups, name: users.name, mobile: users.mobile })
    .from(signups)
    .innerJoin(users, eq(users.id, signups.userId))
    .where(and(eq(signups.sessionId, sessionId), ne(signups.status, 'cancelled')))
    .orderBy(asc(signups.queueNo));
  let waiting = 0;
  const roster: RosterEntry[] = entries.map(({ signup, name, mobile }) => ({
    signupId: signup.id,
    name,
    mobile: maskMobile(mobile),
    status: signup.status,
    ...(signup.status === 'waitlisted' ? { position: ++waiting } : {}),
    signedUpAt: toShanghaiIso(signup.createdAt),
  }));
  return { activity: toActivityView(row!, [session]), session: toSessionView(session), roster };
}

/** Activities of the communities a staff member manages (all for admins), newest sessions first. */
export async function listStaffActivities(ctx: RequestContext) {
  const actor = await requireRole(ctx, 'staff', 'admin');
  const scope = actor.role === 'admin' ? undefined : inArray(activities.communityId, actor.communityIds.length > 0 ? actor.communityIds : ['00000000-0000-0000-0000-000000000000']);
  const rows = await activityBase().where(scope).orderBy(desc(activities.createdAt)).limit(200);
  if (rows.length === 0) return [];
  const sessions = await db
    .select()
    .from(activitySessions)
    .where(inArray(activitySessions.activityId, rows.map((r) => r.activity.id)))
    .orderBy(asc(activitySessions.startsAt));
  return rows.map((row) => toActivityView(row, sessions.filter((s) => s.activityId === row.activity.id)));
}

export interface ParticipationRow {
  communityId: string;
  communityName: string;
  /** 'YYYY-MM', Shanghai time, by the session's start. */
  month: string;
  sessions: number;
  places: number;
  signups: number;
  attended: number;
  absent: number;
  /** attended ÷ (attended + absent), or null before any attendance was taken. */
  attendanceRate: number | null;
  /** People who ever joined a waitlist (promoted or not): demand beyond the places offered. */
  waitlistJoins: number;
  stillWaiting: number;
}

/**
 * Participation per community and month: sessions held (not cancelled), places offered,
 * sign-ups with a place, attendance and waitlist demand. One aggregate query.
 */
export async function participationReport(communityIds: string[], fromMonth: string, toMonth: string): Promise<ParticipationRow[]> {
  if (communityIds.length === 0) return [];
  const from = shanghaiInstant(`${fromMonth}-01`, 0).toISOString();
  const to = shanghaiInstant(`${nextMonth(toMonth)}-01`, 0).toISOString();
  // Sign-ups are counted per session first (lateral), so places are summed once per session.
  const rows = await db.execute<Omit<ParticipationRow, 'attendanceRate'>>(sql`
    select s.community_id as "communityId", c.name as "communityName",
           to_char(s.starts_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
           count(*)::int as sessions, sum(s.capacity)::int as places,
           sum(x.signups)::int as signups, sum(x.attended)::int as attended, sum(x.absent)::int as absent,
           sum(x.waitlist_joins)::int as "waitlistJoins", sum(x.still_waiting)::int as "stillWaiting"
      from ${activitySessions} s
      join ${communities} c on c.id = s.community_id
      cross join lateral (
        select count(*) filter (where u.status in ('confirmed', 'attended', 'absent')) as signups,
               count(*) filter (where u.status = 'attended') as attended,
               count(*) filter (where u.status = 'absent') as absent,
               count(*) filter (where u.waitlisted_at is not null) as waitlist_joins,
               count(*) filter (where u.status = 'waitlisted') as still_waiting
          from ${signups} u where u.session_id = s.id) x
     where s.community_id in ${communityIds} and s.cancelled_at is null
       and s.starts_at >= ${from}::timestamptz and s.starts_at < ${to}::timestamptz
     group by s.community_id, c.name, month
     order by c.name, month`);
  return rows.map((row) => ({ ...row, attendanceRate: row.attended + row.absent > 0 ? row.attended / (row.attended + row.absent) : null }));
}

/** 'YYYY-MM' n months before (negative: after) another. */
export function monthsBefore(month: string, n: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1 - n, 1)).toISOString().slice(0, 7);
}

const nextMonth = (month: string) => monthsBefore(month, -1);
