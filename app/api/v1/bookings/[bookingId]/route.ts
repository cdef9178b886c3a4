import { apiRoute } from '@/server/api/handler';
import { getBookingOperation } from '@/server/api/operations/bookings';
import { getBooking } from '@/server/bookings/queries';

export const GET = apiRoute(getBookingOperation, ({ ctx, params }) => getBooking(ctx, params.bookingId));
