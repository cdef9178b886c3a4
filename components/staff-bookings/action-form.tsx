'use client';

import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { useFormAction } from '@/components/ui/use-form-action';
import type { FormResult } from '@/server/form-result';
import { FormStatus } from './form-status';
import { useFieldErrors } from './use-field-errors';

/**
 * A small desk form: hidden ids, optional fields rendered by `fields` (given each field's
 * translated errors), one submit button, and its outcome in words right below it.
 */
export function ActionForm({
  action,
  hidden,
  fields,
  submitLabel,
  variant = 'primary',
  namespace,
  label,
  className = '',
}: {
  action: (previous: FormResult | null, formData: FormData) => Promise<FormResult>;
  hidden: Record<string, string>;
  fields?: (errors: (name: string) => string[] | undefined) => ReactNode;
  submitLabel: ReactNode;
  variant?: 'primary' | 'secondary' | 'danger';
  namespace?: string;
  label?: string;
  className?: string;
}) {
  const { state, onSubmit, pending } = useFormAction(action);
  const errors = useFieldErrors(state);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={label} className={`space-y-2 ${className}`}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields?.(errors)}
      <Button type="submit" variant={variant} disabled={pending}>
        {submitLabel}
      </Button>
      <div aria-live="polite">
        <FormStatus state={state} namespace={namespace} />
      </div>
    </form>
  );
}
