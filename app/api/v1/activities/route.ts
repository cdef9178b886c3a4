import { createActivity } from '@/server/activities/create-activity';
import { listActivities } from '@/server/activities/queries';
import { apiRoute } from '@/server/api/handler';
import { createActivityOperation, listActivitiesOperation } from '@/server/api/operations/activities';

export const POST = apiRoute(createActivityOperation, ({ ctx, body }) => createActivity(ctx, body));

export const GET = apiRoute(listActivitiesOperation, async ({ query }) => ({
  items: (await listActivities(query)).map(({ townNameZh: _zh, townNameEn: _en, ...activity }) => activity),
}));
