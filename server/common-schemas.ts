import { z } from 'zod';

/** A calendar date 'YYYY-MM-DD' that exists (2026-02-30 does not), between 1990 and 2100. */
export const isoDateSchema = z
  .string('date_invalid')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date_invalid')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= '1990-01-01' && value <= '2100-12-31';
  }, 'date_invalid');

/**
 * For cross-field refinements on objects: run only once every field parsed. zod runs an object's
 * refinement even when a field failed, with that field's raw value — a crash, not a message.
 */
export const whenFieldsValid = { when: (payload: { issues: unknown[] }) => payload.issues.length === 0 } as const;

/**
 * Text typed into a search box: trimmed, without control characters (a NUL in a URL would
 * otherwise reach PostgreSQL, which cannot store or compare it), at most `max` characters;
 * empty reads as no search. `lowerCase` for what is compared lower-cased (logins).
 */
export const searchTextSchema = (max: number, options: { lowerCase?: boolean } = {}) =>
  z
    .string('query_too_long')
    .max(max, 'query_too_long')
    .transform((text) => {
      const cleaned = text.replace(/\p{Cc}/gu, '').trim();
      return (options.lowerCase ? cleaned.toLowerCase() : cleaned) || undefined;
    })
    .optional();

/** An ILIKE pattern matching text that contains `text`, its wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
