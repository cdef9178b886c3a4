import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { facilities } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireUser, type RequestContext } from '@/server/auth/context';
import { AppError, violatedConstraint } from '@/server/errors';
import { assertRegisterWriter, facilityForWrite } from './access';
import type { UpdateFacilityInput } from './schemas';

/**
 * Describes a facility anew or closes it. The compliance history follows (its triggers): a
 * station upgraded to a comprehensive centre counts as one from its opening, a closed facility
 * stops counting from its closing day, and reports for earlier dates keep their answers.
 */
export async function updateFacility(ctx: RequestContext, facilityId: string, patch: UpdateFacilityInput) {
  const actor = await requireUser(ctx);
  assertRegisterWriter(actor);
  try {
    return await db.transaction(async (tx) => {
      const before = await facilityForWrite(tx, actor, facilityId);
      const [after] = await tx
        .update(facilities)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(facilities.id, facilityId))
        .returning();
      await writeAudit(tx, { actorId: actor.id, action: 'facility.update', entity: 'facility', entityId: facilityId, before, after, requestId: ctx.requestId });
      return after!;
    });
  } catch (error) {
    // A patch that names one date meets the other as stored (facilities_closed_after_opened).
    if (violatedConstraint(error) === 'facilities_closed_after_opened') throw new AppError('validation', 'Closed before it opened', { fieldErrors: { closedOn: ['closed_before_opened'] } });
    throw error;
  }
}
