'use client';

import { useEffect, useRef } from 'react';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import Link from 'next/link';
import { CheckboxField } from '@/components/register/checkbox-field';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { CommunityPicker, type TownChoice } from '@/components/registry/community-picker';
import { useFormAction } from '@/components/ui/use-form-action';
import { registerAction } from '../actions';

/** Registration with the privacy notice and an explicit consent box (PIPL art. 14, 17). */
export function RegisterForm({ towns }: { towns: TownChoice[] }) {
  const t = useTranslations();
  const { state, onSubmit, pending } = useFormAction(registerAction);
  const formRef = useRef<HTMLFormElement>(null);
  const field = (name: string) => state?.fieldErrors?.[name]?.map((key) => t(`validation.${key}`));

  // Registered: sign the new resident in with what they just typed, then go to their area.
  useEffect(() => {
    if (!state?.ok || !formRef.current) return;
    const form = new FormData(formRef.current);
    void signIn('credentials', { login: form.get('login'), password: form.get('password'), redirect: false }).then((result) => {
      window.location.assign(result?.ok && !result.error ? '/welcome' : '/sign-in?registered=1');
    });
  }, [state]);

  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" noValidate>
      {state && !state.ok && state.message ? <Alert tone="error">{t(`errors.${state.message}`)}</Alert> : null}
      {state?.ok ? <Alert tone="success">{t('auth.registered')}</Alert> : null}
      <TextField id="name" name="name" label={t('auth.name')} autoComplete="name" required maxLength={60} errors={field('name')} />
      <TextField id="login" name="login" label={t('auth.login')} hint={t('auth.loginHint')} autoComplete="username" required errors={field('login')} />
      <TextField
        id="password"
        name="password"
        type="password"
        label={t('auth.password')}
        hint={t('auth.passwordHint')}
        autoComplete="new-password"
        required
        minLength={8}
        errors={field('password')}
      />
      <CommunityPicker
        id="communityId"
        name="communityId"
        label={t('auth.homeCommunity')}
        defaultValue=""
        emptyOption={t('auth.homeCommunityNone')}
        towns={towns}
        errors={field('communityId')}
      />
      <section aria-labelledby="consent-heading" className="space-y-2 rounded-md border border-slate-400 bg-slate-50 p-4">
        <h2 id="consent-heading" className="text-lg font-bold">
          {t('privacy.noticeHeading')}
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t('privacy.noticeWhat')}</li>
          <li>{t('privacy.noticeWhy')}</li>
          <li>{t('privacy.noticeWho')}</li>
          <li>{t('privacy.noticeRights')}</li>
        </ul>
        <p>
          <Link href="/privacy" className="font-medium underline">
            {t('privacy.readFull')}
          </Link>
        </p>
        <CheckboxField id="consent" name="consent" value="yes" label={t('privacy.consentLabel')} errors={field('consent')} required />
      </section>
      <Button type="submit" disabled={pending || state?.ok} className="w-full">
        {t('auth.registerButton')}
      </Button>
    </form>
  );
}
