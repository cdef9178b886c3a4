'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormAction } from '@/components/ui/use-form-action';
import { regenerateCalendarFeedAction, type FeedResult } from '../actions';

/**
 * The private calendar feed: its address is shown once, when made (only a hash is kept), and
 * making a new one stops the old — so replacing an existing one asks first, inline.
 */
export function CalendarFeed({ hasFeed }: { hasFeed: boolean }) {
  const t = useTranslations();
  const { state: result, onSubmit, pending } = useFormAction(regenerateCalendarFeedAction);
  const state = result as FeedResult | null;
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);
  const urlRef = useRef<HTMLDivElement>(null);
  const url = state?.ok ? state.url : undefined;

  useEffect(() => {
    if (url) {
      setConfirming(false);
      setCopied(false);
      urlRef.current?.focus();
    }
  }, [url]);

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard (plain http, old phone): the hint tells how to copy by hand.
    }
  }

  const existing = hasFeed || Boolean(url);
  return (
    <div className="space-y-4">
      <p>{t('bookings.feedIntro')}</p>
      {state && !state.ok ? <Alert tone="error">{t(`errors.${state.message ?? 'internal'}`)}</Alert> : null}
      {url ? (
        <div ref={urlRef} tabIndex={-1} className="space-y-3 outline-none">
          <Alert tone="success">{t('bookings.feedCreated')}</Alert>
          <p className="font-medium">
            {t('bookings.feedUrlLabel')}
          </p>
          <p data-feed-url className="select-all break-all rounded-md border border-slate-400 bg-slate-50 p-3 font-mono text-base">
            {url}
          </p>
          <p className="text-muted">{t('bookings.feedCopyHint')}</p>
          <div className="flex flex-wrap items-center gap-3">
            <Button variant="secondary" onClick={copy}>
              {t('bookings.feedCopy')}
            </Button>
            <span role="status">{copied ? t('bookings.feedCopied') : ''}</span>
          </div>
        </div>
      ) : hasFeed ? (
        <p>{t('bookings.feedExists')}</p>
      ) : null}
      {existing ? <p className="rounded-md border-l-4 border-amber-700 bg-amber-50 p-3">{t('bookings.feedWarning')}</p> : null}
      {existing && !confirming ? (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t('bookings.feedRegenerate')}
        </Button>
      ) : (
        <form onSubmit={onSubmit} className="flex flex-col gap-2 sm:flex-row">
          <Button type="submit" disabled={pending}>
            {existing ? t('bookings.feedConfirm') : t('bookings.feedCreate')}
          </Button>
          {existing ? (
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('bookings.feedKeep')}
            </Button>
          ) : null}
        </form>
      )}
    </div>
  );
}
