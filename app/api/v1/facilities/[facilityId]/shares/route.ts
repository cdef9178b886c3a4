import { apiRoute } from '@/server/api/handler';
import { declareShareOperation } from '@/server/api/operations/register';
import { declareFacilityShare } from '@/server/registry/declare-facility-share';
import { toShareView } from '@/server/registry/views';

export const POST = apiRoute(declareShareOperation, async ({ ctx, params, body }) => toShareView(await declareFacilityShare(ctx, params.facilityId, body)));
