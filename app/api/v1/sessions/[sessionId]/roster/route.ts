import { sessionRoster } from '@/server/activities/queries';
import { apiRoute } from '@/server/api/handler';
import { rosterOperation } from '@/server/api/operations/activities';

export const GET = apiRoute(rosterOperation, async ({ ctx, params }) => {
  const { session, roster } = await sessionRoster(ctx, params.sessionId);
  return { session, roster };
});
