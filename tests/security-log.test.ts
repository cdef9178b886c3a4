import { describe, expect, it } from 'vitest';
import { rawSql } from '../db/client';
import { authenticate } from '../server/accounts/authenticate';
import { issueApiToken } from '../server/accounts/api-tokens';
import { requireRole } from '../server/auth/context';
import { purgeSecurityLog, securityLogRetentionDays } from '../server/security/retention';
import { makeUser, TEST_PASSWORD, uniqueAddress, uniqueMobile } from './helpers/factories';
import { refusal } from './helpers/refusal';

const DAY = 86_400_000;

describe('security log', () => {
  it('records sign-ins (success and failure), token creation and permission refusals', async () => {
    const resident = await makeUser('resident', { mobile: uniqueMobile() });
    const clientAddress = uniqueAddress();
    await refusal(authenticate({ login: resident.mobile!, password: 'wrong-password' }, { clientAddress, channel: 'web' }));
    await authenticate({ login: resident.mobile!, password: TEST_PASSWORD }, { clientAddress, channel: 'web' });
    await issueApiToken({ login: resident.mobile!, password: TEST_PASSWORD }, { ...resident.ctx, clientAddress });
    await refusal(requireRole(resident.ctx, 'admin'));
    const events = await rawSql()<{ kind: string }[]>`
      select kind from security_events where actor_id = ${resident.id} or login = ${resident.mobile!} order by id`;
    expect(events.map((e) => e.kind)).toEqual(['sign_in_failed', 'sign_in_succeeded', 'sign_in_succeeded', 'token_created', 'permission_refused']);
  });

  it('keeps entries at least 180 days, whatever is configured, and purges what is older', async () => {
    expect(securityLogRetentionDays({ LINLI_SECURITY_LOG_DAYS: '30' })).toBe(180);
    expect(securityLogRetentionDays({})).toBe(180);
    expect(securityLogRetentionDays({ LINLI_SECURITY_LOG_DAYS: '400' })).toBe(400);

    const now = new Date();
    const marker = `retention-${Math.random()}`;
    for (const days of [100, 179, 181, 400]) {
      await rawSql()`insert into security_events (kind, at, login) values ('sign_in_failed', ${new Date(now.getTime() - days * DAY).toISOString()}::timestamptz, ${`${marker}-${days}`})`;
    }
    // Even told 30 days, the purge keeps everything younger than 180.
    const purged = await purgeSecurityLog(now, 30);
    expect(purged.events).toBeGreaterThanOrEqual(2);
    const left = await rawSql()<{ login: string }[]>`select login from security_events where login like ${`${marker}%`} order by at desc`;
    expect(left.map((r) => r.login)).toEqual([`${marker}-100`, `${marker}-179`]);
    // The database refuses to delete or change a young entry, whoever asks.
    await expect(rawSql()`delete from security_events where login = ${`${marker}-100`}`).rejects.toMatchObject({ code: '42501' });
    await expect(rawSql()`update security_events set login = 'x' where login = ${`${marker}-179`}`).rejects.toMatchObject({ code: '42501' });
    await expect(rawSql()`truncate security_events`).rejects.toMatchObject({ code: '42501' });
  });
});
