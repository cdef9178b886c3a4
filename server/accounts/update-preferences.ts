import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { requireUser, type RequestContext } from '@/server/auth/context';

/** Remembers elder mode (长辈版) for the signed-in person, on every device they use. */
export async function setElderMode(ctx: RequestContext, on: boolean) {
  const actor = await requireUser(ctx);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ elderMode: on, updatedAt: new Date() }).where(eq(users.id, actor.id));
    await writeAudit(tx, { actorId: actor.id, action: 'user.preferences', entity: 'user', entityId: actor.id, after: { elderMode: on }, requestId: ctx.requestId });
  });
}
