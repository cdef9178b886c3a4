'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import type { FormResult } from '@/server/form-result';

/**
 * The outcome of a desk form in words: success messages are keys under `namespace`
 * (staffBookings.results by default),
 * refusals keys under errors. Always rendered, so screen readers hear the change.
 */
export function FormStatus({
  state,
  successValues,
  children,
  namespace = 'staffBookings.results',
}: {
  state: FormResult | null;
  successValues?: Record<string, string | number>;
  children?: ReactNode;
  /** Where the success keys live. */
  namespace?: string;
}) {
  const t = useTranslations();
  if (!state?.message) return null;
  if (state.ok) {
    return (
      <Alert tone="success">
        <p>{t(`${namespace}.${state.message}`, { ...state.values, ...successValues })}</p>
        {children}
      </Alert>
    );
  }
  const key = `errors.${state.message}`;
  return (
    <Alert tone="error">
      <p>{t.has(key) ? t(key) : t('errors.conflict')}</p>
      {children}
    </Alert>
  );
}
