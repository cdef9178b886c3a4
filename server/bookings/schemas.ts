import { z } from 'zod';
import { whenFieldsValid } from '@/server/common-schemas';
import { uuidSchema } from '@/server/accounts/schemas';

/** ISO 8601 with an explicit offset, between 2000 and 2100 (year 9999 is refused, not stored). */
export const instantSchema = z
  .string('datetime_invalid')
  .max(40, 'datetime_invalid')
  .pipe(z.iso.datetime({ offset: true, error: 'datetime_invalid' }))
  .transform((value) => new Date(value))
  .refine((date) => date instanceof Date && !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 2000 && date.getUTCFullYear() <= 2100, 'datetime_invalid');

export const createBookingSchema = z
  .object({
    roomId: uuidSchema,
    startsAt: instantSchema,
    endsAt: instantSchema,
    purpose: z.string('purpose_invalid').trim().min(1, 'purpose_invalid').max(200, 'purpose_invalid'),
    attendees: z.number('attendees_invalid').int('attendees_invalid').min(1, 'attendees_invalid').max(10_000, 'attendees_invalid'),
  })
  .refine((booking) => booking.endsAt.getTime() > booking.startsAt.getTime(), { path: ['endsAt'], message: 'ends_before_starts', ...whenFieldsValid })
  .meta({ id: 'CreateBookingRequest' });
export type CreateBookingInput = z.infer<typeof createBookingSchema>;

export const availabilityQuerySchema = z
  .object({ from: instantSchema, to: instantSchema })
  .refine((q) => q.to.getTime() > q.from.getTime(), { path: ['to'], message: 'ends_before_starts', ...whenFieldsValid })
  .refine((q) => q.to.getTime() - q.from.getTime() <= 31 * 86_400_000, { path: ['to'], message: 'range_too_long', ...whenFieldsValid });

export const reasonSchema = z.object({ reason: z.string('reason_invalid').trim().min(1, 'reason_invalid').max(300, 'reason_invalid') });
export const optionalReasonSchema = z.object({ reason: z.string('reason_invalid').trim().max(300, 'reason_invalid').optional() });

const statusSchema = z.enum(['pending', 'confirmed', 'rejected', 'cancelled', 'attended', 'no_show']);

export const bookingViewSchema = z
  .object({
    id: z.uuid(),
    roomId: z.uuid(),
    roomName: z.string(),
    facilityName: z.string(),
    communityId: z.uuid(),
    startsAt: z.string().describe('ISO 8601, +08:00'),
    endsAt: z.string(),
    purpose: z.string(),
    attendees: z.number().int(),
    status: statusSchema,
    reason: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Booking' });
export type BookingView = z.infer<typeof bookingViewSchema>;
