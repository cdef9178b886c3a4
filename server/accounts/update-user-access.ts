import { and, eq, notInArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { staffAssignments, users } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireRole, type RequestContext } from '@/server/auth/context';
import { AppError } from '@/server/errors';
import { assertCommunitiesExist } from './create-user';
import type { SetUserDisabledInput, UpdateAssignmentsInput } from './schemas';

/** Disabling takes effect at once: every server-side check re-reads the flag. */
export async function setUserDisabled(ctx: RequestContext, input: SetUserDisabledInput) {
  const actor = await requireRole(ctx, 'admin');
  if (input.userId === actor.id) {
    throw new AppError('conflict', 'You cannot disable your own account', { messageKey: 'cannot_disable_self' });
  }
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ disabled: users.disabled, erasedAt: users.erasedAt }).from(users).where(eq(users.id, input.userId)).for('update');
    if (!user) throw new AppError('not_found', 'User not found');
    // An erased account has no way to sign in and stays disabled (users_erased_blank).
    if (user.erasedAt && !input.disabled) throw new AppError('conflict', 'An erased account cannot be enabled', { messageKey: 'account_erased' });
    const before = { disabled: user.disabled };
    await tx.update(users).set({ disabled: input.disabled, updatedAt: new Date() }).where(eq(users.id, input.userId));
    await writeAudit(tx, {
      actorId: actor.id,
      action: input.disabled ? 'user.disable' : 'user.enable',
      entity: 'user',
      entityId: input.userId,
      before,
      after: { disabled: input.disabled },
      requestId: ctx.requestId,
    });
  });
}

/** Replaces a staff member's community assignments. */
export async function updateStaffAssignments(ctx: RequestContext, input: UpdateAssignmentsInput) {
  const actor = await requireRole(ctx, 'admin');
  const communityIds = [...new Set(input.communityIds)];
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, input.userId)).for('update');
    if (!user) throw new AppError('not_found', 'User not found');
    if (user.role !== 'staff') {
      throw new AppError('validation', 'Only staff are assigned to communities', { fieldErrors: { communityIds: ['only_staff_assigned'] } });
    }
    await assertCommunitiesExist(tx, communityIds);
    const before = await tx.select({ communityId: staffAssignments.communityId }).from(staffAssignments).where(eq(staffAssignments.userId, input.userId));
    await tx
      .delete(staffAssignments)
      .where(
        communityIds.length > 0
          ? and(eq(staffAssignments.userId, input.userId), notInArray(staffAssignments.communityId, communityIds))
          : eq(staffAssignments.userId, input.userId),
      );
    if (communityIds.length > 0) {
      await tx
        .insert(staffAssignments)
        .values(communityIds.map((communityId) => ({ userId: input.userId, communityId })))
        .onConflictDoNothing();
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'user.assign_communities',
      entity: 'user',
      entityId: input.userId,
      before: { communityIds: before.map((row) => row.communityId) },
      after: { communityIds },
      requestId: ctx.requestId,
    });
  });
}
