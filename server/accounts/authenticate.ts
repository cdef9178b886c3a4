import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { verifyAgainstDummy, verifyPassword } from '@/server/auth/password';
import { assertSignInAllowed, recordAttempt } from '@/server/auth/throttle';
import { AppError } from '@/server/errors';
import { logSecurityEvent } from '@/server/security/security-log';
import { loginKey, parseLogin } from './login';
import type { CredentialsInput } from './schemas';

export interface AttemptMeta {
  clientAddress: string;
  channel: 'web' | 'api';
}

/**
 * Checks a login and password, throttled per login and per client address. Every attempt is
 * recorded; the same message answers a wrong password and an unknown login.
 */
export async function authenticate(input: CredentialsInput, meta: AttemptMeta): Promise<{ userId: string }> {
  const key = loginKey(input.login);
  await assertSignInAllowed(key, meta.clientAddress);
  const login = parseLogin(input.login);
  const [user] = login
    ? await db
        .select({ id: users.id, passwordHash: users.passwordHash, disabled: users.disabled })
        .from(users)
        .where(login.kind === 'email' ? eq(users.email, login.value) : eq(users.mobile, login.value))
    : [];
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyAgainstDummy(input.password), false);
  const succeeded = valid && !user?.disabled;
  await recordAttempt({ kind: 'sign_in', channel: meta.channel, login: key, clientAddress: meta.clientAddress, succeeded });
  await logSecurityEvent({
    kind: succeeded ? 'sign_in_succeeded' : 'sign_in_failed',
    actorId: user?.id ?? null,
    login: key,
    clientAddress: meta.clientAddress,
    detail: { channel: meta.channel, reason: succeeded ? null : !user || !valid ? 'wrong_login_or_password' : 'account_disabled' },
  });
  if (!user || !valid) throw new AppError('unauthenticated', 'Wrong login or password', { messageKey: 'invalid_credentials' });
  if (user.disabled) throw new AppError('forbidden', 'This account is disabled', { messageKey: 'account_disabled' });
  return { userId: user.id };
}
