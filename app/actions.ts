'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { isLocale, LOCALE_COOKIE } from '@/i18n/locales';
import { setElderMode } from '@/server/accounts/update-preferences';
import { getRequestContext } from '@/server/auth/session';
import { ELDER_MODE_COOKIE } from '@/server/preferences/elder-mode';

/** Remembers the chosen language for a year; works without JavaScript (a plain form post). */
export async function setLocaleAction(formData: FormData) {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
}

/**
 * Switches elder mode (长辈版) on or off: remembered by this browser, and for the account when
 * signed in. Same URLs either way; a plain form post, so it works without JavaScript.
 */
export async function setElderModeAction(formData: FormData) {
  const on = formData.get('elder') === 'on';
  (await cookies()).set(ELDER_MODE_COOKIE, on ? '1' : '0', { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  const ctx = await getRequestContext();
  if (ctx.userId) await setElderMode(ctx, on);
  revalidatePath('/', 'layout');
}
