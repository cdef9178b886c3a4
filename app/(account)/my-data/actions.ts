'use server';

import { getRequestContext } from '@/server/auth/session';
import { formResultFromError, type FormResult } from '@/server/form-result';
import { eraseMyAccount } from '@/server/privacy/erase-my-account';

export async function eraseAccountAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const password = formData.get('password');
  if (typeof password !== 'string' || password === '') return { ok: false, message: 'validation', fieldErrors: { password: ['password_required'] } };
  if (formData.get('confirm') !== 'yes') return { ok: false, message: 'validation', fieldErrors: { confirm: ['erase_confirm_required'] } };
  try {
    await eraseMyAccount(await getRequestContext(), password);
    return { ok: true, message: 'erased' };
  } catch (error) {
    return formResultFromError(error);
  }
}
