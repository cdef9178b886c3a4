import type { TextareaHTMLAttributes } from 'react';
import { Field, inputClass } from '@/components/ui/field';

export function TextAreaField({
  id,
  label,
  hint,
  errors,
  ...textarea
}: { id: string; label: string; hint?: string; errors?: string[] } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => <textarea id={id} rows={3} className={inputClass} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...textarea} />}
    </Field>
  );
}
