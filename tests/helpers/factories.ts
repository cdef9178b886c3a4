import { randomBytes, randomUUID } from 'node:crypto';
import { db } from '../../db/client';
import { communities, staffAssignments, towns, users, type Role } from '../../db/schema';
import type { RequestContext } from '../../server/auth/context';
import { hashPassword } from '../../server/auth/password';

// Minimal rows made per test, so tests in one file do not depend on each other's data.

export const TEST_PASSWORD = 'correct-horse-battery';

// argon2id is deliberately slow: hash the shared test password once per file.
let passwordHash: Promise<string> | undefined;
function testPasswordHash() {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

export function uniqueEmail(prefix = 'user') {
  return `${prefix}-${randomBytes(4).toString('hex')}@example.test`;
}

/** A mainland mobile number (1 + 10 digits) unlikely to repeat within a file. */
export function uniqueMobile() {
  return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

export function uniqueAddress() {
  return `198.51.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}-${randomBytes(2).toString('hex')}`;
}

export function contextFor(userId: string | null, overrides: Partial<RequestContext> = {}): RequestContext {
  return { userId, requestId: `test-${randomUUID()}`, clientAddress: uniqueAddress(), ...overrides };
}

export interface TestUser {
  id: string;
  email: string;
  mobile: string | null;
  role: Role;
  ctx: RequestContext;
}

export async function makeUser(
  role: Role,
  options: { email?: string; mobile?: string | null; disabled?: boolean; communityIds?: string[]; homeCommunityId?: string } = {},
): Promise<TestUser> {
  const email = options.email ?? uniqueEmail(role);
  const mobile = options.mobile ?? null;
  const [row] = await db
    .insert(users)
    .values({ name: `Test ${role}`, email, mobile, passwordHash: await testPasswordHash(), role, disabled: options.disabled ?? false, homeCommunityId: options.homeCommunityId ?? null })
    .returning({ id: users.id });
  const id = row!.id;
  if (options.communityIds?.length) {
    await db.insert(staffAssignments).values(options.communityIds.map((communityId) => ({ userId: id, communityId })));
  }
  return { id, email, mobile, role, ctx: contextFor(id) };
}

let townCounter = 0;

/** A town (9-digit code) with `count` communities under it; returns the community ids. */
export async function makeCommunities(count: number): Promise<string[]> {
  townCounter += 1;
  // 441999xxx is outside the seeded Dongguan codes (441900xxx), so a seeded file cannot clash.
  const townCode = `441999${String(townCounter).padStart(3, '0')}`;
  await db.insert(towns).values({ code: townCode, nameZh: `测试镇${townCode}`, nameEn: `Test ${townCode}`, kind: 'town' });
  const rows = await db
    .insert(communities)
    .values(
      Array.from({ length: count }, (_, i) => ({
        code: `${townCode}${String(i + 1).padStart(3, '0')}`,
        name: `测试${i + 1}社区`,
        kind: 'community' as const,
        townCode,
      })),
    )
    .returning({ id: communities.id });
  return rows.map((r) => r.id);
}
