import { eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { getCurrentActor } from '@/server/auth/session';

/** The browser's choice when signed out (and the first choice of a new account). */
export const ELDER_MODE_COOKIE = 'linli_elder';

export async function elderModeCookie(): Promise<boolean> {
  return (await cookies()).get(ELDER_MODE_COOKIE)?.value === '1';
}

/** Elder mode for this request: the signed-in person's saved choice, else this browser's. */
export async function isElderMode(): Promise<boolean> {
  const actor = await getCurrentActor();
  if (!actor) return elderModeCookie();
  const [row] = await db.select({ elderMode: users.elderMode }).from(users).where(eq(users.id, actor.id));
  return row?.elderMode ?? false;
}
