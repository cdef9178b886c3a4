import type { InputHTMLAttributes } from 'react';

/** A checkbox with its label beside it and a target at least 44 px tall. */
export function CheckboxField({ id, label, hint, errors, ...input }: { id: string; label: string; hint?: string; errors?: string[] } & InputHTMLAttributes<HTMLInputElement>) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="space-y-1">
      <div className="flex min-h-11 items-center gap-3">
        <input
          id={id}
          type="checkbox"
          className="size-5 shrink-0 accent-brand-700"
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
          aria-invalid={errorId ? true : undefined}
          {...input}
        />
        <label htmlFor={id} className="flex min-h-11 items-center font-medium">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <div id={errorId} aria-live="polite" className="text-sm font-medium text-red-800">
        {errors?.map((error) => <p key={error}>{error}</p>)}
      </div>
    </div>
  );
}
