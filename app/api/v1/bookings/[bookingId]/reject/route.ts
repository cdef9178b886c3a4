import { apiRoute } from '@/server/api/handler';
import { rejectBookingOperation } from '@/server/api/operations/bookings';
import { changeBooking } from '@/server/bookings/change-booking';

export const POST = apiRoute(rejectBookingOperation, ({ ctx, params, body }) => changeBooking(ctx, params.bookingId, 'reject', body.reason));
