'use server';

import { revalidatePath } from 'next/cache';
import { RULE_FIELDS, WEEKDAYS, fromFormUnit } from '@/components/staff-bookings/rule-fields';
import type { ClosureConflict, ClosureResult, RecurringResult, RecurringWeek } from '@/components/staff-bookings/results';
import { getRequestContext } from '@/server/auth/session';
import { cancelClosure } from '@/server/bookings/cancel-closure';
import { changeBooking } from '@/server/bookings/change-booking';
import { createClosure } from '@/server/bookings/create-closure';
import { createRecurringBooking, previewRecurringBooking } from '@/server/bookings/recurring-booking';
import { bookingRulesSchema, closureSchema, reasonSchema, recurringBookingSchema } from '@/server/bookings/schemas';
import { updateBookingRules } from '@/server/bookings/update-booking-rules';
import { isAppError } from '@/server/errors';
import { addError, idFrom, issuesByField, numberFrom, shanghaiDateTime, trimmedText, type FieldErrors } from '@/server/form-data';
import { formResultFromError, type FormResult } from '@/server/form-result';
import { weeklyHoursSchema } from '@/server/registry/schemas';

// Adapters of the staff booking desk: read the form, parse it with the domain schema, call one
// domain function (which decides whether this person may), refresh the desk. Hidden ids only say
// which record a form is about.

const refresh = () => revalidatePath('/staff/bookings', 'layout');
const invalid = (fieldErrors: FieldErrors): FormResult => ({ ok: false, message: 'validation', fieldErrors });

async function change(formData: FormData, kind: 'approve' | 'reject' | 'cancel' | 'check_in' | 'no_show', success: string, needsReason: boolean): Promise<FormResult> {
  const bookingId = idFrom(formData, 'bookingId');
  if (!bookingId) return { ok: false, message: 'not_found' };
  let reason: string | undefined;
  if (needsReason) {
    const parsed = reasonSchema.safeParse({ reason: trimmedText(formData, 'reason') ?? '' });
    if (!parsed.success) return invalid(issuesByField(parsed.error));
    reason = parsed.data.reason;
  }
  try {
    await changeBooking(await getRequestContext(), bookingId, kind, reason);
  } catch (error) {
    return formResultFromError(error);
  }
  refresh();
  return { ok: true, message: success };
}

export async function approveBookingAction(_previous: FormResult | null, formData: FormData) {
  return change(formData, 'approve', 'approved', false);
}

export async function rejectBookingAction(_previous: FormResult | null, formData: FormData) {
  return change(formData, 'reject', 'rejected', true);
}

export async function cancelBookingAction(_previous: FormResult | null, formData: FormData) {
  return change(formData, 'cancel', 'cancelled', true);
}

export async function checkInBookingAction(_previous: FormResult | null, formData: FormData) {
  return change(formData, 'check_in', 'checkedIn', false);
}

export async function noShowBookingAction(_previous: FormResult | null, formData: FormData) {
  return change(formData, 'no_show', 'noShow', false);
}

const SPAN_FIELDS = { startsAt: 'start', endsAt: 'end' };

export async function createClosureAction(_previous: FormResult | null, formData: FormData): Promise<ClosureResult> {
  const errors: FieldErrors = {};
  const startsAt = shanghaiDateTime(formData, 'startDate', 'startTime', 'start', errors);
  const endsAt = shanghaiDateTime(formData, 'endDate', 'endTime', 'end', errors);
  const spaceId = trimmedText(formData, 'spaceId');
  const parsed = closureSchema.safeParse({
    facilityId: trimmedText(formData, 'facilityId') ?? '',
    spaceId,
    kind: trimmedText(formData, 'kind'),
    startsAt: startsAt ?? '',
    endsAt: endsAt ?? '',
    reason: trimmedText(formData, 'reason') ?? '',
    cancelConflicting: formData.get('cancelConflicting') === 'true',
  });
  if (!parsed.success || Object.keys(errors).length > 0) {
    if (parsed.error) issuesByField(parsed.error, SPAN_FIELDS, errors);
    // The unparseable time was already reported in words; the domain's echo of it is noise.
    for (const field of ['start', 'end']) if (errors[field]?.some((key) => key === 'date_invalid' || key === 'time_invalid')) errors[field] = errors[field]!.filter((key) => key !== 'datetime_invalid');
    // The domain allows a year at most; its generic "too long" speaks of queries.
    if (errors.end) errors.end = errors.end.map((key) => (key === 'range_too_long' ? 'closure_too_long' : key));
    return invalid(errors);
  }
  try {
    const result = await createClosure(await getRequestContext(), parsed.data);
    refresh();
    return { ok: true, message: result.cancelledBookings > 0 ? 'closedAndCancelled' : 'closed', cancelledBookings: result.cancelledBookings };
  } catch (error) {
    if (isAppError(error) && error.messageKey === 'closure_conflicts') {
      return { ok: false, message: 'closure_conflicts', conflicts: (error.options.extra?.conflicts ?? []) as ClosureConflict[] };
    }
    return formResultFromError(error);
  }
}

function recurringInput(formData: FormData) {
  const errors: FieldErrors = {};
  const startsAt = shanghaiDateTime(formData, 'date', 'startTime', 'start', errors);
  const endsAt = shanghaiDateTime(formData, 'date', 'endTime', 'end', errors);
  // The end is on the first date too; a missing date is reported once, with the start.
  if (errors.end) errors.end = errors.end.filter((key) => key !== 'date_invalid');
  if (errors.end?.length === 0) delete errors.end;
  const parsed = recurringBookingSchema.safeParse({
    roomId: trimmedText(formData, 'roomId') ?? '',
    startsAt: startsAt ?? '',
    endsAt: endsAt ?? '',
    weeks: numberFrom(formData, 'weeks'),
    purpose: trimmedText(formData, 'purpose') ?? '',
    attendees: numberFrom(formData, 'attendees'),
    mode: trimmedText(formData, 'mode') ?? 'all',
  });
  if (!parsed.success || Object.keys(errors).length > 0) {
    if (parsed.error) issuesByField(parsed.error, SPAN_FIELDS, errors);
    for (const field of ['start', 'end']) if (errors[field]?.some((key) => key === 'date_invalid' || key === 'time_invalid')) errors[field] = errors[field]!.filter((key) => key !== 'datetime_invalid');
    return { errors };
  }
  return { input: parsed.data };
}

/** The room's own refusals (hours, capacity) name the field they are about. */
function recurringRefusal(error: unknown): RecurringResult {
  const result = formResultFromError(error);
  if (result.fieldErrors?.startsAt) {
    const fieldErrors: FieldErrors = {};
    for (const key of result.fieldErrors.startsAt) addError(fieldErrors, key === 'booking_over_capacity' ? 'attendees' : key === 'booking_room_not_bookable' ? 'roomId' : 'start', key);
    return { ...result, message: 'validation', fieldErrors };
  }
  if (isAppError(error) && error.messageKey === 'recurring_conflicts') return { ...result, weeks: (error.options.extra?.occurrences ?? []) as RecurringWeek[] };
  return result;
}

export async function previewRecurringBookingAction(_previous: FormResult | null, formData: FormData): Promise<RecurringResult> {
  const { input, errors } = recurringInput(formData);
  if (!input) return invalid(errors);
  try {
    const weeks = await previewRecurringBooking(await getRequestContext(), input);
    return { ok: true, message: weeks.some((week) => week.conflict) ? 'previewWithConflicts' : 'previewAllFree', weeks };
  } catch (error) {
    return recurringRefusal(error);
  }
}

export async function createRecurringBookingAction(_previous: FormResult | null, formData: FormData): Promise<RecurringResult> {
  const { input, errors } = recurringInput(formData);
  if (!input) return invalid(errors);
  try {
    const result = await createRecurringBooking(await getRequestContext(), input);
    refresh();
    return { ok: true, message: 'seriesBooked', booked: result.booked, skipped: result.skipped };
  } catch (error) {
    return recurringRefusal(error);
  }
}

export async function updateBookingRulesAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const facilityId = idFrom(formData, 'facilityId');
  if (!facilityId) return { ok: false, message: 'not_found' };
  const approval = formData.get('requiresApproval');
  const rules = bookingRulesSchema.safeParse({
    ...Object.fromEntries(RULE_FIELDS.map((field) => [field.key, fromFormUnit(field, numberFrom(formData, field.key))])),
    requiresApproval: approval === 'yes' ? true : approval === 'no' ? false : undefined,
  });
  const hours = weeklyHoursSchema.safeParse(
    Object.fromEntries(WEEKDAYS.map((day) => [day, formData.get(`hours.${day}.open`) === 'on' ? { opens: trimmedText(formData, `hours.${day}.opens`) ?? '', closes: trimmedText(formData, `hours.${day}.closes`) ?? '' } : null])),
  );
  if (!rules.success || !hours.success) {
    const errors: FieldErrors = {};
    if (rules.error) issuesByField(rules.error, {}, errors);
    for (const issue of hours.error?.issues ?? []) addError(errors, `hours.${String(issue.path[0])}`, /^[a-z_]+$/.test(issue.message) ? issue.message : 'time_invalid');
    return invalid(errors);
  }
  try {
    await updateBookingRules(await getRequestContext(), facilityId, rules.data, hours.data);
  } catch (error) {
    return formResultFromError(error);
  }
  refresh();
  return { ok: true, message: 'rulesSaved' };
}

export async function cancelClosureAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const closureId = idFrom(formData, 'closureId');
  if (!closureId) return { ok: false, message: 'not_found' };
  try {
    await cancelClosure(await getRequestContext(), closureId);
  } catch (error) {
    return formResultFromError(error);
  }
  refresh();
  return { ok: true, message: 'closureLifted' };
}
