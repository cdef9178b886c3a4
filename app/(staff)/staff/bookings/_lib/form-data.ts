import 'server-only';
import { z } from 'zod';
import { isoDateSchema } from '@/server/common-schemas';

// Reading the booking desk's forms. People type Asia/Shanghai wall-clock dates and times in two
// inputs; the domain wants an instant with its offset, so the two are checked here first and
// each gets its own message ("date" or "time"), rather than one about ISO 8601 strings.

export function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A whole or decimal number typed by a person; empty is not zero. */
export function numberFrom(formData: FormData, name: string): number {
  const value = text(formData, name);
  return value === undefined ? Number.NaN : Number(value.replace(',', '.'));
}

export function idFrom(formData: FormData, name: string): string | null {
  const parsed = z.uuid().safeParse(formData.get(name));
  return parsed.success ? parsed.data : null;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export type FieldErrors = Record<string, string[]>;

export function addError(errors: FieldErrors, field: string, key: string) {
  const list = (errors[field] ??= []);
  if (!list.includes(key)) list.push(key);
}

/**
 * 'YYYY-MM-DD' + 'HH:MM' (Shanghai) → '…T…:00+08:00', or undefined with the reason recorded under
 * `field`. '24:00' is accepted as the end of a day.
 */
export function shanghaiDateTime(formData: FormData, dateName: string, timeName: string, field: string, errors: FieldErrors): string | undefined {
  const date = text(formData, dateName);
  const time = text(formData, timeName);
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

/** Zod issues by field, renamed to the form's own field names where they differ. */
export function issuesByField(error: z.ZodError, rename: Record<string, string> = {}, errors: FieldErrors = {}): FieldErrors {
  for (const issue of error.issues) {
    const path = issue.path.length > 0 ? String(issue.path[0]) : 'form';
    const key = /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid';
    addError(errors, rename[path] ?? path, key);
  }
  return errors;
}
