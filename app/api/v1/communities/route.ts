import { apiRoute } from '@/server/api/handler';
import { createCommunityOperation } from '@/server/api/operations/register';
import { listCommunitiesOperation } from '@/server/api/operations/registry';
import { createCommunity } from '@/server/registry/create-community';
import { listCommunities } from '@/server/registry/queries';
import { toCreatedCommunityView } from '@/server/registry/views';

export const GET = apiRoute(listCommunitiesOperation, ({ query }) => listCommunities(query));

export const POST = apiRoute(createCommunityOperation, async ({ ctx, body }) => toCreatedCommunityView(await createCommunity(ctx, body)));
