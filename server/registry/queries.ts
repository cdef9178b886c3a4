import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { communities, householdCounts, towns, users } from '@/db/schema';
import { requireRole, requireUser, type RequestContext } from '@/server/auth/context';
import { canReadRegister } from '@/server/auth/policy';
import { containsPattern } from '@/server/common-schemas';
import { AppError } from '@/server/errors';
import type { CommunityListQuery } from './schemas';

// Public reads: the directory of towns and communities. Household figures are not public.

export async function listTowns() {
  return db
    .select({
      code: towns.code,
      nameZh: towns.nameZh,
      nameEn: towns.nameEn,
      kind: towns.kind,
      communityCount: sql<number>`count(${communities.id})::int`,
    })
    .from(towns)
    .leftJoin(communities, eq(communities.townCode, towns.code))
    .groupBy(towns.code)
    .orderBy(asc(towns.code));
}

export async function getTown(code: string) {
  const [town] = await db.select().from(towns).where(eq(towns.code, code));
  return town ?? null;
}

const communityColumns = {
  id: communities.id,
  code: communities.code,
  name: communities.name,
  kind: communities.kind,
  townCode: communities.townCode,
  townNameZh: towns.nameZh,
  townNameEn: towns.nameEn,
};

export async function listCommunities(query: CommunityListQuery) {
  const conditions: SQL[] = [];
  if (query.town) conditions.push(eq(communities.townCode, query.town));
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(or(ilike(communities.name, pattern), ilike(communities.code, pattern), ilike(towns.nameZh, pattern), ilike(towns.nameEn, pattern))!);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select(communityColumns)
      .from(communities)
      .innerJoin(towns, eq(towns.code, communities.townCode))
      .where(where)
      .orderBy(asc(communities.code))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(communities).innerJoin(towns, eq(towns.code, communities.townCode)).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

export async function getCommunity(id: string) {
  const [row] = await db.select(communityColumns).from(communities).innerJoin(towns, eq(towns.code, communities.townCode)).where(eq(communities.id, id));
  return row ?? null;
}

/** Staff: the communities they are assigned to (admins: none listed here; they use the admin pages). */
export async function listMyCommunities(ctx: RequestContext) {
  const actor = await requireRole(ctx, 'staff', 'admin');
  if (actor.communityIds.length === 0) return [];
  return db
    .select(communityColumns)
    .from(communities)
    .innerJoin(towns, eq(towns.code, communities.townCode))
    .where(inArray(communities.id, actor.communityIds))
    .orderBy(asc(communities.code));
}

/**
 * Per town: communities, and the latest registered and resident household totals. Household
 * figures are register evidence: auditors and admins only.
 */
export async function listTownHouseholdSummary(ctx: RequestContext) {
  const actor = await requireUser(ctx);
  if (!canReadRegister(actor)) throw new AppError('forbidden', 'Not allowed for this account');
  const latest = db
    .selectDistinctOn([householdCounts.communityId, householdCounts.basis], {
      communityId: householdCounts.communityId,
      basis: householdCounts.basis,
      households: householdCounts.households,
    })
    .from(householdCounts)
    .orderBy(householdCounts.communityId, householdCounts.basis, sql`${householdCounts.asOf} desc, ${householdCounts.createdAt} desc`)
    .as('latest');
  return db
    .select({
      code: towns.code,
      nameZh: towns.nameZh,
      nameEn: towns.nameEn,
      communities: sql<number>`count(distinct ${communities.id})::int`,
      villages: sql<number>`count(distinct ${communities.id}) filter (where ${communities.kind} = 'village')::int`,
      registeredHouseholds: sql<number>`coalesce(sum(${latest.households}) filter (where ${latest.basis} = 'registered'), 0)::int`,
      residentHouseholds: sql<number>`coalesce(sum(${latest.households}) filter (where ${latest.basis} = 'resident'), 0)::int`,
    })
    .from(towns)
    .leftJoin(communities, eq(communities.townCode, towns.code))
    .leftJoin(latest, eq(latest.communityId, communities.id))
    .groupBy(towns.code)
    .orderBy(asc(towns.code));
}

/** Every community grouped by town, for pickers (registration, staff assignment). */
export async function listCommunityChoices() {
  const rows = await db
    .select({ id: communities.id, name: communities.name, townCode: towns.code, nameZh: towns.nameZh, nameEn: towns.nameEn })
    .from(communities)
    .innerJoin(towns, eq(towns.code, communities.townCode))
    .orderBy(asc(towns.code), asc(communities.code));
  const byTown = new Map<string, { code: string; nameZh: string; nameEn: string; communities: { id: string; name: string }[] }>();
  for (const row of rows) {
    const town = byTown.get(row.townCode) ?? { code: row.townCode, nameZh: row.nameZh, nameEn: row.nameEn, communities: [] };
    town.communities.push({ id: row.id, name: row.name });
    byTown.set(row.townCode, town);
  }
  return [...byTown.values()];
}

export async function getHomeCommunity(userId: string) {
  const [row] = await db
    .select({ ...communityColumns })
    .from(users)
    .innerJoin(communities, eq(communities.id, users.homeCommunityId))
    .innerJoin(towns, eq(towns.code, communities.townCode))
    .where(eq(users.id, userId));
  return row ?? null;
}
