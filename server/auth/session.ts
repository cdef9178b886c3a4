import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import type { Role } from '@/db/schema/enums';
import { isAppError } from '@/server/errors';
import { clientAddressFrom, requestIdFrom } from './client-address';
import { requireRole, requireUser, type Actor, type RequestContext } from './context';
import { getAuthOptions } from './options';

/** The request context of a page, layout or server action: the next-auth session's claim. */
export async function getRequestContext(): Promise<RequestContext> {
  const [session, requestHeaders] = await Promise.all([getServerSession(getAuthOptions()), headers()]);
  return {
    userId: session?.user?.id ?? null,
    requestId: requestIdFrom(requestHeaders.get('x-request-id')),
    clientAddress: clientAddressFrom(requestHeaders.get('x-forwarded-for'), requestHeaders.get('x-real-ip')),
  };
}

/**
 * The signed-in user for rendering (navigation, greetings, elder mode), or null. Re-read from the
 * database once per request: the layout, the header and the page share the one read.
 */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  try {
    return await requireUser(await getRequestContext());
  } catch (error) {
    if (isAppError(error)) return null;
    throw error;
  }
});

/**
 * Guards a page: signed-out visitors go to sign-in, other roles get "not found" — a page they
 * may not use does not admit it exists.
 */
export async function requirePageRole(callbackPath: string, ...roles: Role[]): Promise<{ actor: Actor; ctx: RequestContext }> {
  const ctx = await getRequestContext();
  try {
    return { actor: await requireRole(ctx, ...roles), ctx };
  } catch (error) {
    if (isAppError(error) && error.code === 'unauthenticated') redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
    if (isAppError(error) && error.code === 'forbidden') notFound();
    throw error;
  }
}
