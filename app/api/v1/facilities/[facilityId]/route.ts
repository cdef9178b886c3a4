import { apiRoute } from '@/server/api/handler';
import { updateFacilityOperation } from '@/server/api/operations/register';
import { updateFacility } from '@/server/registry/update-facility';
import { toFacilityView } from '@/server/registry/views';

export const PATCH = apiRoute(updateFacilityOperation, async ({ ctx, params, body }) => toFacilityView(await updateFacility(ctx, params.facilityId, body)));
