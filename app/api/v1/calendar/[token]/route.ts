import { apiRoute } from '@/server/api/handler';
import { calendarFeedOperation } from '@/server/api/operations/bookings';
import { getCalendarFeed } from '@/server/bookings/calendar-feed';
import { AppError } from '@/server/errors';

// The folder is [token]; the public URL is /api/v1/calendar/{token}.ics.
export const GET = apiRoute(calendarFeedOperation, async ({ params }) => {
  const feed = await getCalendarFeed(params.token.replace(/\.ics$/, ''));
  if (!feed) throw new AppError('not_found', 'Calendar not found');
  return new Response(feed, { headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' } });
});
