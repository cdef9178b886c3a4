import { apiRoute } from '@/server/api/handler';
import { createBookingOperation, listBookingsOperation } from '@/server/api/operations/bookings';
import { createBooking } from '@/server/bookings/create-booking';
import { listCommunityBookings, listMyBookings } from '@/server/bookings/queries';

export const POST = apiRoute(createBookingOperation, ({ ctx, body }) => createBooking(ctx, body));

export const GET = apiRoute(listBookingsOperation, async ({ ctx, query }) => {
  if (query.mine !== 'false' && !query.pending && !query.from && !query.to) {
    const { upcoming, past } = await listMyBookings(ctx);
    return { items: [...upcoming, ...past] };
  }
  return {
    items: await listCommunityBookings(ctx, {
      pendingOnly: query.pending === 'true',
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    }),
  };
});
