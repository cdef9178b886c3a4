import { db, type Executor } from '@/db/client';
import { areaMeasurements } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireUser, type Actor, type RequestContext } from '@/server/auth/context';
import { assertRegisterWriter, spaceForWrite } from './access';
import type { RecordMeasurementInput } from './schemas';

/** Adds a measurement to a space's history (a correction is a new measurement with a note). */
export async function recordMeasurement(ctx: RequestContext, spaceId: string, input: RecordMeasurementInput) {
  const actor = await requireUser(ctx);
  assertRegisterWriter(actor);
  return db.transaction((tx) => insertMeasurement(tx, actor, ctx.requestId, spaceId, input));
}

/** Inside the caller's transaction: also used by the bulk import. */
export async function insertMeasurement(tx: Executor, actor: Actor, requestId: string, spaceId: string, input: RecordMeasurementInput) {
  const space = await spaceForWrite(tx, actor, spaceId);
  const [measurement] = await tx
    .insert(areaMeasurements)
    .values({
      communityId: space.communityId,
      spaceId,
      areaM2: input.areaM2,
      basis: input.basis,
      measuredOn: input.measuredOn,
      method: input.method,
      measuredBy: input.measuredBy,
      organisation: input.organisation ?? null,
      note: input.note ?? null,
      recordedBy: actor.id,
    })
    .returning();
  await writeAudit(tx, { actorId: actor.id, action: 'measurement.record', entity: 'area_measurement', entityId: measurement!.id, after: measurement, requestId });
  return measurement!;
}
