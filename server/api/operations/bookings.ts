import { z } from 'zod';
import { uuidSchema } from '@/server/accounts/schemas';
import { availabilityQuerySchema, bookingViewSchema, createBookingSchema, optionalReasonSchema, reasonSchema } from '@/server/bookings/schemas';
import { defineOperation } from '../operation';

const bookingParams = z.object({ bookingId: uuidSchema });
const intervalSchema = z.object({ startsAt: z.string(), endsAt: z.string() });

export const availabilityOperation = defineOperation({
  operationId: 'getRoomAvailability',
  method: 'GET',
  path: '/api/v1/rooms/{roomId}/availability',
  summary: 'A room’s opening hours, busy time and free slots between two instants (at most 31 days). Times ISO 8601 with +08:00.',
  tag: 'Bookings',
  access: 'public',
  params: z.object({ roomId: uuidSchema }),
  query: availabilityQuerySchema,
  response: {
    status: 200,
    description: 'Availability',
    schema: z
      .object({
        roomId: z.uuid(),
        roomName: z.string(),
        facilityName: z.string(),
        bookable: z.boolean(),
        capacity: z.number().int().nullable(),
        timeZone: z.literal('Asia/Shanghai'),
        slotMinutes: z.number().int(),
        minMinutes: z.number().int(),
        maxMinutes: z.number().int(),
        openingHours: z.record(z.string(), z.object({ opens: z.string(), closes: z.string() }).nullable()),
        busy: z.array(intervalSchema.extend({ kind: z.enum(['booking', 'activity_session', 'closure', 'maintenance']) })),
        free: z.array(intervalSchema),
      })
      .meta({ id: 'Availability' }),
  },
  errors: [404, 422],
});

export const createBookingOperation = defineOperation({
  operationId: 'createBooking',
  method: 'POST',
  path: '/api/v1/bookings',
  summary:
    'A resident books a room. 409 with a type ending in /slot-taken (and `alternatives`) when the slot is taken, /room-closed, /quota-reached or /suspended; 422 when the request breaks the room’s rules.',
  tag: 'Bookings',
  access: 'user',
  roles: ['resident'],
  body: createBookingSchema,
  response: { status: 201, description: 'The booking (confirmed, or pending when the room needs approval)', schema: bookingViewSchema },
  errors: [400, 401, 403, 404, 409, 415, 422],
});

export const listBookingsOperation = defineOperation({
  operationId: 'listBookings',
  method: 'GET',
  path: '/api/v1/bookings',
  summary: 'mine=true: the caller’s own bookings. Staff: pending=true for the approval inbox, or from/to for the day sheet of their communities.',
  tag: 'Bookings',
  access: 'user',
  query: z.object({
    mine: z.enum(['true', 'false'], 'boolean_invalid').optional(),
    pending: z.enum(['true', 'false'], 'boolean_invalid').optional(),
    from: z.iso.datetime({ offset: true, error: 'datetime_invalid' }).optional(),
    to: z.iso.datetime({ offset: true, error: 'datetime_invalid' }).optional(),
  }),
  response: { status: 200, description: 'Bookings', schema: z.object({ items: z.array(bookingViewSchema) }).meta({ id: 'BookingList' }) },
  errors: [401, 403, 422],
});

export const getBookingOperation = defineOperation({
  operationId: 'getBooking',
  method: 'GET',
  path: '/api/v1/bookings/{bookingId}',
  summary: 'One booking: its resident, staff of its community, or an admin; anyone else gets 404.',
  tag: 'Bookings',
  access: 'user',
  params: bookingParams,
  response: { status: 200, description: 'The booking', schema: bookingViewSchema },
  errors: [401, 404, 422],
});

function change<Body extends z.ZodType | undefined>(operationId: string, verb: string, summary: string, body: Body, roles: string[]) {
  return defineOperation<Body, undefined, typeof bookingParams>({
    operationId,
    method: 'POST',
    path: `/api/v1/bookings/{bookingId}/${verb}`,
    summary,
    tag: 'Bookings',
    access: 'user',
    roles,
    params: bookingParams,
    body,
    bodyOptional: true,
    response: { status: 200, description: 'The booking after the change', schema: bookingViewSchema },
    errors: [400, 401, 403, 404, 409, 415, 422],
  });
}

export const cancelBookingOperation = change('cancelBooking', 'cancel', 'Cancels a booking: its resident until the cut-off, or staff with a reason.', optionalReasonSchema.meta({ id: 'CancelRequest' }), ['resident (own)', 'staff', 'admin']);
export const approveBookingOperation = change('approveBooking', 'approve', 'Approves a pending request.', undefined, ['staff', 'admin']);
export const rejectBookingOperation = change('rejectBooking', 'reject', 'Rejects a pending request with a reason; the slot is freed.', reasonSchema.meta({ id: 'RejectRequest' }), ['staff', 'admin']);
export const checkInBookingOperation = change('checkInBooking', 'check-in', 'Records that the resident came.', undefined, ['staff', 'admin']);
export const noShowBookingOperation = change('noShowBooking', 'no-show', 'Records that the resident did not come (counts toward the no-show rule).', undefined, ['staff', 'admin']);

export const calendarFeedOperation = defineOperation({
  operationId: 'getCalendarFeed',
  method: 'GET',
  path: '/api/v1/calendar/{token}.ics',
  summary: 'A resident’s private iCalendar feed (the secret token is the credential).',
  tag: 'Bookings',
  access: 'public',
  params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}(\.ics)?$/, 'id_invalid') }),
  response: { status: 200, description: 'text/calendar', schema: z.string().meta({ id: 'ICalendar' }), contentType: 'text/calendar' },
  errors: [404, 422],
});

export const regenerateCalendarFeedOperation = defineOperation({
  operationId: 'regenerateCalendarFeed',
  method: 'POST',
  path: '/api/v1/calendar-feed',
  summary: 'Creates (or replaces) the caller’s private calendar feed URL; the old URL stops working.',
  tag: 'Bookings',
  access: 'user',
  roles: ['resident'],
  response: { status: 201, description: 'The new feed', schema: z.object({ token: z.string(), path: z.string() }).meta({ id: 'CalendarFeed' }) },
  errors: [401, 403],
});
