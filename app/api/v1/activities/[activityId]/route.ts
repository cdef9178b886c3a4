import { updateActivityStatus } from '@/server/activities/manage-sessions';
import { getActivity } from '@/server/activities/queries';
import { apiRoute } from '@/server/api/handler';
import { getActivityOperation, updateActivityOperation } from '@/server/api/operations/activities';
import { optionalActor } from '@/server/auth/context';
import { AppError } from '@/server/errors';

export const GET = apiRoute(getActivityOperation, async ({ ctx, params }) => {
  const activity = await getActivity(params.activityId, await optionalActor(ctx));
  if (!activity) throw new AppError('not_found', 'Activity not found');
  const { townNameZh: _zh, townNameEn: _en, ...view } = activity;
  return view;
});

export const PATCH = apiRoute(updateActivityOperation, ({ ctx, params, body }) => updateActivityStatus(ctx, params.activityId, body.status, body.reason));
