import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { facilities } from '@/db/schema';
import type { Actor } from '@/server/auth/context';
import { canManageCommunity } from '@/server/auth/policy';
import { AppError } from '@/server/errors';

/** Staff act on the rooms of their own communities (admins on all); others are told it does not exist. */
export function assertManages(actor: Actor, communityId: string, what = 'Room') {
  if (!canManageCommunity(actor, communityId)) throw new AppError('not_found', `${what} not found`);
}

export async function facilityForStaff(executor: Executor, actor: Actor, facilityId: string) {
  const [facility] = await executor.select().from(facilities).where(eq(facilities.id, facilityId));
  if (!facility) throw new AppError('not_found', 'Facility not found');
  assertManages(actor, facility.communityId, 'Facility');
  return facility;
}
