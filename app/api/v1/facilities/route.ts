import { apiRoute } from '@/server/api/handler';
import { createFacilityOperation, listFacilitiesOperation } from '@/server/api/operations/register';
import { createFacility } from '@/server/registry/create-facility';
import { listPublicFacilities } from '@/server/registry/facility-queries';
import { toFacilityView } from '@/server/registry/views';

export const GET = apiRoute(listFacilitiesOperation, async ({ query }) => ({ items: await listPublicFacilities(query.communityId) }));

export const POST = apiRoute(createFacilityOperation, async ({ ctx, body }) => toFacilityView(await createFacility(ctx, body)));
