'use server';

import { revalidatePath } from 'next/cache';
import { cancelMySignup, signUp } from '@/server/activities/signups';
import { getRequestContext } from '@/server/auth/session';
import { idFrom } from '@/server/form-data';
import { formResultFromError, type FormResult } from '@/server/form-result';

export interface SignupResult extends FormResult {
  position?: number;
}

function refresh(formData: FormData) {
  const activityId = idFrom(formData, 'activityId');
  if (activityId) revalidatePath(`/activities/${activityId}`);
  revalidatePath('/my/activities');
}

export async function signUpAction(_previous: SignupResult | null, formData: FormData): Promise<SignupResult> {
  const sessionId = idFrom(formData, 'sessionId');
  if (!sessionId) return { ok: false, message: 'not_found' };
  try {
    const signup = await signUp(await getRequestContext(), sessionId);
    refresh(formData);
    return { ok: true, message: signup.status, position: signup.position };
  } catch (error) {
    return formResultFromError(error);
  }
}

export async function cancelSignupAction(_previous: SignupResult | null, formData: FormData): Promise<SignupResult> {
  const sessionId = idFrom(formData, 'sessionId');
  if (!sessionId) return { ok: false, message: 'not_found' };
  try {
    await cancelMySignup(await getRequestContext(), sessionId);
    refresh(formData);
    return { ok: true, message: 'cancelled' };
  } catch (error) {
    return formResultFromError(error);
  }
}
