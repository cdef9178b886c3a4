'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import type { FormResult } from '@/server/form-result';

/** The outcome of a register form in words: what was saved, or why nothing was. */
export function FormAlerts({ state, success }: { state: FormResult | null; success: string }) {
  const t = useTranslations();
  if (!state) return null;
  if (state.ok) return <Alert tone="success">{success}</Alert>;
  return <Alert tone="error">{t(`errors.${state.message ?? 'validation'}`)}</Alert>;
}

/** Field name → translated messages, for the fields' `errors` prop. */
export function useFieldErrors(state: FormResult | null) {
  const t = useTranslations('validation');
  return (name: string) => state?.fieldErrors?.[name]?.map((key) => t(key));
}
