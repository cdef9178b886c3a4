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

export const closureSchema = z
  .object({
    facilityId: uuidSchema,
    /** A single room, or the whole facility when left out. */
    spaceId: uuidSchema.optional(),
    kind: z.enum(['closure', 'maintenance'], 'closure_kind_invalid').default('closure'),
    startsAt: instantSchema,
    endsAt: instantSchema,
    reason: z.string('reason_invalid').trim().min(1, 'reason_invalid').max(300, 'reason_invalid'),
    /** Cancel residents' bookings in the way (they are told, with the reason). */
    cancelConflicting: z.boolean('boolean_invalid').default(false),
  })
  .refine((c) => c.endsAt.getTime() > c.startsAt.getTime(), { path: ['endsAt'], message: 'ends_before_starts', ...whenFieldsValid })
  .refine((c) => c.endsAt.getTime() - c.startsAt.getTime() <= 366 * 86_400_000, { path: ['endsAt'], message: 'range_too_long', ...whenFieldsValid })
  .meta({ id: 'CreateClosureRequest' });
export type ClosureInput = z.infer<typeof closureSchema>;

export const recurringBookingSchema = z
  .object({
    roomId: uuidSchema,
    startsAt: instantSchema,
    endsAt: instantSchema,
    weeks: z.number('weeks_invalid').int('weeks_invalid').min(1, 'weeks_invalid').max(52, 'weeks_invalid'),
    purpose: z.string('purpose_invalid').trim().min(1, 'purpose_invalid').max(200, 'purpose_invalid'),
    attendees: z.number('attendees_invalid').int('attendees_invalid').min(1, 'attendees_invalid').max(10_000, 'attendees_invalid'),
    /** all: every week or none; free: only the weeks that are free. */
    mode: z.enum(['all', 'free'], 'mode_invalid').default('all'),
  })
  .refine((b) => b.endsAt.getTime() > b.startsAt.getTime(), { path: ['endsAt'], message: 'ends_before_starts', ...whenFieldsValid })
  .meta({ id: 'RecurringBookingRequest' });
export type RecurringBookingInput = z.infer<typeof recurringBookingSchema>;

export const bookingRulesSchema = z
  .object({
    slotMinutes: z.number('rule_value_invalid').int('rule_value_invalid').min(5, 'rule_value_invalid').max(240, 'rule_value_invalid'),
    minMinutes: z.number('rule_value_invalid').int('rule_value_invalid').min(5, 'rule_value_invalid').max(1440, 'rule_value_invalid'),
    maxMinutes: z.number('rule_value_invalid').int('rule_value_invalid').min(5, 'rule_value_invalid').max(1440, 'rule_value_invalid'),
    minNoticeMinutes: z.number('rule_value_invalid').int('rule_value_invalid').min(0, 'rule_value_invalid').max(43_200, 'rule_value_invalid'),
    maxDaysAhead: z.number('rule_value_invalid').int('rule_value_invalid').min(1, 'rule_value_invalid').max(366, 'rule_value_invalid'),
    requiresApproval: z.boolean('boolean_invalid'),
    cancelCutoffMinutes: z.number('rule_value_invalid').int('rule_value_invalid').min(0, 'rule_value_invalid').max(43_200, 'rule_value_invalid'),
    maxActiveBookings: z.number('rule_value_invalid').int('rule_value_invalid').min(1, 'rule_value_invalid').max(100, 'rule_value_invalid'),
    maxMinutesPerWeek: z.number('rule_value_invalid').int('rule_value_invalid').min(5, 'rule_value_invalid').max(10_080, 'rule_value_invalid'),
    noShowLimit: z.number('rule_value_invalid').int('rule_value_invalid').min(1, 'rule_value_invalid').max(100, 'rule_value_invalid'),
    noShowWindowDays: z.number('rule_value_invalid').int('rule_value_invalid').min(1, 'rule_value_invalid').max(366, 'rule_value_invalid'),
    suspensionDays: z.number('rule_value_invalid').int('rule_value_invalid').min(0, 'rule_value_invalid').max(366, 'rule_value_invalid'),
  })
  .refine((r) => r.minMinutes >= r.slotMinutes && r.maxMinutes >= r.minMinutes, { path: ['maxMinutes'], message: 'durations_inconsistent', ...whenFieldsValid })
  .refine((r) => r.maxMinutesPerWeek >= r.minMinutes, { path: ['maxMinutesPerWeek'], message: 'durations_inconsistent', ...whenFieldsValid })
  .meta({ id: 'BookingRules' });
export type BookingRulesInput = z.infer<typeof bookingRulesSchema>;
