import { inArray, sql } from 'drizzle-orm';
import { hashPassword } from '../../server/auth/password';
import type { Database, Executor } from '../client';
import { communities, householdCounts, staffAssignments, towns, users } from '../schema';
import { buildCommunities, householdCountsFor, readTowns, type CommunitySeed, type TownSeed } from './communities';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { seedActivities } from './activities';
import { chunks, seedRegister } from './register';

const SHUTIAN_CODE = '441900121001';

/** What the seed guarantees exists (the demo data), not a count of everything in the database. */
export interface SeedSummary {
  towns: number;
  communities: number;
  villages: number;
  urbanCommunities: number;
  users: number;
}

export async function seedDatabase(db: Database): Promise<SeedSummary> {
  const townRows = readTowns();
  const communityRows = buildCommunities(townRows);
  checkDemoCommunities(communityRows);
  // Hashed before the transaction opens: argon2id is slow and need not hold locks meanwhile.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    // Two seeds at once (two `npm start`s) would each see "no counts yet" and duplicate them.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('linli-seed'))`);
    await upsertTowns(tx, townRows);
    const ids = await upsertCommunities(tx, communityRows);
    await insertMissingHouseholdCounts(tx, townRows, communityRows, ids);
    await upsertDemoAccounts(tx, ids, passwordHash);
    await seedRegister(tx, townRows, communityRows, ids);
    await seedActivities(tx, ids.get(SHUTIAN_CODE)!);
  });

  return {
    towns: townRows.length,
    communities: communityRows.length,
    villages: communityRows.filter((c) => c.kind === 'village').length,
    urbanCommunities: communityRows.filter((c) => c.kind === 'community').length,
    users: DEMO_ACCOUNTS.length,
  };
}

function checkDemoCommunities(rows: readonly CommunitySeed[]) {
  const codes = new Set(rows.map((c) => c.code));
  for (const account of DEMO_ACCOUNTS) {
    const missing = account.communityCodes?.filter((code) => !codes.has(code)) ?? [];
    if (missing.length > 0) throw new Error(`Demo account ${account.email} names unknown communities ${missing.join(', ')}`);
  }
}

// Updates only rows whose values differ, so a second run rewrites nothing (updatedAt included).
function changed(table: string, columns: string[]) {
  const list = (prefix: string) => sql.raw(columns.map((c) => `${prefix}.${c}`).join(', '));
  return sql`(${list(table)}) is distinct from (${list('excluded')})`;
}

async function upsertTowns(tx: Executor, rows: readonly TownSeed[]) {
  await tx
    .insert(towns)
    .values(rows.map(({ code, nameZh, nameEn, kind, residents2020 }) => ({ code, nameZh, nameEn, kind, residents2020 })))
    .onConflictDoUpdate({
      target: towns.code,
      set: {
        nameZh: sql`excluded.name_zh`,
        nameEn: sql`excluded.name_en`,
        kind: sql`excluded.kind`,
        residents2020: sql`excluded.residents2020`,
        updatedAt: sql`now()`,
      },
      setWhere: changed('towns', ['name_zh', 'name_en', 'kind', 'residents2020']),
    });
}

async function upsertCommunities(tx: Executor, rows: readonly CommunitySeed[]): Promise<Map<string, string>> {
  await tx
    .insert(communities)
    .values([...rows])
    .onConflictDoUpdate({
      target: communities.code,
      set: { name: sql`excluded.name`, kind: sql`excluded.kind`, updatedAt: sql`now()` },
      setWhere: changed('communities', ['name', 'kind']),
    });
  // Read back rather than RETURNING: rows left untouched by the upsert return nothing.
  const stored = await tx
    .select({ id: communities.id, code: communities.code })
    .from(communities)
    .where(inArray(communities.code, rows.map((c) => c.code)));
  return new Map(stored.map((c) => [c.code, c.id]));
}

// Counts are append-only history: a community that already has any is left alone.
async function insertMissingHouseholdCounts(
  tx: Executor,
  townRows: readonly TownSeed[],
  rows: readonly CommunitySeed[],
  ids: Map<string, string>,
) {
  const counted = await tx
    .selectDistinct({ communityId: householdCounts.communityId })
    .from(householdCounts)
    .where(inArray(householdCounts.communityId, [...ids.values()]));
  const skip = new Set(counted.map((c) => c.communityId));
  const townName = new Map(townRows.map((t) => [t.code, t.nameZh]));
  const values = rows.flatMap((community, index) => {
    const communityId = ids.get(community.code)!;
    if (skip.has(communityId)) return [];
    const suppliedBy = `${townName.get(community.townCode)}统计办`;
    return householdCountsFor(community, index).map((count) => ({ ...count, communityId, suppliedBy }));
  });
  for (const chunk of chunks(values)) await tx.insert(householdCounts).values(chunk);
}

async function upsertDemoAccounts(tx: Executor, ids: Map<string, string>, passwordHash: string) {
  const rows = DEMO_ACCOUNTS.map((account) => ({
    name: account.name,
    email: account.email,
    mobile: account.mobile ?? null,
    role: account.role,
    passwordHash,
    homeCommunityId: account.role === 'resident' ? ids.get(account.communityCodes![0]!)! : null,
  }));
  // The stored hash is kept on a rerun: a new salt would change the row but not the password.
  await tx
    .insert(users)
    .values(rows)
    .onConflictDoUpdate({
      target: users.email,
      set: {
        name: sql`excluded.name`,
        mobile: sql`excluded.mobile`,
        role: sql`excluded.role`,
        homeCommunityId: sql`excluded.home_community_id`,
        disabled: false,
        updatedAt: sql`now()`,
      },
      setWhere: sql`${changed('users', ['name', 'mobile', 'role', 'home_community_id'])} or users.disabled`,
    });

  const stored = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, rows.map((r) => r.email)));
  const userId = new Map(stored.map((u) => [u.email, u.id]));
  const assignments = DEMO_ACCOUNTS.filter((a) => a.role === 'staff').flatMap((account) =>
    (account.communityCodes ?? []).map((code) => ({ userId: userId.get(account.email)!, communityId: ids.get(code)! })),
  );
  await tx.insert(staffAssignments).values(assignments).onConflictDoNothing();
}
