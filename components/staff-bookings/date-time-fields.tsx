import { inputClass } from '@/components/ui/field';

/**
 * A moment typed as a date and a time (Asia/Shanghai), under one legend and one error region
 * that both inputs point to.
 */
export function DateTimeFields({
  id,
  legend,
  hint,
  errors,
  date,
  time,
}: {
  id: string;
  legend: string;
  hint?: string;
  errors?: string[];
  date: { name: string; label: string; defaultValue?: string; min?: string };
  time?: { name: string; label: string; defaultValue?: string };
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const invalid = errorId ? true : undefined;
  return (
    <fieldset className="space-y-1">
      <legend className="font-medium">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <div className="min-w-0 flex-1 basis-40">
          <label htmlFor={`${id}-date`} className="block text-sm text-muted">
            {date.label}
          </label>
          <input id={`${id}-date`} name={date.name} type="date" defaultValue={date.defaultValue} min={date.min} className={inputClass} aria-describedby={describedBy} aria-invalid={invalid} required />
        </div>
        {time ? (
          <div className="min-w-0 flex-1 basis-32">
            <label htmlFor={`${id}-time`} className="block text-sm text-muted">
              {time.label}
            </label>
            <input id={`${id}-time`} name={time.name} type="time" defaultValue={time.defaultValue} className={inputClass} aria-describedby={describedBy} aria-invalid={invalid} required />
          </div>
        ) : null}
      </div>
      <div id={errorId} aria-live="polite" className="text-sm font-medium text-red-800">
        {errors?.map((error) => (
          <p key={error}>{error}</p>
        ))}
      </div>
    </fieldset>
  );
}
