import { signUp } from '@/server/activities/signups';
import { apiRoute } from '@/server/api/handler';
import { signUpOperation } from '@/server/api/operations/activities';

export const POST = apiRoute(signUpOperation, ({ ctx, params }) => signUp(ctx, params.sessionId));
