import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { activitySessions, bookings, signups, users } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireRole, type RequestContext } from '@/server/auth/context';
import { assertManages } from '@/server/bookings/staff-access';
import { AppError } from '@/server/errors';
import { logSecurityEvent } from '@/server/security/security-log';

/**
 * Staff open a resident's full mobile number on purpose — to call about a booking or a place —
 * and that view is written to the audit log and the security log. Elsewhere it is masked.
 */
export async function revealMobile(ctx: RequestContext, record: { kind: 'booking' | 'signup'; id: string }) {
  const actor = await requireRole(ctx, 'staff', 'admin');
  // The record's community (who may see it) and the person's number, in one read.
  const [row] =
    record.kind === 'booking'
      ? await db
          .select({ communityId: bookings.communityId, userId: bookings.residentId, mobile: users.mobile })
          .from(bookings)
          .innerJoin(users, eq(users.id, bookings.residentId))
          .where(eq(bookings.id, record.id))
      : await db
          .select({ communityId: activitySessions.communityId, userId: signups.userId, mobile: users.mobile })
          .from(signups)
          .innerJoin(activitySessions, eq(activitySessions.id, signups.sessionId))
          .innerJoin(users, eq(users.id, signups.userId))
          .where(eq(signups.id, record.id));
  if (!row) throw new AppError('not_found', 'Not found');
  assertManages(actor, row.communityId, 'Record');
  await db.transaction(async (tx) => {
    await writeAudit(tx, { actorId: actor.id, action: 'personal_data.view', entity: record.kind, entityId: record.id, after: { field: 'mobile', subjectId: row.userId }, requestId: ctx.requestId });
    await logSecurityEvent({ kind: 'personal_data_viewed', actorId: actor.id, subjectId: row.userId, clientAddress: ctx.clientAddress, detail: { field: 'mobile', record: record.kind, recordId: record.id }, requestId: ctx.requestId }, tx);
  });
  return { mobile: row.mobile };
}
