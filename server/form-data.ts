import 'server-only';
import { z } from 'zod';
import { isoDateSchema } from '@/server/common-schemas';

// Reading what server actions' forms post. An empty input is a missing value (never 0, never ""),
// so the domain schema reports it as missing rather than accepting a silent zero.

export type FieldErrors = Record<string, string[]>;

/** A filled-in input as typed; empty or only spaces reads as missing. */
export function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** As text, without the spaces around it (the booking desk's and activities' forms). */
export function trimmedText(formData: FormData, name: string): string | undefined {
  return text(formData, name)?.trim();
}

/** A register number input: empty → null (cleared), otherwise a number (NaN is refused by the schema). */
export function numberOrNull(formData: FormData, name: string): number | null {
  const value = text(formData, name);
  return value === undefined ? null : Number(value.trim());
}

/** A whole or decimal number typed by a person, decimal comma allowed; empty is not zero (NaN). */
export function numberFrom(formData: FormData, name: string): number {
  const value = trimmedText(formData, name);
  return value === undefined ? Number.NaN : Number(value.replace(',', '.'));
}

export function checked(formData: FormData, name: string): boolean {
  return formData.get(name) === 'on' || formData.get(name) === 'true';
}

/** The id a form posts back in a hidden field; anything else reads as "not found". */
export function idFrom(formData: FormData, name: string): string | null {
  const parsed = z.uuid().safeParse(formData.get(name));
  return parsed.success ? parsed.data : null;
}

export function addError(errors: FieldErrors, field: string, key: string) {
  const list = (errors[field] ??= []);
  if (!list.includes(key)) list.push(key);
}

/** Each issue's message under the field `fieldOf` names: the message when it is a key, else 'invalid'; each key once. */
function collectIssues(error: z.ZodError, fieldOf: (path: PropertyKey[]) => string, errors: FieldErrors): FieldErrors {
  for (const issue of error.issues) {
    addError(errors, fieldOf(issue.path), /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid');
  }
  return errors;
}

/** Zod issues by field, renamed to the form's own field names where they differ. */
export function issuesByField(error: z.ZodError, rename: Record<string, string> = {}, errors: FieldErrors = {}): FieldErrors {
  return collectIssues(
    error,
    (path) => {
      const field = path.length > 0 ? String(path[0]) : 'form';
      return rename[field] ?? field;
    },
    errors,
  );
}

/**
 * Issues by field, as server/form-result.ts's fieldErrorsOf, but keeping `depth` path segments
 * so that nested inputs (openingHours.3) get their own message.
 */
export function fieldErrorsAt(error: z.ZodError, depth = (path: PropertyKey[]) => (path[0] === 'openingHours' ? 2 : 1)): FieldErrors {
  return collectIssues(error, (path) => (path.length > 0 ? path.slice(0, depth(path)).map(String).join('.') : 'form'), {});
}

// The booking desk's and activities' forms: people type Asia/Shanghai wall-clock dates and times
// in two inputs; the domain wants an instant with its offset, so the two are checked here first
// and each gets its own message ("date" or "time"), rather than one about ISO 8601 strings.

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * 'YYYY-MM-DD' + 'HH:MM' (Shanghai) → '…T…:00+08:00', or undefined with the reason recorded under
 * `field`. '24:00' is accepted as the end of a day.
 */
export function shanghaiDateTime(formData: FormData, dateName: string, timeName: string, field: string, errors: FieldErrors): string | undefined {
  const date = trimmedText(formData, dateName);
  const time = trimmedText(formData, timeName);
  const dateOk = date !== undefined && isoDateSchema.safeParse(date).success;
  const timeOk = time !== undefined && (HHMM.test(time) || time === '24:00');
  if (!dateOk) addError(errors, field, 'date_invalid');
  if (!timeOk) addError(errors, field, 'time_invalid');
  if (!dateOk || !timeOk) return undefined;
  if (time === '24:00') {
    const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return `${next}T00:00:00+08:00`;
  }
  return `${date}T${time}:00+08:00`;
}
