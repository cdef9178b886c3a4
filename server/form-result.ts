import { z } from 'zod';
import { isAppError, unstorableValue } from './errors';

/** What every server action returns to its form: translation keys, translated by the form. */
export interface FormResult {
  ok: boolean;
  /** Key under "errors" (refusals) or a success key chosen by the action. */
  message?: string;
  /** Field name → keys under "validation". */
  fieldErrors?: Record<string, string[]>;
  /** Values the success message names (e.g. how many people were promoted). */
  values?: Record<string, string | number>;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    (result[field] ??= []).push(/^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid');
  }
  return result;
}

/** Expected refusals become a message for the form; anything else is unexpected and rethrown. */
export function formResultFromError(caught: unknown): FormResult {
  const error = unstorableValue(caught) ?? caught;
  if (isAppError(error)) return { ok: false, message: error.messageKey, fieldErrors: error.options.fieldErrors };
  throw error;
}
