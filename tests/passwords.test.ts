import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../server/auth/password';

describe('password hashing', () => {
  it('uses argon2id with OWASP parameters (19 MiB, 2 passes, 1 lane)', async () => {
    const hash = await hashPassword('linli-secret-1');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    const params = hash.split('$')[3];
    expect(params).toBe('m=19456,t=2,p=1');
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('linli-secret-1');
    expect(await verifyPassword(hash, 'linli-secret-1')).toBe(true);
    expect(await verifyPassword(hash, 'linli-secret-2')).toBe(false);
    expect(await verifyPassword(hash, '')).toBe(false);
  });

  it('salts every hash, so equal passwords do not give equal hashes', async () => {
    const [a, b] = await Promise.all([hashPassword('same-password'), hashPassword('same-password')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'same-password')).toBe(true);
    expect(await verifyPassword(b, 'same-password')).toBe(true);
  });

  it('answers false for a garbage or empty stored hash instead of throwing', async () => {
    await expect(verifyPassword('not-a-hash', 'whatever')).resolves.toBe(false);
    await expect(verifyPassword('', 'whatever')).resolves.toBe(false);
    await expect(verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$broken', 'whatever')).resolves.toBe(false);
  });
});
