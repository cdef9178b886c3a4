import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { communities, facilities, spaces } from '@/db/schema';
import type { Actor } from '@/server/auth/context';
import { canManageCommunity } from '@/server/auth/policy';
import { AppError } from '@/server/errors';

// Loads the record a change is about and checks the actor may change it. Someone who may not
// manage the record is told it does not exist, so ids of other communities reveal nothing.

export async function communityForWrite(tx: Executor, actor: Actor, communityId: string) {
  const [community] = await tx.select().from(communities).where(eq(communities.id, communityId));
  if (!community || !canManageCommunity(actor, community.id)) throw new AppError('not_found', 'Community not found');
  return community;
}

export async function facilityForWrite(tx: Executor, actor: Actor, facilityId: string) {
  // Locked, as spaceForWrite locks a space: the writer's `before` stays what it changes.
  const [facility] = await tx.select().from(facilities).where(eq(facilities.id, facilityId)).for('update');
  if (!facility || !canManageCommunity(actor, facility.communityId)) throw new AppError('not_found', 'Facility not found');
  return facility;
}

export async function spaceForWrite(tx: Executor, actor: Actor, spaceId: string) {
  const [space] = await tx.select().from(spaces).where(eq(spaces.id, spaceId)).for('update');
  if (!space || !canManageCommunity(actor, space.communityId)) throw new AppError('not_found', 'Space not found');
  return space;
}

/** Auditors read everything and write nothing; residents write nothing in the register. */
export function assertRegisterWriter(actor: Actor) {
  if (actor.role !== 'staff' && actor.role !== 'admin') throw new AppError('forbidden', 'Not allowed for this account');
}
