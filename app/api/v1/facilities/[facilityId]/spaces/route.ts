import { apiRoute } from '@/server/api/handler';
import { createSpaceOperation } from '@/server/api/operations/register';
import { createSpace } from '@/server/registry/create-space';
import { toSpaceView } from '@/server/registry/views';

export const POST = apiRoute(createSpaceOperation, async ({ ctx, params, body }) => toSpaceView(await createSpace(ctx, params.facilityId, body)));
