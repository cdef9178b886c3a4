import { getMe } from '@/server/accounts/queries';
import { apiRoute } from '@/server/api/handler';
import { meOperation } from '@/server/api/operations/accounts';

export const GET = apiRoute(meOperation, ({ ctx }) => getMe(ctx));
