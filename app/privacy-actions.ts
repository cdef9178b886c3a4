'use server';

import { uuidSchema } from '@/server/accounts/schemas';
import { getRequestContext } from '@/server/auth/session';
import { formResultFromError, type FormResult } from '@/server/form-result';
import { revealMobile } from '@/server/privacy/reveal-mobile';

export interface RevealResult extends FormResult {
  mobile?: string | null;
}

/** Staff open a resident's full mobile number on purpose; the domain logs the view. */
export async function revealMobileAction(_previous: FormResult | null, formData: FormData): Promise<RevealResult> {
  const id = uuidSchema.safeParse(formData.get('id'));
  const kind = formData.get('kind');
  if (!id.success || (kind !== 'booking' && kind !== 'signup')) return { ok: false, message: 'not_found' };
  try {
    return { ok: true, ...(await revealMobile(await getRequestContext(), { kind, id: id.data })) };
  } catch (error) {
    return formResultFromError(error);
  }
}
