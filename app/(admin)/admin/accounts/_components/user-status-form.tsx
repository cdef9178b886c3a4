'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { FormResult } from '@/server/form-result';
import { setUserDisabledAction } from '../actions';

export function UserStatusForm({ userId, disabled, name }: { userId: string; disabled: boolean; name: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormResult | null, FormData>(setUserDisabledAction, null);
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
      <Button type="submit" variant={disabled ? 'secondary' : 'danger'} disabled={pending} aria-label={`${disabled ? t('admin.enable') : t('admin.disable')} ${name}`}>
        {disabled ? t('admin.enable') : t('admin.disable')}
      </Button>
      {state && !state.ok && state.message ? (
        <p role="alert" className="text-sm text-red-800">
          {t(`errors.${state.message}`)}
        </p>
      ) : null}
    </form>
  );
}
