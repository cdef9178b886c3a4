import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

export const inputClass =
  'block min-h-11 w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-ink placeholder:text-slate-500 aria-[invalid=true]:border-red-700';

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Translated messages for this field; announced and linked with aria-describedby. */
  errors?: string[];
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

/** A labelled field with its hint and errors wired for screen readers. */
export function Field({ id, label, hint, errors, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mb-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children(describedBy, Boolean(errorId))}
      {/* Always present (a live region must exist before it speaks), taking no room while empty. */}
      <div id={errorId} aria-live="polite" className="text-sm font-medium text-red-800 not-empty:mt-1">
        {errors?.map((error) => (
          <p key={error}>{error}</p>
        ))}
      </div>
    </div>
  );
}

export function TextField({
  id,
  label,
  hint,
  errors,
  ...input
}: Omit<FieldProps, 'children'> & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <input id={id} className={inputClass} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...input} />
      )}
    </Field>
  );
}

export function SelectField({
  id,
  label,
  hint,
  errors,
  children,
  ...select
}: Omit<FieldProps, 'children'> & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <select id={id} className={inputClass} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...select}>
          {children}
        </select>
      )}
    </Field>
  );
}
