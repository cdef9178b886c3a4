'use server';

import { getRequestContext } from '@/server/auth/session';
import { idFrom } from '@/server/form-data';
import { formResultFromError, type FormResult } from '@/server/form-result';
import { revealMobile } from '@/server/privacy/reveal-mobile';

export interface RevealResult extends FormResult {
  mobile?: string | null;
}

/** Staff open a resident's full mobile number on purpose; the domain logs the view. */
export async function revealMobileAction(_previous: FormResult | null, formData: FormData): Promise<RevealResult> {
  const id = idFrom(formData, 'id');
  const kind = formData.get('kind');
  if (!id || (kind !== 'booking' && kind !== 'signup')) return { ok: false, message: 'not_found' };
  try {
    return { ok: true, ...(await revealMobile(await getRequestContext(), { kind, id })) };
  } catch (error) {
    return formResultFromError(error);
  }
}
