'use server';

import { registerResident } from '@/server/accounts/register-resident';
import { registerSchema } from '@/server/accounts/schemas';
import { getRequestContext } from '@/server/auth/session';
import { elderModeCookie } from '@/server/preferences/elder-mode';
import { fieldErrorsOf, formResultFromError, type FormResult } from '@/server/form-result';

export async function registerAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const parsed = registerSchema.safeParse({
    name: formData.get('name'),
    login: formData.get('login'),
    password: formData.get('password'),
    communityId: formData.get('communityId') || undefined,
    consent: formData.get('consent') === 'yes' ? true : undefined,
  });
  // The web form shows the notice, so agreeing to it is required here.
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (formData.get('consent') !== 'yes') fieldErrors.consent = ['consent_required'];
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { ok: false, message: 'validation', fieldErrors };
  try {
    await registerResident(parsed.data, await getRequestContext(), 'web', { elderMode: await elderModeCookie() });
    return { ok: true };
  } catch (error) {
    return formResultFromError(error);
  }
}
