'use server';

import { revalidatePath } from 'next/cache';
import { createUser } from '@/server/accounts/create-user';
import { createUserSchema, setUserDisabledSchema } from '@/server/accounts/schemas';
import { setUserDisabled } from '@/server/accounts/update-user-access';
import { getRequestContext } from '@/server/auth/session';
import { fieldErrorsOf, formResultFromError, type FormResult } from '@/server/form-result';

export async function createUserAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const parsed = createUserSchema.safeParse({
    name: formData.get('name'),
    login: formData.get('login'),
    password: formData.get('password'),
    role: formData.get('role'),
    communityIds: formData.getAll('communityIds').filter((id) => id !== ''),
  });
  if (!parsed.success) return { ok: false, message: 'validation', fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await createUser(await getRequestContext(), parsed.data);
  } catch (error) {
    return formResultFromError(error);
  }
  revalidatePath('/admin/accounts');
  return { ok: true, message: 'created' };
}

export async function setUserDisabledAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const parsed = setUserDisabledSchema.safeParse({ userId: formData.get('userId'), disabled: formData.get('disabled') === 'true' });
  if (!parsed.success) return { ok: false, message: 'validation', fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await setUserDisabled(await getRequestContext(), parsed.data);
  } catch (error) {
    return formResultFromError(error);
  }
  revalidatePath('/admin/accounts');
  return { ok: true, message: parsed.data.disabled ? 'disabledDone' : 'enabledDone' };
}
