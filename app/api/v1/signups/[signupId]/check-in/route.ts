import { checkInSignup } from '@/server/activities/manage-sessions';
import { apiRoute } from '@/server/api/handler';
import { checkInSignupOperation } from '@/server/api/operations/activities';

export const POST = apiRoute(checkInSignupOperation, ({ ctx, params, body }) => checkInSignup(ctx, params.signupId, body.attended));
