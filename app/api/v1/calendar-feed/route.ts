import { apiRoute } from '@/server/api/handler';
import { regenerateCalendarFeedOperation } from '@/server/api/operations/bookings';
import { regenerateCalendarFeed } from '@/server/bookings/calendar-feed';

export const POST = apiRoute(regenerateCalendarFeedOperation, ({ ctx }) => regenerateCalendarFeed(ctx));
