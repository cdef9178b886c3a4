'use client';

import { useTranslations } from 'next-intl';
import { FormAlerts, useFieldErrors } from '@/components/register/form-alerts';
import { SpaceFields, type SpaceDefaults } from '@/components/register/space-fields';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import { updateSpaceAction } from '../actions';

export function SpaceEditForm({ spaceId, defaults, retiredOn }: { spaceId: string; defaults: SpaceDefaults; retiredOn: string | null }) {
  const t = useTranslations('register');
  const { state, onSubmit, pending } = useFormAction(updateSpaceAction);
  const field = useFieldErrors(state);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-labelledby="space-edit-heading">
      <input type="hidden" name="spaceId" value={spaceId} />
      <div className="sm:col-span-2">
        <FormAlerts state={state} success={t('spaceForm.updated')} />
      </div>
      <SpaceFields idPrefix="edit-space" defaults={defaults} errors={field} />
      <div className="sm:col-span-2">
        <TextField id="edit-space-retired-on" name="retiredOn" type="date" label={t('fields.retiredOn')} hint={t('spaceForm.retiredOnHint')} defaultValue={retiredOn ?? ''} errors={field('retiredOn')} />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('spaceForm.updateSubmit')}
        </Button>
      </div>
    </form>
  );
}
