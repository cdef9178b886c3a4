'use server';

import { getRequestContext } from '@/server/auth/session';
import { idFrom } from '@/server/form-data';
import { formResultFromError, type FormResult } from '@/server/form-result';
import { revealMobile } from '@/server/privacy/reveal-mobile';

/** Staff open a resident's full mobile number on purpose; the domain logs the view. */
export async function revealMobileAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const id = idFrom(formData, 'id');
  const kind = formData.get('kind');
  if (!id || (kind !== 'booking' && kind !== 'signup')) return { ok: false, message: 'not_found' };
  try {
    const { mobile } = await revealMobile(await getRequestContext(), { kind, id });
    return { ok: true, values: mobile ? { mobile } : {} };
  } catch (error) {
    return formResultFromError(error);
  }
}
