'use server';

import { revalidatePath } from 'next/cache';
import { getRequestContext } from '@/server/auth/session';
import { fieldErrorsAt, idFrom, text } from '@/server/form-data';
import { formResultFromError, type FormResult } from '@/server/form-result';
import { recordMeasurement } from '@/server/registry/record-measurement';
import { recordMeasurementSchema, updateSpaceSchema } from '@/server/registry/schemas';
import { updateSpace } from '@/server/registry/update-space';
import { spaceFieldsFrom } from '../../../../_lib/space-fields';

export async function recordMeasurementAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const spaceId = idFrom(formData, 'spaceId');
  if (!spaceId) return { ok: false, message: 'not_found' };
  const parsed = recordMeasurementSchema.safeParse({
    areaM2: text(formData, 'areaM2')?.trim() ?? '',
    basis: text(formData, 'basis'),
    measuredOn: text(formData, 'measuredOn'),
    method: text(formData, 'method'),
    measuredBy: text(formData, 'measuredBy') ?? '',
    organisation: text(formData, 'organisation'),
    note: text(formData, 'note'),
  });
  if (!parsed.success) return { ok: false, message: 'validation', fieldErrors: fieldErrorsAt(parsed.error) };
  try {
    await recordMeasurement(await getRequestContext(), spaceId, parsed.data);
  } catch (error) {
    return formResultFromError(error);
  }
  revalidatePath('/staff', 'layout');
  return { ok: true, message: 'saved' };
}

/** Describes the space anew, all fields at once; an empty "retired on" puts it back in use. */
export async function updateSpaceAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const spaceId = idFrom(formData, 'spaceId');
  if (!spaceId) return { ok: false, message: 'not_found' };
  const parsed = updateSpaceSchema.safeParse({
    ...spaceFieldsFrom(formData),
    accessibilityNotes: text(formData, 'accessibilityNotes') ?? '',
    retiredOn: text(formData, 'retiredOn') ?? null,
  });
  if (!parsed.success) return { ok: false, message: 'validation', fieldErrors: fieldErrorsAt(parsed.error) };
  try {
    await updateSpace(await getRequestContext(), spaceId, parsed.data);
  } catch (error) {
    return formResultFromError(error);
  }
  revalidatePath('/staff', 'layout');
  return { ok: true, message: 'saved' };
}
