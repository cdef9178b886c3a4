import { uuidSchema } from '@/server/accounts/schemas';
import { getCurrentActor, getRequestContext } from '@/server/auth/session';
import { bookingsToIcs } from '@/server/bookings/ics';
import { getBooking } from '@/server/bookings/queries';
import { isAppError } from '@/server/errors';

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * One booking as an .ics file. Residents only, and only their own: anyone else's booking, or an
 * id that is not a booking, reads as not found.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ bookingId: string }> }) {
  const { bookingId } = await params;
  if (!uuidSchema.safeParse(bookingId).success) return notFound();
  const actor = await getCurrentActor();
  if (!actor) return new Response(null, { status: 303, headers: { location: `/sign-in?callbackUrl=${encodeURIComponent('/my/bookings')}` } });
  if (actor.role !== 'resident') return notFound();
  try {
    const booking = await getBooking(await getRequestContext(), bookingId);
    const stamp = booking.startsAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    return new Response(bookingsToIcs([booking], `${booking.roomName} · ${booking.facilityName}`), {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `attachment; filename="linli-booking-${stamp}.ics"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (isAppError(error) && (error.code === 'not_found' || error.code === 'unauthenticated')) return notFound();
    throw error;
  }
}
