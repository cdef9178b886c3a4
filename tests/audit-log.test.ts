import { beforeAll, describe, expect, it } from 'vitest';
import { rawSql } from '../db/client';
import { createUser } from '../server/accounts/create-user';
import { isAppError } from '../server/errors';
import { contextFor, makeCommunities, makeUser, TEST_PASSWORD, uniqueEmail, type TestUser } from './helpers/factories';

const INSUFFICIENT_PRIVILEGE = '42501';

async function sqlStateOf(statement: Promise<unknown>): Promise<string | undefined> {
  try {
    await statement;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

async function auditRows() {
  const sql = rawSql();
  return sql<{ id: number; actor_id: string | null; action: string; entity: string; entity_id: string; request_id: string | null; after: unknown }[]>`
    select id, actor_id, action, entity, entity_id, request_id, after from audit_log order by id`;
}

let admin: TestUser;

beforeAll(async () => {
  admin = await makeUser('admin');
});

describe('audit log', () => {
  it('records a domain change as exactly one entry with actor, action, entity and request id', async () => {
    const before = await auditRows();
    const ctx = contextFor(admin.id);
    const created = await createUser(ctx, { name: '新同事', login: uniqueEmail('new'), password: TEST_PASSWORD, role: 'auditor' });

    const added = (await auditRows()).slice(before.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      actor_id: admin.id,
      action: 'user.create',
      entity: 'user',
      entity_id: created.id,
      request_id: ctx.requestId,
      after: { name: '新同事', role: 'auditor', communityIds: [] },
    });
  });

  it('records nothing when the change is refused', async () => {
    const login = uniqueEmail('dup');
    await createUser(contextFor(admin.id), { name: 'First', login, password: TEST_PASSWORD, role: 'resident' });
    const before = await auditRows();

    const error = await createUser(contextFor(admin.id), { name: 'Second', login, password: TEST_PASSWORD, role: 'resident' }).catch((e: unknown) => e);

    expect(isAppError(error) && error.code).toBe('conflict');
    expect(await auditRows()).toEqual(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE even in raw SQL, and keeps the entries', async () => {
    const sql = rawSql();
    const before = await auditRows();
    expect(before.length).toBeGreaterThan(0);

    expect(await sqlStateOf(sql`update audit_log set action = 'rewritten'`)).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await sqlStateOf(sql`delete from audit_log`)).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await sqlStateOf(sql`truncate audit_log`)).toBe(INSUFFICIENT_PRIVILEGE);

    expect(await auditRows()).toEqual(before);
  });
});

describe('household counts', () => {
  it('refuse UPDATE, DELETE and TRUNCATE even in raw SQL, and keep the figures', async () => {
    const sql = rawSql();
    const [communityId] = await makeCommunities(1);
    await sql`
      insert into household_counts (community_id, basis, households, as_of, source)
      values (${communityId!}, 'registered', 1234, '2025-12-31', 'test statistics office')`;
    const read = () => sql<{ households: number }[]>`select households from household_counts where community_id = ${communityId!}`;

    expect(await sqlStateOf(sql`update household_counts set households = 1`)).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await sqlStateOf(sql`delete from household_counts`)).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await sqlStateOf(sql`truncate household_counts`)).toBe(INSUFFICIENT_PRIVILEGE);

    expect((await read()).map((r) => r.households)).toEqual([1234]);
  });
});
