import { beforeAll, describe, expect, it } from 'vitest';
import { rawSql } from '../db/client';
import { authenticate } from '../server/accounts/authenticate';
import { registerResident } from '../server/accounts/register-resident';
import { MAX_REGISTRATIONS_PER_ADDRESS } from '../server/auth/throttle';
import { refusal } from './helpers/refusal';
import { contextFor, makeUser, TEST_PASSWORD, uniqueAddress, uniqueEmail, uniqueMobile, type TestUser } from './helpers/factories';

function signIn(login: string, password: string, clientAddress = uniqueAddress()) {
  return authenticate({ login, password }, { clientAddress, channel: 'web' });
}

async function failTimes(n: number, login: string, clientAddress: string) {
  for (let i = 0; i < n; i++) {
    const error = await refusal(signIn(login, 'wrong-password', clientAddress));
    expect(error.code).toBe('unauthenticated');
  }
}

async function insertOldFailures(n: number, login: string, clientAddress: string) {
  const sql = rawSql();
  for (let i = 0; i < n; i++) {
    await sql`
      insert into auth_attempts (kind, channel, login, client_address, succeeded, at)
      values ('sign_in', 'web', ${login}, ${clientAddress}, false, now() - interval '16 minutes')`;
  }
}

/** A person with an e-mail address and a mobile number, fresh for each test. */
async function person(): Promise<TestUser> {
  return makeUser('resident', { email: uniqueEmail('pat'), mobile: uniqueMobile() });
}

describe('authenticate', () => {
  let pat: TestUser;
  beforeAll(async () => {
    pat = await person();
  });

  it('accepts the right password by e-mail, mixed-case e-mail, mobile and +86 mobile', async () => {
    expect(await signIn(pat.email, TEST_PASSWORD)).toEqual({ userId: pat.id });
    expect(await signIn(pat.email.toUpperCase(), TEST_PASSWORD)).toEqual({ userId: pat.id });
    expect(await signIn(pat.mobile!, TEST_PASSWORD)).toEqual({ userId: pat.id });
    expect(await signIn(`+86${pat.mobile!}`, TEST_PASSWORD)).toEqual({ userId: pat.id });
    expect(await signIn(`+86 ${pat.mobile!.slice(0, 3)} ${pat.mobile!.slice(3, 7)} ${pat.mobile!.slice(7)}`, TEST_PASSWORD)).toEqual({ userId: pat.id });
  });

  it('gives the same answer for a wrong password and an unknown login', async () => {
    const wrongPassword = await refusal(signIn(pat.email, 'not-the-password'));
    const unknownLogin = await refusal(signIn(uniqueEmail('nobody'), TEST_PASSWORD));
    for (const error of [wrongPassword, unknownLogin]) {
      expect(error.code).toBe('unauthenticated');
      expect(error.messageKey).toBe('invalid_credentials');
    }
    expect(unknownLogin.message).toBe(wrongPassword.message);
  });

  it('refuses a disabled account even with the right password', async () => {
    const disabled = await makeUser('resident', { disabled: true });
    const error = await refusal(signIn(disabled.email, TEST_PASSWORD));
    expect(error.code).toBe('forbidden');
    expect(error.messageKey).toBe('account_disabled');
  });
});

describe('sign-in throttle', () => {
  it('after 5 failures for one login, refuses the 6th attempt even with the right password', async () => {
    const victim = await person();
    const address = uniqueAddress();
    await failTimes(5, victim.email, address);

    const error = await refusal(signIn(victim.email, TEST_PASSWORD, address));
    expect(error.code).toBe('throttled');
    expect(error.options.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(error.options.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);

    // The login is what is counted: another address or another spelling of it does not help.
    expect((await refusal(signIn(victim.email.toUpperCase(), TEST_PASSWORD, uniqueAddress()))).code).toBe('throttled');
  });

  it('counts a login typed as mobile or +86 mobile as one login', async () => {
    const victim = await person();
    const address = uniqueAddress();
    await failTimes(3, victim.mobile!, address);
    await failTimes(2, `+86${victim.mobile!}`, address);
    expect((await refusal(signIn(victim.mobile!, TEST_PASSWORD, address))).code).toBe('throttled');
  });

  it('leaves another login from another address unaffected', async () => {
    const victim = await person();
    const bystander = await person();
    await failTimes(5, victim.email, uniqueAddress());
    expect(await signIn(bystander.email, TEST_PASSWORD, uniqueAddress())).toEqual({ userId: bystander.id });
  });

  it('throttles a client address after 20 failures across different logins', async () => {
    const address = uniqueAddress();
    for (let i = 0; i < 20; i++) {
      await failTimes(1, uniqueEmail(`guess${i}`), address);
    }
    const someone = await person();
    const error = await refusal(signIn(someone.email, TEST_PASSWORD, address));
    expect(error.code).toBe('throttled');
    expect(error.options.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(error.options.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    // The same person from elsewhere is not held back by that address.
    expect(await signIn(someone.email, TEST_PASSWORD, uniqueAddress())).toEqual({ userId: someone.id });
  });

  it('forgets failures older than 15 minutes', async () => {
    const user = await person();
    const address = uniqueAddress();
    await insertOldFailures(5, user.email, address);
    await insertOldFailures(20, uniqueEmail('old-guess'), address);
    expect(await signIn(user.email, TEST_PASSWORD, address)).toEqual({ userId: user.id });
  });

  it('throttles on the 5th recent failure, however many older ones there are', async () => {
    const user = await person();
    const address = uniqueAddress();
    await insertOldFailures(4, user.email, address);
    await failTimes(4, user.email, address);
    // 4 recent failures: still allowed, and this right password works.
    expect(await signIn(user.email, TEST_PASSWORD, address)).toEqual({ userId: user.id });
    await failTimes(1, user.email, address);
    expect((await refusal(signIn(user.email, TEST_PASSWORD, address))).code).toBe('throttled');
  });
});

describe('registration throttle', () => {
  function register(clientAddress: string) {
    return registerResident(
      { name: '新居民', login: uniqueEmail('resident'), password: TEST_PASSWORD },
      contextFor(null, { clientAddress }),
      'api',
    );
  }

  it(`allows ${MAX_REGISTRATIONS_PER_ADDRESS} registrations per address per hour, then refuses`, async () => {
    expect(MAX_REGISTRATIONS_PER_ADDRESS).toBe(30);
    const address = uniqueAddress();
    for (let i = 0; i < MAX_REGISTRATIONS_PER_ADDRESS; i++) {
      const user = await register(address);
      expect(user.role).toBe('resident');
    }
    const error = await refusal(register(address));
    expect(error.code).toBe('throttled');
    expect(error.options.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(error.options.retryAfterSeconds).toBeLessThanOrEqual(60 * 60);

    expect((await register(uniqueAddress())).role).toBe('resident');
  });

  it('does not count registrations older than an hour', async () => {
    const address = uniqueAddress();
    const sql = rawSql();
    for (let i = 0; i < MAX_REGISTRATIONS_PER_ADDRESS; i++) {
      await sql`
        insert into auth_attempts (kind, channel, login, client_address, succeeded, at)
        values ('register', 'api', ${uniqueEmail('old')}, ${address}, true, now() - interval '61 minutes')`;
    }
    expect((await register(address)).role).toBe('resident');
  });
});
