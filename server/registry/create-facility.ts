import { db } from '@/db/client';
import { facilities } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireUser, type RequestContext } from '@/server/auth/context';
import { assertRegisterWriter, communityForWrite } from './access';
import { DEFAULT_OPENING_HOURS } from './default-hours';
import type { CreateFacilityInput } from './schemas';

export async function createFacility(ctx: RequestContext, input: CreateFacilityInput) {
  const actor = await requireUser(ctx);
  assertRegisterWriter(actor);
  return db.transaction(async (tx) => {
    await communityForWrite(tx, actor, input.communityId);
    const [facility] = await tx
      .insert(facilities)
      .values({
        communityId: input.communityId,
        name: input.name,
        kind: input.kind,
        address: input.address ?? '',
        openingHours: input.openingHours ?? DEFAULT_OPENING_HOURS,
        openedOn: input.openedOn ?? null,
      })
      .returning();
    await writeAudit(tx, { actorId: actor.id, action: 'facility.create', entity: 'facility', entityId: facility!.id, after: facility, requestId: ctx.requestId });
    return facility!;
  });
}
