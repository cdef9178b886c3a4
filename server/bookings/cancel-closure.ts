import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { closures, occupancies } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireRole, type RequestContext } from '@/server/auth/context';
import { AppError } from '@/server/errors';
import { assertManages } from './staff-access';

/**
 * Lifts a closure (the repairs finished early, the holiday was moved): its rooms are free again
 * at once. Bookings it cancelled stay cancelled — their residents were told and may book again.
 */
export async function cancelClosure(ctx: RequestContext, closureId: string, now = new Date()) {
  const actor = await requireRole(ctx, 'staff', 'admin');
  return db.transaction(async (tx) => {
    const [closure] = await tx.select().from(closures).where(eq(closures.id, closureId)).for('update');
    if (!closure) throw new AppError('not_found', 'Closure not found');
    assertManages(actor, closure.communityId, 'Closure');
    if (closure.cancelledAt || closure.endsAt <= now) throw new AppError('conflict', 'Closure already over', { type: 'closure-over', messageKey: 'closure_over' });
    await tx.delete(occupancies).where(eq(occupancies.closureId, closureId));
    const [lifted] = await tx.update(closures).set({ cancelledAt: now }).where(eq(closures.id, closureId)).returning();
    await writeAudit(tx, { actorId: actor.id, action: 'closure.cancel', entity: 'closure', entityId: closureId, before: closure, after: lifted, requestId: ctx.requestId });
    return { id: closureId, cancelledAt: lifted!.cancelledAt };
  });
}
