'use server';

import { getRequestContext } from '@/server/auth/session';
import { formResultFromError, type FormResult } from '@/server/form-result';
import { eraseMyAccount } from '@/server/privacy/erase-my-account';

export async function eraseAccountAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const password = formData.get('password');
  // Every missing piece is said at once, next to its field.
  const fieldErrors: Record<string, string[]> = {};
  if (typeof password !== 'string' || password === '') fieldErrors.password = ['password_required'];
  if (formData.get('confirm') !== 'yes') fieldErrors.confirm = ['erase_confirm_required'];
  if (typeof password !== 'string' || Object.keys(fieldErrors).length > 0) return { ok: false, message: 'validation', fieldErrors };
  try {
    await eraseMyAccount(await getRequestContext(), password);
    return { ok: true, message: 'erased' };
  } catch (error) {
    return formResultFromError(error);
  }
}
