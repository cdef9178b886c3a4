'use client';

import { useEffect } from 'react';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { CheckboxField } from '@/components/register/checkbox-field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import { eraseAccountAction } from '../actions';

/** Deleting the account: the password again and an explicit tick, never a pop-up. */
export function EraseAccount() {
  const t = useTranslations();
  const { state, onSubmit, pending } = useFormAction(eraseAccountAction);
  const field = (name: string) => state?.fieldErrors?.[name]?.map((key) => t(`validation.${key}`));
  useEffect(() => {
    if (state?.ok) void signOut({ callbackUrl: '/?erased=1' });
  }, [state]);
  if (state?.ok) return <Alert tone="success">{t('myData.erased')}</Alert>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-red-700 p-4" aria-labelledby="erase-heading">
      <h2 id="erase-heading" className="text-xl font-bold">
        {t('myData.eraseHeading')}
      </h2>
      <ul className="list-disc space-y-1 pl-5">
        <li>{t('myData.eraseBookings')}</li>
        <li>{t('myData.eraseSignups')}</li>
        <li>{t('myData.eraseFields')}</li>
        <li>{t('myData.eraseKept')}</li>
      </ul>
      <TextField id="erase-password" name="password" type="password" label={t('myData.erasePassword')} autoComplete="current-password" errors={field('password')} required />
      <CheckboxField id="erase-confirm" name="confirm" value="yes" label={t('myData.eraseConfirm')} errors={field('confirm')} />
      <Button type="submit" variant="danger" disabled={pending}>
        {t('myData.eraseButton')}
      </Button>
    </form>
  );
}
