'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormAction } from '@/components/ui/use-form-action';
import { cancelSignupAction, signUpAction, type SignupResult } from '../actions';

export interface SessionSignupProps {
  activityId: string;
  sessionId: string;
  /** The resident's current sign-up, if any. */
  mine: { status: string; position?: number } | null;
  /** Why sign-up is not possible now (a key under errors), or null. */
  closedReason: string | null;
  full: boolean;
  /** Read out with each button, so a list of "Sign up" buttons says which session each is. */
  label: string;
}

/**
 * Sign up, join the waitlist, or withdraw — said in words. Withdrawing asks once more, inline
 * (never a pop-up), and the outcome replaces the buttons and takes the focus.
 */
export function SessionSignup({ activityId, sessionId, mine, closedReason, full, label }: SessionSignupProps) {
  const t = useTranslations();
  const signUp = useFormAction(signUpAction);
  const cancel = useFormAction(cancelSignupAction);
  const [asking, setAsking] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const state = (cancel.state ?? signUp.state) as SignupResult | null;

  useEffect(() => {
    if (state) outcomeRef.current?.focus();
  }, [state]);

  const hidden = (
    <>
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="activityId" value={activityId} />
    </>
  );

  const outcome = state ? (
    <div ref={outcomeRef} tabIndex={-1} className="outline-none">
      {state.ok ? (
        <Alert tone="success">{state.message === 'waitlisted' ? t('activities.joinedWaitlist', { position: state.position ?? 0 }) : t(`activities.result.${state.message}`)}</Alert>
      ) : (
        <Alert tone="error">{t.has(`errors.${state.message}`) ? t(`errors.${state.message}`) : t('errors.conflict')}</Alert>
      )}
    </div>
  ) : null;
  if (state?.ok) return outcome;

  if (mine) {
    return (
      <div className="space-y-2">
        {outcome}
        <p className="font-semibold">{mine.status === 'waitlisted' ? t('activities.youAreWaiting', { position: mine.position ?? 0 }) : t(`activities.yourStatus.${mine.status}`)}</p>
        {mine.status === 'confirmed' || mine.status === 'waitlisted' ? (
          asking ? (
            <form onSubmit={cancel.onSubmit} className="space-y-2 rounded-md border border-red-700 bg-red-50 p-3">
              {hidden}
              <p className="font-medium">{t('activities.withdrawQuestion')}</p>
              <div className="flex flex-col gap-2 sm:flex-row">
                <Button type="submit" variant="danger" disabled={cancel.pending}>
                  {t('activities.withdrawConfirm')}
                </Button>
                <Button variant="secondary" onClick={() => setAsking(false)}>
                  {t('activities.withdrawKeep')}
                </Button>
              </div>
            </form>
          ) : (
            <Button variant="secondary" onClick={() => setAsking(true)}>
              {mine.status === 'waitlisted' ? t('activities.leaveWaitlist') : t('activities.withdraw')}
              <span className="sr-only"> {label}</span>
            </Button>
          )
        ) : null}
      </div>
    );
  }
  if (closedReason) return <p className="rounded-md bg-slate-100 p-3">{t(`errors.${closedReason}`)}</p>;
  return (
    <form onSubmit={signUp.onSubmit} className="space-y-2">
      {outcome}
      {hidden}
      <Button type="submit" disabled={signUp.pending}>
        {full ? t('activities.joinWaitlist') : t('activities.signUp')}
        <span className="sr-only"> {label}</span>
      </Button>
    </form>
  );
}
