import { cancelMySignup, getMySignup } from '@/server/activities/signups';
import { apiRoute } from '@/server/api/handler';
import { cancelMySignupOperation, getMySignupOperation } from '@/server/api/operations/activities';

export const GET = apiRoute(getMySignupOperation, async ({ ctx, params }) => {
  const { status, position } = await getMySignup(ctx, params.sessionId);
  return position === undefined ? { status } : { status, position };
});

export const DELETE = apiRoute(cancelMySignupOperation, ({ ctx, params }) => cancelMySignup(ctx, params.sessionId));
