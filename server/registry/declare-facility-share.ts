import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { communities, facilityShares } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireUser, type RequestContext } from '@/server/auth/context';
import { AppError, sqlState } from '@/server/errors';
import { assertRegisterWriter, facilityForWrite } from './access';
import type { DeclareShareInput } from './schemas';

/**
 * Declares a community's share of a facility (staff of the host community, or admins). The
 * database refuses shares that would total more than 100% on any day.
 */
export async function declareFacilityShare(ctx: RequestContext, facilityId: string, input: DeclareShareInput) {
  const actor = await requireUser(ctx);
  assertRegisterWriter(actor);
  try {
    return await db.transaction(async (tx) => {
      await facilityForWrite(tx, actor, facilityId);
      const [community] = await tx.select({ id: communities.id }).from(communities).where(eq(communities.id, input.communityId));
      if (!community) throw new AppError('validation', 'Unknown community', { fieldErrors: { communityId: ['community_unknown'] } });
      const [share] = await tx
        .insert(facilityShares)
        .values({
          facilityId,
          communityId: input.communityId,
          percent: input.percent,
          validFrom: input.validFrom,
          validTo: input.validTo ?? null,
          basisNote: input.basisNote ?? '',
          recordedBy: actor.id,
        })
        .returning();
      await writeAudit(tx, { actorId: actor.id, action: 'facility_share.declare', entity: 'facility_share', entityId: share!.id, after: share, requestId: ctx.requestId });
      return share!;
    });
  } catch (error) {
    if (sqlState(error) === '23514') {
      throw new AppError('conflict', 'Shares would exceed 100%', { type: 'shares-exceed-100', messageKey: 'shares_exceed_100', fieldErrors: { percent: ['shares_exceed_100'] } });
    }
    throw error;
  }
}
