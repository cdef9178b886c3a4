import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rawSql } from '../db/client';
import { actorForToken, issueApiToken, revokeApiToken } from '../server/accounts/api-tokens';
import { AppError } from '../server/errors';
import { contextFor, makeCommunities, makeUser, TEST_PASSWORD } from './helpers/factories';

const DAY_MS = 24 * 60 * 60 * 1000;

async function userIdForToken(token: string) {
  return (await actorForToken(token))?.userId ?? null;
}

async function issueFor(email: string) {
  const ctx = contextFor(null);
  return { ctx, ...(await issueApiToken({ login: email, password: TEST_PASSWORD }, ctx)) };
}

describe('API tokens', () => {
  it('issues an lnl_ token that expires in 30 days and resolves to its user', async () => {
    const user = await makeUser('resident');
    const { token, expiresAt } = await issueFor(user.email);

    expect(token).toMatch(/^lnl_[A-Za-z0-9_-]{40,}$/);
    expect(Math.abs(new Date(expiresAt).getTime() - (Date.now() + 30 * DAY_MS))).toBeLessThan(60_000);
    expect(await userIdForToken(token)).toBe(user.id);
  });

  it("reads the token's account with it, so a disabled account's token carries no actor", async () => {
    const communityIds = await makeCommunities(2);
    const staff = await makeUser('staff', { communityIds });
    const { token } = await issueFor(staff.email);
    const found = await actorForToken(token);
    expect(found).toEqual({ userId: staff.id, actor: expect.objectContaining({ id: staff.id, role: 'staff', elderMode: false }) });
    expect(found?.actor?.communityIds.toSorted()).toEqual(communityIds.toSorted());

    await rawSql()`update users set disabled = true where id = ${staff.id}`;
    expect(await actorForToken(token)).toEqual({ userId: staff.id, actor: null });
  });

  it('does not issue a token for a wrong password', async () => {
    const user = await makeUser('resident');
    const error = await issueApiToken({ login: user.email, password: 'wrong-password' }, contextFor(null)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unauthenticated');
    const sql = rawSql();
    expect(await sql`select 1 from api_tokens where user_id = ${user.id}`).toHaveLength(0);
  });

  it('stores only the SHA-256 of the token, never the token itself', async () => {
    const user = await makeUser('resident');
    const { token } = await issueFor(user.email);
    const sql = rawSql();
    const rows = await sql<{ token_hash: string }[]>`select * from api_tokens where user_id = ${user.id}`;

    expect(rows.map((r) => r.token_hash)).toEqual([createHash('sha256').update(token).digest('hex')]);
    const everyToken = JSON.stringify(await sql`select * from api_tokens`);
    expect(everyToken).not.toContain(token);
    expect(everyToken).not.toContain(token.slice(4));
  });

  it('stops resolving a token once it is revoked', async () => {
    const user = await makeUser('resident');
    const { token } = await issueFor(user.email);
    await revokeApiToken(contextFor(user.id), token);
    expect(await userIdForToken(token)).toBeNull();
  });

  it('stops resolving a token once it has expired', async () => {
    const user = await makeUser('resident');
    const { token } = await issueFor(user.email);
    const sql = rawSql();
    await sql`update api_tokens set expires_at = now() - interval '1 second' where user_id = ${user.id}`;
    expect(await userIdForToken(token)).toBeNull();
  });

  it('resolves nothing for unknown or malformed tokens', async () => {
    expect(await userIdForToken('lnl_not-a-token')).toBeNull();
    expect(await userIdForToken('')).toBeNull();
    expect(await userIdForToken(`lnl_${'a'.repeat(200)}`)).toBeNull();
  });

  it("does not let one user revoke another user's token", async () => {
    const alice = await makeUser('resident');
    const bob = await makeUser('resident');
    const { token: bobsToken } = await issueFor(bob.email);

    const error = await revokeApiToken(contextFor(alice.id), bobsToken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('not_found');
    expect(await userIdForToken(bobsToken)).toBe(bob.id);
  });

  it('audits the creation of a token with its owner and request id', async () => {
    const user = await makeUser('resident');
    const { ctx } = await issueFor(user.email);
    const sql = rawSql();
    const [token] = await sql<{ id: string }[]>`select id from api_tokens where user_id = ${user.id}`;
    const rows = await sql<{ actor_id: string; action: string; entity: string; entity_id: string; request_id: string }[]>`
      select actor_id, action, entity, entity_id, request_id from audit_log where actor_id = ${user.id}`;

    expect(rows).toEqual([{ actor_id: user.id, action: 'api_token.create', entity: 'api_token', entity_id: token!.id, request_id: ctx.requestId }]);
  });
});
