import { apiRoute } from '@/server/api/handler';
import { getCommunityOperation } from '@/server/api/operations/register';
import { AppError } from '@/server/errors';
import { listPublicFacilities } from '@/server/registry/facility-queries';
import { getCommunity } from '@/server/registry/queries';

export const GET = apiRoute(getCommunityOperation, async ({ params }) => {
  const community = await getCommunity(params.communityId);
  if (!community) throw new AppError('not_found', 'Community not found');
  return { ...community, facilities: await listPublicFacilities(community.id) };
});
