'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { FormAlerts, useFieldErrors } from '@/components/register/form-alerts';
import { NEW_SPACE, SpaceFields } from '@/components/register/space-fields';
import { Button } from '@/components/ui/button';
import { useFormAction } from '@/components/ui/use-form-action';
import { createSpaceAction } from '../actions';

export function SpaceCreateForm({ facilityId, facilityName }: { facilityId: string; facilityName: string }) {
  const t = useTranslations('register');
  const { state, onSubmit, pending } = useFormAction(createSpaceAction);
  const field = useFieldErrors(state);
  const formRef = useRef<HTMLFormElement>(null);
  // A fresh set of fields after each saved space (the bookable switch lives in their state).
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (state?.ok) {
      formRef.current?.reset();
      setGeneration((g) => g + 1);
    }
  }, [state]);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label={t('spaceForm.addHeading', { facility: facilityName })}>
      <input type="hidden" name="facilityId" value={facilityId} />
      <div className="sm:col-span-2">
        <FormAlerts state={state} success={t('spaceForm.added')} />
      </div>
      <SpaceFields key={generation} idPrefix={`new-space-${facilityId.slice(0, 8)}`} defaults={NEW_SPACE} errors={field} />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('spaceForm.addSubmit')}
        </Button>
      </div>
    </form>
  );
}
