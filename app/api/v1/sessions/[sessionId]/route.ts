import { updateSessionCapacity } from '@/server/activities/manage-sessions';
import { apiRoute } from '@/server/api/handler';
import { updateSessionOperation } from '@/server/api/operations/activities';

export const PATCH = apiRoute(updateSessionOperation, ({ ctx, params, body }) => updateSessionCapacity(ctx, params.sessionId, body.capacity));
