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
