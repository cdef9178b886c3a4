import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { communities } from '@/db/schema';
import { writeAudit } from '@/server/audit/write-audit';
import { PRIVACY_NOTICE_VERSION } from '@/server/privacy/notice';
import type { RequestContext } from '@/server/auth/context';
import { hashPassword } from '@/server/auth/password';
import { assertRegistrationAllowed, recordAttempt } from '@/server/auth/throttle';
import { AppError } from '@/server/errors';
import { insertUser } from './insert-user';
import { selectUserView } from './queries';
import { loginKey } from './login';
import type { RegisterInput } from './schemas';

/** A resident registers themselves (web form or the mini-program's API), throttled per address. */
export async function registerResident(input: RegisterInput, ctx: RequestContext, channel: 'web' | 'api', options: { elderMode?: boolean } = {}) {
  await assertRegistrationAllowed(ctx.clientAddress);
  await recordAttempt({ kind: 'register', channel, login: loginKey(input.login), clientAddress: ctx.clientAddress, succeeded: true });
  if (input.communityId) {
    const [community] = await db.select({ id: communities.id }).from(communities).where(eq(communities.id, input.communityId));
    if (!community) {
      throw new AppError('validation', 'Unknown community', { fieldErrors: { communityId: ['community_unknown'] } });
    }
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // Consent is stored with the notice version the person agreed to and the time (PIPL art. 14).
    const consentVersion = input.consent || input.consentVersion ? PRIVACY_NOTICE_VERSION : null;
    const user = await insertUser(tx, { name: input.name, login: input.login, passwordHash, role: 'resident', homeCommunityId: input.communityId ?? null, consentVersion, elderMode: options.elderMode });
    await writeAudit(tx, {
      actorId: user.id,
      action: 'user.register',
      entity: 'user',
      entityId: user.id,
      after: { role: 'resident', homeCommunityId: user.homeCommunityId, consentVersion },
      requestId: ctx.requestId,
    });
    return (await selectUserView(tx, user.id))!;
  });
}

