'use client';

import { useTranslations } from 'next-intl';
import { FormAlerts, useFieldErrors } from '@/components/register/form-alerts';
import { HOUSEHOLD_BASES } from '@/components/register/options';
import { TextAreaField } from '@/components/register/text-area-field';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useFormAction, useResetOnSave } from '@/components/ui/use-form-action';
import { recordHouseholdCountAction } from '../actions';

export function HouseholdCountForm({ communityId, today }: { communityId: string; today: string }) {
  const t = useTranslations('register');
  const { state, onSubmit, pending } = useFormAction(recordHouseholdCountAction);
  const field = useFieldErrors(state);
  const formRef = useResetOnSave(state);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label={t('countForm.heading')}>
      <input type="hidden" name="communityId" value={communityId} />
      <div className="sm:col-span-2">
        <FormAlerts state={state} success={t('countForm.saved')} />
      </div>
      <SelectField id="count-basis" name="basis" label={t('fields.householdBasis')} hint={t('countForm.basisHint')} defaultValue="registered" errors={field('basis')}>
        {HOUSEHOLD_BASES.map((basis) => (
          <option key={basis} value={basis}>
            {t(`householdBases.${basis}`)}
          </option>
        ))}
      </SelectField>
      <TextField id="count-households" name="households" label={t('fields.households')} inputMode="numeric" autoComplete="off" required errors={field('households')} />
      <TextField id="count-as-of" name="asOf" type="date" label={t('fields.asOf')} defaultValue={today} required errors={field('asOf')} />
      <TextField id="count-source" name="source" label={t('fields.source')} hint={t('countForm.sourceHint')} required maxLength={120} errors={field('source')} />
      <TextField id="count-supplied-by" name="suppliedBy" label={t('fields.suppliedBy')} maxLength={60} errors={field('suppliedBy')} />
      <div className="sm:col-span-2">
        <TextAreaField id="count-note" name="note" label={t('fields.note')} maxLength={500} errors={field('note')} />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('countForm.submit')}
        </Button>
      </div>
    </form>
  );
}
