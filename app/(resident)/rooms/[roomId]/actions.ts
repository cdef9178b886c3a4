'use server';

import { revalidatePath } from 'next/cache';
import { getRequestContext } from '@/server/auth/session';
import { createBooking } from '@/server/bookings/create-booking';
import { createBookingSchema, type BookingView } from '@/server/bookings/schemas';
import { toShanghaiIso } from '@/server/bookings/shanghai-time';
import { isAppError } from '@/server/errors';
import { fieldErrorsOf, type FormResult } from '@/server/form-result';

export interface BookingFormResult extends FormResult {
  booking?: BookingView;
  /** The nearest free slots when the one asked for was just taken or is closed. */
  alternatives?: { startsAt: string; endsAt: string }[];
  /** Numbers and dates the refusal's sentence needs: a quota's limit, the end of a suspension. */
  detail?: { limit?: number; limitHours?: number; suspendedUntil?: string };
}

// The form sends a start and a length; the domain takes a start and an end.
const FIELD_OF: Record<string, string> = { endsAt: 'duration' };

function text(value: FormDataEntryValue | null) {
  return typeof value === 'string' ? value : undefined;
}

export async function createBookingAction(_previous: BookingFormResult | null, formData: FormData): Promise<BookingFormResult> {
  const roomId = text(formData.get('roomId'));
  const startsAt = text(formData.get('startsAt'));
  const minutes = Number(text(formData.get('duration')));
  const start = startsAt ? Date.parse(startsAt) : Number.NaN;
  const endsAt = Number.isFinite(start) && Number.isInteger(minutes) && minutes > 0 && minutes <= 1440 ? toShanghaiIso(new Date(start + minutes * 60_000)) : undefined;
  const attendees = text(formData.get('attendees'))?.trim();
  const parsed = createBookingSchema.safeParse({
    roomId,
    startsAt,
    endsAt,
    purpose: text(formData.get('purpose')),
    attendees: attendees ? Number(attendees) : undefined,
  });
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(Object.entries(fieldErrorsOf(parsed.error)).map(([field, keys]) => [FIELD_OF[field] ?? field, keys]));
    return { ok: false, message: 'validation', fieldErrors };
  }
  try {
    const booking = await createBooking(await getRequestContext(), parsed.data);
    revalidatePath(`/rooms/${booking.roomId}`);
    revalidatePath('/my/bookings');
    return { ok: true, message: booking.status, booking };
  } catch (error) {
    if (!isAppError(error)) throw error;
    const extra = error.options.extra ?? {};
    // The week view showed this slot free: show it as it is now.
    if (extra.alternatives) revalidatePath(`/rooms/${parsed.data.roomId}`);
    return {
      ok: false,
      message: error.messageKey,
      fieldErrors: error.options.fieldErrors ? Object.fromEntries(Object.entries(error.options.fieldErrors).map(([field, keys]) => [FIELD_OF[field] ?? field, keys])) : undefined,
      alternatives: Array.isArray(extra.alternatives) ? (extra.alternatives as { startsAt: string; endsAt: string }[]) : undefined,
      detail: {
        limit: typeof extra.limit === 'number' ? extra.limit : undefined,
        limitHours: typeof extra.limitHours === 'number' ? extra.limitHours : undefined,
        suspendedUntil: typeof extra.suspendedUntil === 'string' ? extra.suspendedUntil : undefined,
      },
    };
  }
}
