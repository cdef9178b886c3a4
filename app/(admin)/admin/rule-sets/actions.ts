'use server';

import { revalidatePath } from 'next/cache';
import { getRequestContext } from '@/server/auth/session';
import { createRuleSetVersion } from '@/server/compliance/create-rule-set-version';
import { getRuleSet } from '@/server/compliance/rule-sets';
import { createRuleSetVersionSchema } from '@/server/compliance/schemas';
import { fieldErrorsOf, formResultFromError, type FormResult } from '@/server/form-result';

/** A new version from the latest one, with the thresholds, source, status and notes edited. */
export async function createRuleSetVersionAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const base = await getRuleSet(String(formData.get('code') ?? ''));
  if (!base) return { ok: false, message: 'not_found' };
  const parsed = createRuleSetVersionSchema.safeParse({
    code: base.code,
    nameZh: base.nameZh,
    nameEn: base.nameEn,
    source: formData.get('source'),
    verification: formData.get('verification'),
    notesZh: formData.get('notesZh'),
    notesEn: formData.get('notesEn'),
    rules: base.rules.map((rule) => ({ ...rule, threshold: formData.get(`threshold:${rule.code}`) })),
  });
  if (!parsed.success) return { ok: false, message: 'validation', fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const created = await createRuleSetVersion(await getRequestContext(), parsed.data);
    revalidatePath('/admin/rule-sets');
    return { ok: true, message: String(created.version) };
  } catch (error) {
    return formResultFromError(error);
  }
}
