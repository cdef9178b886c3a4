import { apiRoute } from '@/server/api/handler';
import { recordHouseholdCountOperation } from '@/server/api/operations/register';
import { recordHouseholdCount } from '@/server/registry/record-household-count';
import { toHouseholdCountView } from '@/server/registry/views';

export const POST = apiRoute(recordHouseholdCountOperation, async ({ ctx, params, body }) =>
  toHouseholdCountView(await recordHouseholdCount(ctx, params.communityId, body)),
);
