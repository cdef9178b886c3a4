import { issueApiToken, revokeApiToken } from '@/server/accounts/api-tokens';
import { apiRoute } from '@/server/api/handler';
import { issueTokenOperation, revokeTokenOperation } from '@/server/api/operations/accounts';

export const POST = apiRoute(issueTokenOperation, ({ ctx, body }) => issueApiToken(body, ctx));

export const DELETE = apiRoute(revokeTokenOperation, ({ ctx, bearer }) => revokeApiToken(ctx, bearer));
