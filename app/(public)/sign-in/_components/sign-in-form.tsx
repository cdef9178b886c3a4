'use client';

import { useState } from 'react';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';

const KNOWN_ERRORS = ['invalid_credentials', 'account_disabled', 'throttled'] as const;

export function SignInForm({ callbackUrl, initialLogin = '' }: { callbackUrl: string; initialLogin?: string }) {
  const t = useTranslations('auth');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', { login: form.get('login'), password: form.get('password'), redirect: false });
    if (result?.ok && !result.error) {
      // A full navigation, so that the server renders the header for the new session.
      window.location.assign(callbackUrl);
      return;
    }
    const code = KNOWN_ERRORS.find((known) => known === result?.error) ?? 'unknown';
    setError(t(code));
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField id="login" name="login" label={t('login')} hint={t('loginHint')} autoComplete="username" required defaultValue={initialLogin} />
      <TextField id="password" name="password" type="password" label={t('password')} autoComplete="current-password" required />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t('signingIn') : t('signInButton')}
      </Button>
    </form>
  );
}
