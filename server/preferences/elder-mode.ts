import { cookies } from 'next/headers';
import { getCurrentActor } from '@/server/auth/session';

/** The browser's choice when signed out (and the first choice of a new account). */
export const ELDER_MODE_COOKIE = 'linli_elder';

export async function elderModeCookie(): Promise<boolean> {
  return (await cookies()).get(ELDER_MODE_COOKIE)?.value === '1';
}

/**
 * Elder mode for this request: on when this browser or the signed-in account chose it. Switching
 * while signed in sets both, so turning it off works; turning it on before signing in survives
 * the sign-in; an account that chose it gets it on every device.
 */
export async function isElderMode(): Promise<boolean> {
  if (await elderModeCookie()) return true;
  return (await getCurrentActor())?.elderMode ?? false;
}
