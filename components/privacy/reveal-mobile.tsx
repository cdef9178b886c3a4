'use client';

import { useTranslations } from 'next-intl';
import { useFormAction } from '@/components/ui/use-form-action';
import { revealMobileAction } from '@/app/privacy-actions';

/**
 * A masked mobile number with a button to open it on purpose (to call the person); the opening
 * is written to the audit log and the security log before the number is shown.
 */
export function RevealMobile({ masked, kind, id, name }: { masked: string; kind: 'booking' | 'signup'; id: string; name: string }) {
  const t = useTranslations('privacy');
  const { state, onSubmit, pending } = useFormAction(revealMobileAction);
  if (state?.ok && state.values?.mobile) {
    return (
      <span className="tabular-nums" aria-live="polite">
        {state.values.mobile}
      </span>
    );
  }
  return (
    <form onSubmit={onSubmit} className="inline-flex flex-wrap items-center gap-2">
      <span className="tabular-nums">{masked}</span>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="inline-flex min-h-11 min-w-11 items-center rounded-md border border-slate-400 px-3 text-sm font-medium hover:bg-slate-100">
        {t('reveal')}
        <span className="sr-only"> {name}</span>
      </button>
      {state && !state.ok ? <span className="text-sm font-medium text-red-800">{t('revealFailed')}</span> : null}
    </form>
  );
}
