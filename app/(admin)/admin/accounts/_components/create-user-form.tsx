'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { CommunityPicker, type TownChoice } from '@/components/registry/community-picker';
import { useFormAction } from '@/components/ui/use-form-action';
import { createUserAction } from '../actions';


export function CreateUserForm({ towns }: { towns: TownChoice[] }) {
  const t = useTranslations();
  const { state, onSubmit, pending } = useFormAction(createUserAction);
  const formRef = useRef<HTMLFormElement>(null);
  // Cleared only once the account exists; a refusal keeps what was typed.
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  const [role, setRole] = useState('staff');
  const field = (name: string) => state?.fieldErrors?.[name]?.map((key) => t(`validation.${key}`));
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        {state?.ok ? <Alert tone="success">{t('admin.created')}</Alert> : null}
        {state && !state.ok && state.message ? <Alert tone="error">{t(`errors.${state.message}`)}</Alert> : null}
      </div>
      <TextField id="new-name" name="name" label={t('admin.name')} required maxLength={60} errors={field('name')} />
      <TextField id="new-login" name="login" label={t('admin.login')} hint={t('auth.loginHint')} required errors={field('login')} />
      <TextField id="new-password" name="password" type="password" label={t('admin.password')} hint={t('auth.passwordHint')} autoComplete="new-password" required errors={field('password')} />
      <SelectField id="new-role" name="role" label={t('admin.role')} value={role} onChange={(event) => setRole(event.target.value)} errors={field('role')}>
        {(['staff', 'auditor', 'admin', 'resident'] as const).map((value) => (
          <option key={value} value={value}>
            {t(`roles.${value}`)}
          </option>
        ))}
      </SelectField>
      {role === 'staff' ? (
        <div className="sm:col-span-2">
          <CommunityPicker
            id="new-communities"
            name="communityIds"
            label={t('admin.communities')}
            hint={t('admin.communitiesHint')}
            multiple
            size={8}
            towns={towns}
            errors={field('communityIds')}
          />
        </div>
      ) : null}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {t('admin.create')}
        </Button>
      </div>
    </form>
  );
}
