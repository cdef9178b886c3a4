import { cancelSession } from '@/server/activities/manage-sessions';
import { apiRoute } from '@/server/api/handler';
import { cancelSessionOperation } from '@/server/api/operations/activities';

export const POST = apiRoute(cancelSessionOperation, ({ ctx, params, body }) => cancelSession(ctx, params.sessionId, body.reason));
