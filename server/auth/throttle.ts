import { and, count, eq, gt, min, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { authAttempts } from '@/db/schema';
import { AppError } from '@/server/errors';

// "5 failures in 15 minutes" per account; a client address may fail more often, since a
// community centre's residents can share one address.
export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_LOGIN = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const REGISTER_WINDOW_MINUTES = 60;
// A centre's front desk helps many residents register from one address: generous, but bounded.
export const MAX_REGISTRATIONS_PER_ADDRESS = 30;

type Channel = 'web' | 'api';

function windowStart(minutes: number) {
  return sql`now() - make_interval(mins => ${minutes})`;
}

async function refuseIfOver(filter: ReturnType<typeof and>, limit: number, windowMinutes: number) {
  const [row] = await db.select({ n: count(), oldest: min(authAttempts.at) }).from(authAttempts).where(filter);
  if (!row || row.n < limit) return;
  const oldest = row.oldest ? new Date(row.oldest).getTime() : Date.now();
  const retryAfterSeconds = Math.max(1, Math.ceil((oldest + windowMinutes * 60_000 - Date.now()) / 1000));
  throw new AppError('throttled', 'Too many attempts; try again later', { retryAfterSeconds });
}

/** Refuses a sign-in before the password is even checked once the login or address failed too often. */
export async function assertSignInAllowed(login: string, clientAddress: string) {
  const since = windowStart(SIGN_IN_WINDOW_MINUTES);
  const failures = and(eq(authAttempts.kind, 'sign_in'), eq(authAttempts.succeeded, false), gt(authAttempts.at, since));
  await refuseIfOver(and(failures, eq(authAttempts.login, login)), MAX_FAILURES_PER_LOGIN, SIGN_IN_WINDOW_MINUTES);
  await refuseIfOver(and(failures, eq(authAttempts.clientAddress, clientAddress)), MAX_FAILURES_PER_ADDRESS, SIGN_IN_WINDOW_MINUTES);
}

export async function assertRegistrationAllowed(clientAddress: string) {
  await refuseIfOver(
    and(
      eq(authAttempts.kind, 'register'),
      eq(authAttempts.clientAddress, clientAddress),
      gt(authAttempts.at, windowStart(REGISTER_WINDOW_MINUTES)),
    ),
    MAX_REGISTRATIONS_PER_ADDRESS,
    REGISTER_WINDOW_MINUTES,
  );
}

export async function recordAttempt(attempt: {
  kind: 'sign_in' | 'register';
  channel: Channel;
  login: string;
  clientAddress: string;
  succeeded: boolean;
}) {
  await db.insert(authAttempts).values(attempt);
}
