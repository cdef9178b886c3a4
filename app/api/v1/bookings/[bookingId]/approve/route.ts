import { apiRoute } from '@/server/api/handler';
import { approveBookingOperation } from '@/server/api/operations/bookings';
import { changeBooking } from '@/server/bookings/change-booking';

export const POST = apiRoute(approveBookingOperation, ({ ctx, params }) => changeBooking(ctx, params.bookingId, 'approve'));
