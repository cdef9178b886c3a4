import { users, type Role } from '@/db/schema';
import type { Executor } from '@/db/client';
import { AppError, sqlState } from '@/server/errors';
import { parseLogin } from './login';

/** Inserts an account inside the caller's transaction; a login already in use is a field error. */
export async function insertUser(
  tx: Executor,
  values: { name: string; login: string; passwordHash: string; role: Role; homeCommunityId: string | null; consentVersion?: string | null; elderMode?: boolean },
) {
  const login = parseLogin(values.login);
  if (!login) throw new AppError('validation', 'Invalid login', { fieldErrors: { login: ['login_invalid'] } });
  try {
    const [user] = await tx
      .insert(users)
      .values({
        name: values.name,
        email: login.kind === 'email' ? login.value : null,
        mobile: login.kind === 'mobile' ? login.value : null,
        passwordHash: values.passwordHash,
        role: values.role,
        homeCommunityId: values.homeCommunityId,
        consentVersion: values.consentVersion ?? null,
        consentedAt: values.consentVersion ? new Date() : null,
        elderMode: values.elderMode ?? false,
      })
      .returning({ id: users.id, role: users.role, homeCommunityId: users.homeCommunityId });
    if (!user) throw new Error('user insert returned nothing');
    return user;
  } catch (error) {
    if (sqlState(error) === '23505') {
      throw new AppError('conflict', 'This login is already registered', { type: 'login-taken', messageKey: 'login_taken', fieldErrors: { login: ['login_taken'] } });
    }
    throw error;
  }
}
