import { db, type Executor } from '@/db/client';
import { householdCounts } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireUser, type Actor, type RequestContext } from '@/server/auth/context';
import { assertRegisterWriter, communityForWrite } from './access';
import type { RecordHouseholdCountInput } from './schemas';

export async function recordHouseholdCount(ctx: RequestContext, communityId: string, input: RecordHouseholdCountInput) {
  const actor = await requireUser(ctx);
  assertRegisterWriter(actor);
  return db.transaction((tx) => insertHouseholdCount(tx, actor, ctx.requestId, communityId, input));
}

/** Inside the caller's transaction: also used by the bulk import. */
export async function insertHouseholdCount(tx: Executor, actor: Actor, requestId: string, communityId: string, input: RecordHouseholdCountInput) {
  await communityForWrite(tx, actor, communityId);
  const [count] = await tx
    .insert(householdCounts)
    .values({
      communityId,
      basis: input.basis,
      households: input.households,
      asOf: input.asOf,
      source: input.source,
      suppliedBy: input.suppliedBy ?? null,
      note: input.note ?? null,
      recordedBy: actor.id,
    })
    .returning();
  await writeAudit(tx, { actorId: actor.id, action: 'household_count.record', entity: 'household_count', entityId: count!.id, after: count, requestId });
  return count!;
}
