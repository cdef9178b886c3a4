import { registerResident } from '@/server/accounts/register-resident';
import { apiRoute } from '@/server/api/handler';
import { registerOperation } from '@/server/api/operations/accounts';

export const POST = apiRoute(registerOperation, ({ ctx, body }) => registerResident(body, ctx, 'api'));
