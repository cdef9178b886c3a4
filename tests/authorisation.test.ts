import { beforeAll, describe, expect, it } from 'vitest';
import { rawSql } from '../db/client';
import { createUser } from '../server/accounts/create-user';
import { getMe } from '../server/accounts/queries';
import { setUserDisabled, updateStaffAssignments } from '../server/accounts/update-user-access';
import { requireUser, type Actor } from '../server/auth/context';
import { canManageCommunity } from '../server/auth/policy';
import { refusal } from './helpers/refusal';
import { contextFor, makeCommunities, makeUser, TEST_PASSWORD, uniqueEmail, uniqueMobile, type TestUser } from './helpers/factories';

async function counts() {
  const sql = rawSql();
  const [row] = await sql<{ users: number; audit: number; assignments: number }[]>`
    select (select count(*)::int from users) as users, (select count(*)::int from audit_log) as audit,
      (select count(*)::int from staff_assignments) as assignments`;
  return row!;
}

let admin: TestUser;
let communityIds: string[];

beforeAll(async () => {
  admin = await makeUser('admin');
  communityIds = await makeCommunities(3);
});

describe('requireUser re-reads the account on every call', () => {
  it('refuses a user as soon as an admin disables them', async () => {
    const resident = await makeUser('resident');
    expect((await requireUser(resident.ctx)).id).toBe(resident.id);

    await setUserDisabled(contextFor(admin.id), { userId: resident.id, disabled: true });

    const error = await refusal(requireUser(resident.ctx));
    expect(error.code).toBe('unauthenticated');
    expect((await refusal(getMe(resident.ctx))).code).toBe('unauthenticated');

    await setUserDisabled(contextFor(admin.id), { userId: resident.id, disabled: false });
    expect((await requireUser(resident.ctx)).id).toBe(resident.id);
  });

  it('drops a removed staff assignment at once', async () => {
    const [a, b, c] = communityIds as [string, string, string];
    const staff = await makeUser('staff', { communityIds: [a, b] });
    expect((await requireUser(staff.ctx)).communityIds.sort()).toEqual([a, b].sort());

    await updateStaffAssignments(contextFor(admin.id), { userId: staff.id, communityIds: [b, c] });
    expect((await requireUser(staff.ctx)).communityIds.sort()).toEqual([b, c].sort());

    await updateStaffAssignments(contextFor(admin.id), { userId: staff.id, communityIds: [] });
    expect((await requireUser(staff.ctx)).communityIds).toEqual([]);
  });

  it('refuses a context without a user, or with an unknown one', async () => {
    expect((await refusal(requireUser(contextFor(null)))).code).toBe('unauthenticated');
    const unknown = await refusal(requireUser(contextFor('00000000-0000-4000-8000-000000000000')));
    expect(unknown.code).toBe('unauthenticated');
    expect(unknown.messageKey).toBe('account_unavailable');
  });
});

describe('createUser', () => {
  it.each(['resident', 'staff', 'auditor'] as const)('is forbidden to a %s and writes nothing', async (role) => {
    const actor = await makeUser(role);
    const before = await counts();

    const error = await refusal(
      createUser(actor.ctx, { name: 'Intruder', login: uniqueEmail('x'), password: TEST_PASSWORD, role: 'admin', communityIds: [] }),
    );

    expect(error.code).toBe('forbidden');
    expect(await counts()).toEqual(before);
  });

  it('is forbidden to a disabled admin', async () => {
    const former = await makeUser('admin', { disabled: true });
    const error = await refusal(createUser(former.ctx, { name: 'X', login: uniqueEmail('x'), password: TEST_PASSWORD, role: 'resident' }));
    expect(error.code).toBe('unauthenticated');
  });

  it('assigns communities to staff only', async () => {
    const before = await counts();
    for (const role of ['resident', 'auditor', 'admin'] as const) {
      const error = await refusal(
        createUser(contextFor(admin.id), { name: 'X', login: uniqueEmail(role), password: TEST_PASSWORD, role, communityIds: [communityIds[0]!] }),
      );
      expect(error.code).toBe('validation');
      expect(error.options.fieldErrors).toEqual({ communityIds: ['only_staff_assigned'] });
    }
    expect(await counts()).toEqual(before);

    const staff = await createUser(contextFor(admin.id), {
      name: '新社工',
      login: uniqueEmail('staff'),
      password: TEST_PASSWORD,
      role: 'staff',
      communityIds: [communityIds[0]!, communityIds[0]!, communityIds[1]!],
    });
    expect(staff.communityIds.sort()).toEqual([communityIds[0]!, communityIds[1]!].sort());
  });

  it('refuses an unknown community', async () => {
    const error = await refusal(
      createUser(contextFor(admin.id), {
        name: 'X',
        login: uniqueEmail('staff'),
        password: TEST_PASSWORD,
        role: 'staff',
        communityIds: ['00000000-0000-4000-8000-000000000000'],
      }),
    );
    expect(error.code).toBe('validation');
    expect(error.options.fieldErrors).toEqual({ communityIds: ['community_unknown'] });
  });

  it('answers a login already in use with a conflict on the login field, however it is typed', async () => {
    const email = uniqueEmail('taken');
    const mobile = uniqueMobile();
    await createUser(contextFor(admin.id), { name: 'First', login: email, password: TEST_PASSWORD, role: 'resident' });
    await createUser(contextFor(admin.id), { name: 'Second', login: mobile, password: TEST_PASSWORD, role: 'resident' });

    for (const login of [email, email.toUpperCase(), mobile, `+86 ${mobile}`]) {
      const error = await refusal(createUser(contextFor(admin.id), { name: 'Again', login, password: TEST_PASSWORD, role: 'resident' }));
      expect(error.code).toBe('conflict');
      expect(error.options.fieldErrors).toEqual({ login: ['login_taken'] });
    }
  });
});

describe('canManageCommunity', () => {
  const actor = (role: Actor['role'], ids: string[] = []): Actor => ({ id: 'u', name: 'n', role, communityIds: ids, elderMode: false });

  it('lets admins manage every community and staff only their own', () => {
    expect(canManageCommunity(actor('admin'), 'c1')).toBe(true);
    expect(canManageCommunity(actor('staff', ['c1', 'c2']), 'c2')).toBe(true);
    expect(canManageCommunity(actor('staff', ['c1']), 'c2')).toBe(false);
    expect(canManageCommunity(actor('staff'), 'c1')).toBe(false);
  });

  it('never lets residents or auditors manage a community', () => {
    expect(canManageCommunity(actor('resident', ['c1']), 'c1')).toBe(false);
    expect(canManageCommunity(actor('auditor', ['c1']), 'c1')).toBe(false);
  });
});

describe('setUserDisabled', () => {
  it('does not let an admin disable themself', async () => {
    const error = await refusal(setUserDisabled(contextFor(admin.id), { userId: admin.id, disabled: true }));
    expect(error.code).toBe('conflict');
    expect(error.messageKey).toBe('cannot_disable_self');
    expect((await requireUser(admin.ctx)).id).toBe(admin.id);
  });

  it('is forbidden to staff', async () => {
    const staff = await makeUser('staff');
    const resident = await makeUser('resident');
    expect((await refusal(setUserDisabled(staff.ctx, { userId: resident.id, disabled: true }))).code).toBe('forbidden');
    expect((await requireUser(resident.ctx)).id).toBe(resident.id);
  });
});

describe('getMe', () => {
  it('returns the account without the password hash', async () => {
    const resident = await makeUser('resident', { mobile: uniqueMobile() });
    const me = await getMe(resident.ctx);

    expect(Object.keys(me).sort()).toEqual(['communityIds', 'createdAt', 'disabled', 'email', 'homeCommunityId', 'id', 'mobile', 'name', 'role']);
    expect(me).toMatchObject({ id: resident.id, email: resident.email, mobile: resident.mobile, role: 'resident', disabled: false });
    expect(JSON.stringify(me)).not.toContain('$argon2');
  });
});
