import { apiRoute } from '@/server/api/handler';
import { checkInBookingOperation } from '@/server/api/operations/bookings';
import { changeBooking } from '@/server/bookings/change-booking';

export const POST = apiRoute(checkInBookingOperation, ({ ctx, params }) => changeBooking(ctx, params.bookingId, 'check_in'));
