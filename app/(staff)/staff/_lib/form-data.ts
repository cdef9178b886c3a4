import 'server-only';
import { z } from 'zod';

// Reading register forms: an empty input is a missing value (never 0, never ""), so the domain
// schema reports it as missing rather than accepting a silent zero.

export function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A number input: empty → null (cleared), otherwise a number (NaN is refused by the schema). */
export function numberOrNull(formData: FormData, name: string): number | null {
  const value = text(formData, name);
  return value === undefined ? null : Number(value.trim());
}

export function checked(formData: FormData, name: string): boolean {
  return formData.get(name) === 'on' || formData.get(name) === 'true';
}

/** The id a form posts back in a hidden field; anything else reads as "not found". */
export function idFrom(formData: FormData, name: string): string | null {
  const parsed = z.uuid().safeParse(formData.get(name));
  return parsed.success ? parsed.data : null;
}

/**
 * Issues by field, as server/form-result.ts's fieldErrorsOf, but keeping `depth` path segments
 * so that nested inputs (openingHours.3) get their own message.
 */
export function fieldErrorsAt(error: z.ZodError, depth = (path: PropertyKey[]) => (path[0] === 'openingHours' ? 2 : 1)): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.slice(0, depth(issue.path)).map(String).join('.') : 'form';
    const key = /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid';
    const list = (result[field] ??= []);
    if (!list.includes(key)) list.push(key);
  }
  return result;
}
