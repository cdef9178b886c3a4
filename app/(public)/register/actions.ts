'use server';

import { registerResident } from '@/server/accounts/register-resident';
import { registerSchema } from '@/server/accounts/schemas';
import { getRequestContext } from '@/server/auth/session';
import { fieldErrorsOf, formResultFromError, type FormResult } from '@/server/form-result';

export async function registerAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const parsed = registerSchema.safeParse({
    name: formData.get('name'),
    login: formData.get('login'),
    password: formData.get('password'),
    communityId: formData.get('communityId') || undefined,
  });
  if (!parsed.success) return { ok: false, message: 'validation', fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await registerResident(parsed.data, await getRequestContext(), 'web');
    return { ok: true };
  } catch (error) {
    return formResultFromError(error);
  }
}
