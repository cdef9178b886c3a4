import { apiRoute } from '@/server/api/handler';
import { updateSpaceOperation } from '@/server/api/operations/register';
import { updateSpace } from '@/server/registry/update-space';
import { toSpaceView } from '@/server/registry/views';

export const PATCH = apiRoute(updateSpaceOperation, async ({ ctx, params, body }) => toSpaceView(await updateSpace(ctx, params.spaceId, body)));
