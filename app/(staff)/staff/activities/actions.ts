'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createActivity, previewActivitySessions, type SessionConflict } from '@/server/activities/create-activity';
import { cancelSession, checkInSignup, updateActivityStatus, updateSessionCapacity } from '@/server/activities/manage-sessions';
import { cancelSessionSchema, createActivitySchema, sessionCapacitySchema, weeklySessions } from '@/server/activities/schemas';
import { getRequestContext } from '@/server/auth/session';
import { toShanghaiIso } from '@/server/bookings/shanghai-time';
import { isAppError } from '@/server/errors';
import { addError, idFrom, issuesByField, numberFrom, shanghaiDateTime, trimmedText, type FieldErrors } from '@/server/form-data';
import { formResultFromError, type FormResult } from '@/server/form-result';
import { isoDateSchema } from '@/server/common-schemas';
import { optionalReasonSchema } from '@/server/bookings/schemas';

// Adapters of the staff activity desk: read the form, parse it with the domain schema, call one
// domain function (which decides whether this person may), refresh the pages.

const refresh = () => revalidatePath('/staff/activities', 'layout');
const invalid = (fieldErrors: FieldErrors): FormResult => ({ ok: false, message: 'validation', fieldErrors });

export interface ActivityFormResult extends FormResult {
  /** Every session that was checked, and those that collide with what holds the room. */
  sessions?: { startsAt: string; endsAt: string }[];
  conflicts?: SessionConflict[];
}

/** 'YYYY-MM-DDTHH:MM' from a datetime-local input, read as Shanghai time; empty is undefined. */
function localInstant(formData: FormData, name: string, errors: FieldErrors): string | undefined {
  const value = trimmedText(formData, name);
  if (!value) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) || !isoDateSchema.safeParse(value.slice(0, 10)).success) {
    addError(errors, name, 'datetime_invalid');
    return undefined;
  }
  return `${value}:00+08:00`;
}

function activityInput(formData: FormData) {
  const errors: FieldErrors = {};
  const startsAt = shanghaiDateTime(formData, 'date', 'startTime', 'start', errors);
  const endsAt = shanghaiDateTime(formData, 'date', 'endTime', 'end', errors);
  if (errors.end) errors.end = errors.end.filter((key) => key !== 'date_invalid');
  if (errors.end?.length === 0) delete errors.end;
  const until = trimmedText(formData, 'repeatUntil');
  if (until && !isoDateSchema.safeParse(until).success) addError(errors, 'repeatUntil', 'date_invalid');
  const first = startsAt && endsAt ? { startsAt: new Date(startsAt), endsAt: new Date(endsAt) } : null;
  const sessions = first ? weeklySessions(first, until).map((s) => ({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })) : [];
  const parsed = createActivitySchema.safeParse({
    title: trimmedText(formData, 'title') ?? '',
    description: trimmedText(formData, 'description'),
    category: trimmedText(formData, 'category') ?? '',
    audience: trimmedText(formData, 'audience') ?? '',
    roomId: trimmedText(formData, 'roomId') ?? '',
    capacity: numberFrom(formData, 'capacity'),
    sessions: first ? sessions : [{ startsAt: '', endsAt: '' }],
    status: formData.get('intent') === 'draft' ? 'draft' : 'published',
    signupOpensAt: localInstant(formData, 'signupOpensAt', errors),
    signupClosesAt: localInstant(formData, 'signupClosesAt', errors),
  });
  if (!parsed.success || Object.keys(errors).length > 0) {
    // Session issues belong to the first session's date and times, which people typed.
    if (parsed.error) issuesByField(parsed.error, { sessions: first ? 'repeatUntil' : 'start' }, errors);
    for (const field of ['start', 'end']) if (errors[field]?.some((key) => key === 'date_invalid' || key === 'time_invalid')) errors[field] = errors[field]!.filter((key) => key !== 'datetime_invalid' && key !== 'invalid');
    if (errors.start?.length === 0) delete errors.start;
    return { errors };
  }
  return { input: parsed.data };
}

function refusal(error: unknown): ActivityFormResult {
  if (isAppError(error) && error.type === 'session-conflict') return { ok: false, message: 'activity_session_conflict', conflicts: (error.options.extra?.conflicts ?? []) as SessionConflict[] };
  const result = formResultFromError(error);
  // The domain names `sessions`; the form's first session is its date and times.
  if (result.fieldErrors?.sessions) return { ...result, fieldErrors: { ...result.fieldErrors, start: result.fieldErrors.sessions } };
  return result;
}

export async function previewActivityAction(_previous: FormResult | null, formData: FormData): Promise<ActivityFormResult> {
  const { input, errors } = activityInput(formData);
  if (!input) return invalid(errors);
  try {
    const conflicts = await previewActivitySessions(await getRequestContext(), input);
    const sessions = input.sessions.map((s) => ({ startsAt: toShanghaiIso(s.startsAt), endsAt: toShanghaiIso(s.endsAt) }));
    return { ok: true, message: conflicts.length > 0 ? 'previewWithConflicts' : 'previewAllFree', sessions, conflicts };
  } catch (error) {
    return refusal(error);
  }
}

export async function createActivityAction(_previous: FormResult | null, formData: FormData): Promise<ActivityFormResult> {
  const { input, errors } = activityInput(formData);
  if (!input) return invalid(errors);
  let id: string;
  try {
    id = (await createActivity(await getRequestContext(), input)).id;
  } catch (error) {
    return refusal(error);
  }
  refresh();
  redirect(`/staff/activities/${id}?created=1`);
}

export async function updateActivityStatusAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const activityId = idFrom(formData, 'activityId');
  const status = formData.get('status');
  if (!activityId || (status !== 'published' && status !== 'cancelled')) return { ok: false, message: 'not_found' };
  const parsed = optionalReasonSchema.safeParse({ reason: trimmedText(formData, 'reason') });
  if (!parsed.success) return invalid(issuesByField(parsed.error));
  try {
    await updateActivityStatus(await getRequestContext(), activityId, status, parsed.data.reason);
  } catch (error) {
    return formResultFromError(error);
  }
  refresh();
  revalidatePath(`/activities/${activityId}`);
  return { ok: true, message: status === 'published' ? 'published' : 'activityCancelled' };
}

export async function updateCapacityAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const sessionId = idFrom(formData, 'sessionId');
  if (!sessionId) return { ok: false, message: 'not_found' };
  const parsed = sessionCapacitySchema.safeParse({ capacity: numberFrom(formData, 'capacity') });
  if (!parsed.success) return invalid(issuesByField(parsed.error));
  try {
    const result = await updateSessionCapacity(await getRequestContext(), sessionId, parsed.data.capacity);
    refresh();
    return { ok: true, message: result.promoted > 0 ? 'capacityPromoted' : 'capacityChanged', values: { promoted: result.promoted } };
  } catch (error) {
    return formResultFromError(error);
  }
}

export async function cancelSessionAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const sessionId = idFrom(formData, 'sessionId');
  if (!sessionId) return { ok: false, message: 'not_found' };
  const parsed = cancelSessionSchema.safeParse({ reason: trimmedText(formData, 'reason') ?? '' });
  if (!parsed.success) return invalid(issuesByField(parsed.error));
  try {
    await cancelSession(await getRequestContext(), sessionId, parsed.data.reason);
  } catch (error) {
    return formResultFromError(error);
  }
  refresh();
  return { ok: true, message: 'sessionCancelled' };
}

export async function checkInAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const signupId = idFrom(formData, 'signupId');
  if (!signupId) return { ok: false, message: 'not_found' };
  const attended = formData.get('attended') === 'true';
  try {
    await checkInSignup(await getRequestContext(), signupId, attended);
  } catch (error) {
    return formResultFromError(error);
  }
  refresh();
  return { ok: true, message: attended ? 'attended' : 'absent' };
}
