'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { getRequestContext } from '@/server/auth/session';
import { regenerateCalendarFeed } from '@/server/bookings/calendar-feed';
import { changeBooking } from '@/server/bookings/change-booking';
import { idFrom } from '@/server/form-data';
import { formResultFromError, type FormResult } from '@/server/form-result';

export async function cancelBookingAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const bookingId = idFrom(formData, 'bookingId');
  if (!bookingId) return { ok: false, message: 'not_found' };
  try {
    await changeBooking(await getRequestContext(), bookingId, 'cancel');
    revalidatePath('/my/bookings');
    return { ok: true, message: 'cancelled' };
  } catch (error) {
    return formResultFromError(error);
  }
}

export interface FeedResult extends FormResult {
  /** The new feed's full address: shown once, never stored in the clear. */
  url?: string;
}

export async function regenerateCalendarFeedAction(_previous: FeedResult | null, _formData: FormData): Promise<FeedResult> {
  try {
    const { path } = await regenerateCalendarFeed(await getRequestContext());
    const requestHeaders = await headers();
    const host = requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host') ?? 'localhost';
    const protocol = requestHeaders.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
    revalidatePath('/my/bookings');
    return { ok: true, url: `${protocol.split(',')[0]!.trim()}://${host}${path}` };
  } catch (error) {
    return formResultFromError(error);
  }
}
