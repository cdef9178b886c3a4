import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { communities, facilities, spaces } from '@/db/schema';
import { requireRole, type RequestContext } from '@/server/auth/context';

/**
 * Values for the example row of the import templates, taken from the staff member's own first
 * community (and its first space still in use), so the example shows a code and names that
 * exist. Empty for someone without communities: the template's generic example stays.
 */
export async function getImportExample(ctx: RequestContext): Promise<Record<string, string>> {
  const actor = await requireRole(ctx, 'staff', 'admin');
  if (actor.communityIds.length === 0) return {};
  const [row] = await db
    .select({ code: communities.code, name: communities.name, facilityName: facilities.name, spaceName: spaces.name })
    .from(communities)
    .leftJoin(facilities, and(eq(facilities.communityId, communities.id), isNull(facilities.closedOn)))
    .leftJoin(spaces, and(eq(spaces.facilityId, facilities.id), isNull(spaces.retiredOn)))
    .where(inArray(communities.id, actor.communityIds))
    .orderBy(sql`${spaces.id} is null`, asc(communities.code), asc(facilities.name), asc(spaces.name))
    .limit(1);
  if (!row) return {};
  return {
    community_code: row.code,
    community_name: row.name,
    ...(row.facilityName ? { facility_name: row.facilityName } : {}),
    ...(row.spaceName ? { space_name: row.spaceName } : {}),
  };
}
