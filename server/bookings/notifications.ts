import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { notifications } from '@/db/schema';
import { requireUser, type RequestContext } from '@/server/auth/context';

/** The signed-in user's inbox, newest first. */
export async function listNotifications(ctx: RequestContext, limit = 50) {
  const actor = await requireUser(ctx);
  return db.select().from(notifications).where(eq(notifications.userId, actor.id)).orderBy(desc(notifications.createdAt)).limit(limit);
}

export async function countUnread(ctx: RequestContext): Promise<number> {
  const actor = await requireUser(ctx);
  const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function markAllRead(ctx: RequestContext) {
  const actor = await requireUser(ctx);
  await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)));
}
