import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { areaMeasurements, communities, facilities, facilityShares, householdCounts, spaces, towns } from '@/db/schema';
import { requireUser, type RequestContext } from '@/server/auth/context';
import { canManageCommunity, canReadRegister } from '@/server/auth/policy';
import { AppError } from '@/server/errors';
import { toFacilityView, toHouseholdCountView, toMeasurementView, toShareView, toSpaceView } from './views';

/** Facilities of a community with their rooms, as anyone may see them: no areas, no use classes. */
export async function listPublicFacilities(communityId: string) {
  const facilityRows = await db.select().from(facilities).where(and(eq(facilities.communityId, communityId), isNull(facilities.closedOn))).orderBy(asc(facilities.kind), asc(facilities.name));
  if (facilityRows.length === 0) return [];
  const spaceRows = await db
    .select({
      id: spaces.id,
      facilityId: spaces.facilityId,
      name: spaces.name,
      setting: spaces.setting,
      floor: spaces.floor,
      bookable: spaces.bookable,
      capacity: spaces.capacity,
      accessibilityNotes: spaces.accessibilityNotes,
    })
    .from(spaces)
    .where(and(inArray(spaces.facilityId, facilityRows.map((f) => f.id)), or(isNull(spaces.retiredOn), sql`${spaces.retiredOn} > (now() at time zone 'Asia/Shanghai')::date`)))
    .orderBy(asc(spaces.setting), asc(spaces.name));
  return facilityRows.map((facility) => ({ ...toFacilityView(facility), spaces: spaceRows.filter((space) => space.facilityId === facility.id) }));
}

/**
 * Everything behind a community's figures: its facilities and shares, every space (retired
 * included) with its full measurement history, and every household count. Auditors and admins,
 * or the community's own staff.
 */
export async function getCommunityEvidence(ctx: RequestContext, communityId: string) {
  const actor = await requireUser(ctx);
  if (!canReadRegister(actor) && !canManageCommunity(actor, communityId)) throw new AppError('not_found', 'Community not found');
  const [community] = await db
    .select({ id: communities.id, code: communities.code, name: communities.name, kind: communities.kind, townCode: communities.townCode, townNameZh: towns.nameZh, townNameEn: towns.nameEn })
    .from(communities)
    .innerJoin(towns, eq(towns.code, communities.townCode))
    .where(eq(communities.id, communityId));
  if (!community) throw new AppError('not_found', 'Community not found');

  // Facilities it hosts, and those hosted elsewhere that declare a share for it.
  const shareRows = await db.select().from(facilityShares).where(or(eq(facilityShares.communityId, communityId), inArray(facilityShares.facilityId, db.select({ id: facilities.id }).from(facilities).where(eq(facilities.communityId, communityId)))));
  const facilityIds = [...new Set([...shareRows.map((s) => s.facilityId)])];
  const facilityRows = await db
    .select()
    .from(facilities)
    .where(or(eq(facilities.communityId, communityId), facilityIds.length > 0 ? inArray(facilities.id, facilityIds) : sql`false`))
    .orderBy(asc(facilities.name));
  const allFacilityIds = facilityRows.map((f) => f.id);
  const spaceRows = allFacilityIds.length > 0 ? await db.select().from(spaces).where(inArray(spaces.facilityId, allFacilityIds)).orderBy(asc(spaces.setting), asc(spaces.name)) : [];
  const measurementRows =
    spaceRows.length > 0
      ? await db.select().from(areaMeasurements).where(inArray(areaMeasurements.spaceId, spaceRows.map((s) => s.id))).orderBy(desc(areaMeasurements.measuredOn), desc(areaMeasurements.createdAt))
      : [];
  const countRows = await db.select().from(householdCounts).where(eq(householdCounts.communityId, communityId)).orderBy(desc(householdCounts.asOf), desc(householdCounts.createdAt));

  return {
    community,
    facilities: facilityRows.map((facility) => ({
      ...toFacilityView(facility),
      hostedHere: facility.communityId === communityId,
      shares: shareRows.filter((share) => share.facilityId === facility.id).map(toShareView),
      spaces: spaceRows
        .filter((space) => space.facilityId === facility.id)
        .map((space) => ({ ...toSpaceView(space), measurements: measurementRows.filter((m) => m.spaceId === space.id).map(toMeasurementView) })),
    })),
    householdCounts: countRows.map(toHouseholdCountView),
  };
}

export type CommunityEvidence = Awaited<ReturnType<typeof getCommunityEvidence>>;
