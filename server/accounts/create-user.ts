import { inArray } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { communities, staffAssignments } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireRole, type RequestContext } from '@/server/auth/context';
import { hashPassword } from '@/server/auth/password';
import { AppError } from '@/server/errors';
import { insertUser } from './insert-user';
import { selectUserView } from './queries';
import type { CreateUserInput } from './schemas';

/** Admins create accounts of any role; only staff carry community assignments. */
export async function createUser(ctx: RequestContext, input: CreateUserInput) {
  const actor = await requireRole(ctx, 'admin');
  const communityIds = [...new Set(input.communityIds ?? [])];
  if (communityIds.length > 0 && input.role !== 'staff') {
    throw new AppError('validation', 'Only staff are assigned to communities', { fieldErrors: { communityIds: ['only_staff_assigned'] } });
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await assertCommunitiesExist(tx, communityIds);
    const user = await insertUser(tx, { name: input.name, login: input.login, passwordHash, role: input.role, homeCommunityId: null });
    if (communityIds.length > 0) {
      await tx.insert(staffAssignments).values(communityIds.map((communityId) => ({ userId: user.id, communityId })));
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      after: { name: input.name, role: input.role, communityIds },
      requestId: ctx.requestId,
    });
    return (await selectUserView(tx, user.id))!;
  });
}

export async function assertCommunitiesExist(tx: Executor, communityIds: string[]) {
  if (communityIds.length === 0) return;
  const found = await tx.select({ id: communities.id }).from(communities).where(inArray(communities.id, communityIds));
  if (found.length !== communityIds.length) {
    throw new AppError('validation', 'Unknown community', { fieldErrors: { communityIds: ['community_unknown'] } });
  }
}
