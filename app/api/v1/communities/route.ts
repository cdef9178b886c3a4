import { apiRoute } from '@/server/api/handler';
import { listCommunitiesOperation } from '@/server/api/operations/registry';
import { listCommunities } from '@/server/registry/queries';

export const GET = apiRoute(listCommunitiesOperation, ({ query }) => listCommunities(query));
