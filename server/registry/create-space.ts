import { db } from '@/db/client';
import { spaces } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireUser, type RequestContext } from '@/server/auth/context';
import { assertRegisterWriter, facilityForWrite } from './access';
import type { CreateSpaceInput } from './schemas';

export async function createSpace(ctx: RequestContext, facilityId: string, input: CreateSpaceInput) {
  const actor = await requireUser(ctx);
  assertRegisterWriter(actor);
  return db.transaction(async (tx) => {
    const facility = await facilityForWrite(tx, actor, facilityId);
    const [space] = await tx
      .insert(spaces)
      .values({
        communityId: facility.communityId,
        facilityId: facility.id,
        name: input.name,
        setting: input.setting,
        useClass: input.useClass,
        floor: input.floor ?? null,
        aboveGround: input.aboveGround ?? true,
        bookable: input.bookable,
        capacity: input.capacity ?? null,
        accessibilityNotes: input.accessibilityNotes ?? null,
      })
      .returning();
    await writeAudit(tx, { actorId: actor.id, action: 'space.create', entity: 'space', entityId: space!.id, after: space, requestId: ctx.requestId });
    return space!;
  });
}
