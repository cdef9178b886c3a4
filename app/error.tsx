'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

// The error's message is never shown: it can hold SQL or internals. The digest ties it to the server log.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations();
  return (
    <div className="space-y-4" role="alert">
      <h1 className="text-2xl font-bold">{t('error.heading')}</h1>
      <p>{t('error.body')}</p>
      {error.digest ? <p className="font-mono text-sm text-muted">ID: {error.digest}</p> : null}
      <Button onClick={reset}>{t('common.retry')}</Button>
    </div>
  );
}
