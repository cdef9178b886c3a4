import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { staffAssignments, users, type Role } from '@/db/schema';
import { AppError } from '@/server/errors';
import { logSecurityEvent } from '@/server/security/security-log';

/**
 * Who is asking, as the adapter (page, action, API handler) authenticated them: a claim only.
 * Domain functions turn it into an Actor with requireUser(), which re-reads the database.
 */
export interface RequestContext {
  userId: string | null;
  requestId: string;
  clientAddress: string;
  /**
   * The account as read from the database while this request was authenticated (bearer tokens
   * are looked up with their user in one query): fresh for this request, so it is not read again.
   */
  actor?: Actor | null;
}

export interface Actor {
  id: string;
  name: string;
  role: Role;
  /** Communities a staff member is assigned to, read fresh on every request. */
  communityIds: string[];
  /** 长辈版, as the account chose it. */
  elderMode: boolean;
}

/**
 * The signed-in, enabled user, re-read from the database on every call: disabling an account or
 * removing an assignment takes effect at once, whatever an older session token says.
 */
export async function requireUser(ctx: RequestContext): Promise<Actor> {
  if (!ctx.userId) throw new AppError('unauthenticated', 'Sign-in required');
  const actor = await optionalActor(ctx);
  if (!actor) throw new AppError('unauthenticated', 'Sign-in required', { messageKey: 'account_unavailable' });
  return actor;
}

/** The signed-in, enabled user, or null for visitors (and disabled accounts): for public reads. */
export async function optionalActor(ctx: RequestContext): Promise<Actor | null> {
  if (ctx.actor !== undefined) return ctx.actor;
  return ctx.userId ? loadActor(ctx.userId) : null;
}

export async function requireRole(ctx: RequestContext, ...roles: Role[]): Promise<Actor> {
  const actor = await requireUser(ctx);
  if (!roles.includes(actor.role)) {
    await logSecurityEvent({ kind: 'permission_refused', actorId: actor.id, clientAddress: ctx.clientAddress, detail: { role: actor.role, required: roles.join(',') }, requestId: ctx.requestId });
    throw new AppError('forbidden', 'Not allowed for this account');
  }
  return actor;
}

/** The columns an Actor is made of, for queries that start from something else (a token). */
export const actorColumns = {
  id: users.id,
  name: users.name,
  role: users.role,
  disabled: users.disabled,
  elderMode: users.elderMode,
  communityId: staffAssignments.communityId,
};

export async function loadActor(userId: string): Promise<Actor | null> {
  const rows = await db.select(actorColumns).from(users).leftJoin(staffAssignments, eq(staffAssignments.userId, users.id)).where(eq(users.id, userId));
  return actorFromRows(rows);
}

/** The actor of rows selected with actorColumns (one per assignment); null when disabled or absent. */
export function actorFromRows(rows: { id: string; name: string; role: Role; disabled: boolean; elderMode: boolean; communityId: string | null }[]): Actor | null {
  const first = rows[0];
  if (!first || first.disabled) return null;
  return {
    id: first.id,
    name: first.name,
    role: first.role,
    elderMode: first.elderMode,
    communityIds: rows.flatMap((row) => (row.communityId ? [row.communityId] : [])),
  };
}
