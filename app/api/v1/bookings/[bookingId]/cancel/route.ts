import { apiRoute } from '@/server/api/handler';
import { cancelBookingOperation } from '@/server/api/operations/bookings';
import { changeBooking } from '@/server/bookings/change-booking';

export const POST = apiRoute(cancelBookingOperation, ({ ctx, params, body }) => changeBooking(ctx, params.bookingId, 'cancel', body?.reason));
