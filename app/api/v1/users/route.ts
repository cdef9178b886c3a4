import { createUser } from '@/server/accounts/create-user';
import { apiRoute } from '@/server/api/handler';
import { createUserOperation } from '@/server/api/operations/accounts';

export const POST = apiRoute(createUserOperation, ({ ctx, body }) => createUser(ctx, body));
