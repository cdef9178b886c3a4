'use client';

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import type { FormResult } from '@/server/form-result';

/**
 * useActionState for forms that must keep what was typed when the server refuses it: React
 * resets a form whose `action` prop is a function, which would wipe a long form over one bad field.
 */
export function useFormAction(action: (previous: FormResult | null, formData: FormData) => Promise<FormResult>) {
  const [state, dispatch, pending] = useActionState<FormResult | null, FormData>(action, null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  }
  return { state, onSubmit, pending };
}

/** A ref for a form that starts afresh once saved: cleared on success only, so a refusal keeps what was typed. */
export function useResetOnSave(state: FormResult | null) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return formRef;
}
