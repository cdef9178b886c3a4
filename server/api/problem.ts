import type { z } from 'zod';
import { translate, type Locale } from '@/i18n/translate';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
};

export interface FieldError {
  /** Dotted path of the field, e.g. "sessions.0.startsAt". */
  path: string;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** RFC 9457 problem types are documented at /problems/<slug>. */
export function problemType(slug: string) {
  return `/problems/${slug}`;
}

export function problem(status: number, slug: string, detail: string, requestId: string, extra: Record<string, unknown> = {}): Problem {
  return { type: problemType(slug), title: TITLES[status] ?? 'Error', status, detail, requestId, ...extra };
}

/** zod issues → field errors whose messages are translated validation keys. */
export function fieldErrorsFromZod(error: z.ZodError, locale: Locale): FieldError[] {
  return error.issues.map((issue) => {
    const key = /^[a-z_]+$/.test(issue.message) ? issue.message : null;
    return {
      path: issue.path.map(String).join('.') || '(root)',
      code: key ?? issue.code,
      message: key ? translate(locale, `validation.${key}`) : issue.message,
    };
  });
}

export function fieldErrorsFromMap(map: Record<string, string[]>, locale: Locale): FieldError[] {
  return Object.entries(map).flatMap(([path, keys]) =>
    keys.map((key) => ({ path, code: key, message: translate(locale, `validation.${key}`) })),
  );
}
