'use server';

import { revalidatePath } from 'next/cache';
import { getRequestContext } from '@/server/auth/session';
import { checked, fieldErrorsAt, idFrom, text } from '@/server/form-data';
import { formResultFromError, type FormResult } from '@/server/form-result';
import { createFacility } from '@/server/registry/create-facility';
import { createSpace } from '@/server/registry/create-space';
import { declareFacilityShare } from '@/server/registry/declare-facility-share';
import { recordHouseholdCount } from '@/server/registry/record-household-count';
import { createFacilitySchema, createSpaceSchema, declareShareSchema, recordHouseholdCountSchema, updateFacilitySchema } from '@/server/registry/schemas';
import { updateFacility } from '@/server/registry/update-facility';
import { spaceFieldsFrom } from '../../_lib/space-fields';

// Adapters of the community register page: parse the form with the domain schema, call one
// domain function (which authorises), refresh the staff pages. Hidden ids only say which record
// the form is about; whether this person may change it is the domain function's decision.

const refused = (error: unknown) => formResultFromError(error);
const invalid = (error: Parameters<typeof fieldErrorsAt>[0]): FormResult => ({ ok: false, message: 'validation', fieldErrors: fieldErrorsAt(error) });

export async function recordHouseholdCountAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const communityId = idFrom(formData, 'communityId');
  if (!communityId) return { ok: false, message: 'not_found' };
  const parsed = recordHouseholdCountSchema.safeParse({
    basis: text(formData, 'basis'),
    households: text(formData, 'households'),
    asOf: text(formData, 'asOf'),
    source: text(formData, 'source') ?? '',
    suppliedBy: text(formData, 'suppliedBy'),
    note: text(formData, 'note'),
  });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await recordHouseholdCount(await getRequestContext(), communityId, parsed.data);
  } catch (error) {
    return refused(error);
  }
  revalidatePath('/staff', 'layout');
  return { ok: true, message: 'saved' };
}

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

export async function createFacilityAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const openingHours = Object.fromEntries(
    WEEKDAYS.map((day) => [day, checked(formData, `hours.${day}.closed`) ? null : { opens: text(formData, `hours.${day}.opens`) ?? '', closes: text(formData, `hours.${day}.closes`) ?? '' }]),
  );
  const parsed = createFacilitySchema.safeParse({
    communityId: formData.get('communityId'),
    name: text(formData, 'name') ?? '',
    kind: text(formData, 'kind'),
    address: text(formData, 'address'),
    openedOn: text(formData, 'openedOn'),
    openingHours,
  });
  if (!parsed.success) {
    if (parsed.error.issues.some((issue) => issue.path[0] === 'communityId')) return { ok: false, message: 'not_found' };
    return invalid(parsed.error);
  }
  try {
    await createFacility(await getRequestContext(), parsed.data);
  } catch (error) {
    return refused(error);
  }
  revalidatePath('/staff', 'layout');
  return { ok: true, message: 'saved' };
}

/** Describes the facility anew, all fields at once; an empty "closed on" reopens it. */
export async function updateFacilityAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const facilityId = idFrom(formData, 'facilityId');
  if (!facilityId) return { ok: false, message: 'not_found' };
  const parsed = updateFacilitySchema.safeParse({
    name: text(formData, 'name') ?? '',
    kind: text(formData, 'kind'),
    address: text(formData, 'address') ?? '',
    openedOn: text(formData, 'openedOn') ?? null,
    closedOn: text(formData, 'closedOn') ?? null,
  });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await updateFacility(await getRequestContext(), facilityId, parsed.data);
  } catch (error) {
    return refused(error);
  }
  revalidatePath('/staff', 'layout');
  return { ok: true, message: 'saved' };
}

export async function createSpaceAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const facilityId = idFrom(formData, 'facilityId');
  if (!facilityId) return { ok: false, message: 'not_found' };
  const parsed = createSpaceSchema.safeParse(spaceFieldsFrom(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await createSpace(await getRequestContext(), facilityId, parsed.data);
  } catch (error) {
    return refused(error);
  }
  revalidatePath('/staff', 'layout');
  return { ok: true, message: 'saved' };
}

export async function declareShareAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const facilityId = idFrom(formData, 'facilityId');
  if (!facilityId) return { ok: false, message: 'not_found' };
  const parsed = declareShareSchema.safeParse({
    communityId: text(formData, 'communityId') ?? '',
    percent: text(formData, 'percent')?.trim() ?? '',
    validFrom: text(formData, 'validFrom'),
    validTo: text(formData, 'validTo') ?? null,
    basisNote: text(formData, 'basisNote'),
  });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await declareFacilityShare(await getRequestContext(), facilityId, parsed.data);
  } catch (error) {
    return refused(error);
  }
  revalidatePath('/staff', 'layout');
  return { ok: true, message: 'saved' };
}
