import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { communities, towns } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireRole, type RequestContext } from '@/server/auth/context';
import { AppError, sqlState } from '@/server/errors';
import type { CreateCommunityInput } from './schemas';

export async function createCommunity(ctx: RequestContext, input: CreateCommunityInput) {
  const actor = await requireRole(ctx, 'admin');
  try {
    return await db.transaction(async (tx) => {
      const [town] = await tx.select({ code: towns.code }).from(towns).where(eq(towns.code, input.townCode));
      if (!town) throw new AppError('validation', 'Unknown town', { fieldErrors: { townCode: ['town_unknown'] } });
      const [community] = await tx.insert(communities).values(input).returning();
      await writeAudit(tx, { actorId: actor.id, action: 'community.create', entity: 'community', entityId: community!.id, after: community, requestId: ctx.requestId });
      return community!;
    });
  } catch (error) {
    if (sqlState(error) === '23505') throw new AppError('conflict', 'Code in use', { type: 'code-taken', messageKey: 'community_code_taken', fieldErrors: { code: ['community_code_taken'] } });
    throw error;
  }
}
