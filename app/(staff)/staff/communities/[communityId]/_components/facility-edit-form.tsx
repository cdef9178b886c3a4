'use client';

import { useTranslations } from 'next-intl';
import { FacilityFields, type FacilityDefaults } from '@/components/register/facility-fields';
import { FormAlerts, useFieldErrors } from '@/components/register/form-alerts';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import { updateFacilityAction } from '../actions';

export function FacilityEditForm({ facilityId, defaults, closedOn }: { facilityId: string; defaults: FacilityDefaults; closedOn: string | null }) {
  const t = useTranslations('register');
  const { state, onSubmit, pending } = useFormAction(updateFacilityAction);
  const field = useFieldErrors(state);
  const idPrefix = `edit-facility-${facilityId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label={t('facilityForm.editHeading', { facility: defaults.name })}>
      <input type="hidden" name="facilityId" value={facilityId} />
      <div className="sm:col-span-2">
        <FormAlerts state={state} success={t('facilityForm.updated')} />
      </div>
      <FacilityFields idPrefix={idPrefix} defaults={defaults} errors={field} />
      <TextField id={`${idPrefix}-closed-on`} name="closedOn" type="date" label={t('fields.closedOn')} hint={t('facilityForm.closedOnHint')} defaultValue={closedOn ?? ''} errors={field('closedOn')} />
      <p className="text-sm text-muted sm:col-span-2">{t('facilityForm.hoursElsewhere')}</p>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('facilityForm.updateSubmit')}
        </Button>
      </div>
    </form>
  );
}
