import { apiRoute } from '@/server/api/handler';
import { noShowBookingOperation } from '@/server/api/operations/bookings';
import { changeBooking } from '@/server/bookings/change-booking';

export const POST = apiRoute(noShowBookingOperation, ({ ctx, params }) => changeBooking(ctx, params.bookingId, 'no_show'));
