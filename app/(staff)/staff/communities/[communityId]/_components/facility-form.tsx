'use client';

import { useTranslations } from 'next-intl';
import { CheckboxField } from '@/components/register/checkbox-field';
import { FormAlerts, useFieldErrors } from '@/components/register/form-alerts';
import { FacilityFields, NEW_FACILITY } from '@/components/register/facility-fields';
import { WEEKDAYS } from '@/components/register/options';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { useFormAction, useResetOnSave } from '@/components/ui/use-form-action';
import { createFacilityAction } from '../actions';

export function FacilityForm({ communityId }: { communityId: string }) {
  const t = useTranslations('register');
  const { state, onSubmit, pending } = useFormAction(createFacilityAction);
  const field = useFieldErrors(state);
  const formRef = useResetOnSave(state);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label={t('facilityForm.heading')}>
      <input type="hidden" name="communityId" value={communityId} />
      <div className="sm:col-span-2">
        <FormAlerts state={state} success={t('facilityForm.saved')} />
      </div>
      <FacilityFields idPrefix="facility" defaults={NEW_FACILITY} errors={field} />
      <fieldset className="sm:col-span-2">
        <legend className="font-medium">{t('fields.openingHours')}</legend>
        <p className="mb-2 text-sm text-muted">{t('facilityForm.hoursHint')}</p>
        <div className="divide-y divide-slate-200 rounded-md border border-slate-300">
          {WEEKDAYS.map((day) => (
            <HoursRow key={day} day={day} label={t(`weekdays.${day}`)} errors={field(`openingHours.${day}`)} />
          ))}
        </div>
      </fieldset>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('facilityForm.submit')}
        </Button>
      </div>
    </form>
  );
}

function HoursRow({ day, label, errors }: { day: string; label: string; errors?: string[] }) {
  const t = useTranslations('register');
  const errorId = errors?.length ? `hours-${day}-error` : undefined;
  return (
    <div role="group" aria-label={label} className="grid grid-cols-2 items-end gap-x-3 gap-y-1 px-3 py-2 sm:grid-cols-[5rem_1fr_1fr_auto]">
      <span className="self-center font-medium">{label}</span>
      <div className="-my-2 justify-self-end sm:order-last sm:justify-self-start">
        <CheckboxField id={`hours-${day}-closed`} name={`hours.${day}.closed`} label={t('fields.closedAllDay')} />
      </div>
      <label className="text-sm">
        <span className="block text-muted">{t('fields.opens')}</span>
        <input type="time" name={`hours.${day}.opens`} defaultValue="08:00" className={inputClass} aria-describedby={errorId} aria-invalid={errorId ? true : undefined} />
      </label>
      <label className="text-sm">
        <span className="block text-muted">{t('fields.closes')}</span>
        <input type="time" name={`hours.${day}.closes`} defaultValue="21:30" className={inputClass} aria-describedby={errorId} aria-invalid={errorId ? true : undefined} />
      </label>
      <div id={errorId} aria-live="polite" className="col-span-2 text-sm font-medium text-red-800 sm:order-last sm:col-span-4">
        {errors?.map((error) => <p key={error}>{error}</p>)}
      </div>
    </div>
  );
}
