'use client';

import { useTranslations } from 'next-intl';
import { CommunityPicker, type TownChoice } from '@/components/registry/community-picker';
import { FormAlerts, useFieldErrors } from '@/components/register/form-alerts';
import { TextAreaField } from '@/components/register/text-area-field';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormAction, useResetOnSave } from '@/components/ui/use-form-action';
import { declareShareAction } from '../actions';

export function ShareForm({ facilityId, facilityName, towns, today }: { facilityId: string; facilityName: string; towns: TownChoice[]; today: string }) {
  const t = useTranslations('register');
  const { state, onSubmit, pending } = useFormAction(declareShareAction);
  const field = useFieldErrors(state);
  const formRef = useResetOnSave(state);
  const prefix = `share-${facilityId.slice(0, 8)}`;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label={t('shareForm.heading', { facility: facilityName })}>
      <input type="hidden" name="facilityId" value={facilityId} />
      <div className="sm:col-span-2">
        <FormAlerts state={state} success={t('shareForm.saved')} />
      </div>
      <div className="sm:col-span-2">
        <CommunityPicker id={`${prefix}-community`} name="communityId" label={t('fields.shareCommunity')} hint={t('shareForm.communityHint')} towns={towns} emptyOption={t('shareForm.chooseCommunity')} defaultValue="" errors={field('communityId')} />
      </div>
      <TextField id={`${prefix}-percent`} name="percent" inputMode="decimal" label={t('fields.percent')} hint={t('shareForm.percentHint')} required errors={field('percent')} />
      <TextField id={`${prefix}-valid-from`} name="validFrom" type="date" label={t('fields.validFrom')} defaultValue={today} required errors={field('validFrom')} />
      <TextField id={`${prefix}-valid-to`} name="validTo" type="date" label={t('fields.validTo')} hint={t('shareForm.validToHint')} errors={field('validTo')} />
      <div className="sm:col-span-2">
        <TextAreaField id={`${prefix}-basis`} name="basisNote" label={t('fields.basisNote')} hint={t('shareForm.basisHint')} maxLength={500} errors={field('basisNote')} />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('shareForm.submit')}
        </Button>
      </div>
    </form>
  );
}
