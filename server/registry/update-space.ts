import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { spaces } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireUser, type RequestContext } from '@/server/auth/context';
import { AppError, sqlState } from '@/server/errors';
import { assertRegisterWriter, spaceForWrite } from './access';
import type { UpdateSpaceInput } from './schemas';

/** Describes a space anew (name, use, capacity…) or retires it; its measurements stay as history. */
export async function updateSpace(ctx: RequestContext, spaceId: string, patch: UpdateSpaceInput) {
  const actor = await requireUser(ctx);
  assertRegisterWriter(actor);
  try {
    return await db.transaction(async (tx) => {
      const before = await spaceForWrite(tx, actor, spaceId);
      const [after] = await tx
        .update(spaces)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(spaces.id, spaceId))
        .returning();
      await writeAudit(tx, { actorId: actor.id, action: 'space.update', entity: 'space', entityId: spaceId, before, after, requestId: ctx.requestId });
      return after!;
    });
  } catch (error) {
    if (sqlState(error) === '23514') {
      throw new AppError('validation', 'A bookable space needs a capacity', { fieldErrors: { capacity: ['bookable_needs_capacity'] } });
    }
    throw error;
  }
}
