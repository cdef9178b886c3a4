'use client';

import { useTranslations } from 'next-intl';
import { FormAlerts, useFieldErrors } from '@/components/register/form-alerts';
import { AREA_BASES, METHODS } from '@/components/register/options';
import { TextAreaField } from '@/components/register/text-area-field';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useFormAction, useResetOnSave } from '@/components/ui/use-form-action';
import { recordMeasurementAction } from '../actions';

export function MeasurementForm({ spaceId, setting, today }: { spaceId: string; setting: 'indoor' | 'outdoor'; today: string }) {
  const t = useTranslations('register');
  const { state, onSubmit, pending } = useFormAction(recordMeasurementAction);
  const field = useFieldErrors(state);
  const formRef = useResetOnSave(state);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-labelledby="measurement-form-heading">
      <input type="hidden" name="spaceId" value={spaceId} />
      <div className="sm:col-span-2">
        <FormAlerts state={state} success={t('measurementForm.saved')} />
      </div>
      <TextField id="measurement-area" name="areaM2" inputMode="decimal" autoComplete="off" label={t('fields.areaM2')} hint={t('measurementForm.areaHint')} required errors={field('areaM2')} />
      <SelectField id="measurement-basis" name="basis" label={t('fields.areaBasis')} hint={t('measurementForm.basisHint')} defaultValue={setting === 'outdoor' ? 'land' : 'building'} errors={field('basis')}>
        {AREA_BASES.map((basis) => (
          <option key={basis} value={basis}>
            {t(`areaBases.${basis}`)}
          </option>
        ))}
      </SelectField>
      <TextField id="measurement-date" name="measuredOn" type="date" label={t('fields.measuredOn')} defaultValue={today} required errors={field('measuredOn')} />
      <SelectField id="measurement-method" name="method" label={t('fields.method')} defaultValue="on_site" errors={field('method')}>
        {METHODS.map((method) => (
          <option key={method} value={method}>
            {t(`methods.${method}`)}
          </option>
        ))}
      </SelectField>
      <TextField id="measurement-by" name="measuredBy" label={t('fields.measuredBy')} required maxLength={60} errors={field('measuredBy')} />
      <TextField id="measurement-organisation" name="organisation" label={t('fields.organisation')} maxLength={120} errors={field('organisation')} />
      <div className="sm:col-span-2">
        <TextAreaField id="measurement-note" name="note" label={t('fields.note')} hint={t('measurementForm.noteHint')} maxLength={500} errors={field('note')} />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('measurementForm.submit')}
        </Button>
      </div>
    </form>
  );
}
