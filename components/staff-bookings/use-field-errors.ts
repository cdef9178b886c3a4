'use client';

import { useTranslations } from 'next-intl';
import type { FormResult } from '@/server/form-result';

/**
 * Field name → translated messages. Keys come from the domain (validation.*); a few the desk
 * words more precisely for its own forms (staffBookings.fieldErrors.*).
 */
export function useFieldErrors(state: FormResult | null) {
  const t = useTranslations();
  return (name: string) =>
    state?.fieldErrors?.[name]?.map((key) => (t.has(`staffBookings.fieldErrors.${key}`) ? t(`staffBookings.fieldErrors.${key}`) : t.has(`validation.${key}`) ? t(`validation.${key}`) : t('validation.invalid')));
}
