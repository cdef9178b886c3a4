/**
 * Expected refusals. Each code maps to one HTTP status and one problem type; `messageKey`
 * names the translated sentence shown to people (messages/*.json, namespace "errors").
 */
export const ERROR_CODES = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  validation: 422,
  throttled: 429,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: {
      /** Problem type slug, e.g. 'slot-taken'; defaults to the code. */
      type?: string;
      messageKey?: string;
      fieldErrors?: Record<string, string[]>;
      retryAfterSeconds?: number;
      extra?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_CODES[code];
  }

  get type() {
    return this.options.type ?? this.code.replaceAll('_', '-');
  }

  get messageKey() {
    return this.options.messageKey ?? this.code;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * SQLSTATE of a database error (unique 23505, exclusion 23P01, check 23514, deadlock 40P01…),
 * looking through drizzle's DrizzleQueryError to the postgres.js error in its `cause`.
 */
export function sqlState(error: unknown): string | undefined {
  return databaseErrorField(error, 'code', (code) => /^[0-9A-Z]{5}$/.test(code));
}

/** The constraint a database error names (postgres.js `constraint_name`), through drizzle's wrapping. */
export function violatedConstraint(error: unknown): string | undefined {
  return databaseErrorField(error, 'constraint_name', () => true);
}

function databaseErrorField(error: unknown, field: 'code' | 'constraint_name', valid: (value: string) => boolean): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const value = (current as Record<string, unknown>)[field];
    if (typeof value === 'string' && valid(value)) return value;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A value the database cannot store, whatever the schemas let through: SQLSTATE class 22 (data
 * exception), e.g. a NUL character in text (22021) or a number out of range (22003). The
 * statement failed, so its transaction wrote nothing; the caller gets a 422, never a 500.
 */
export function unstorableValue(error: unknown): AppError | null {
  return sqlState(error)?.startsWith('22') ? new AppError('validation', 'A value cannot be stored', { type: 'unstorable-value', messageKey: 'unstorable_value' }) : null;
}
