'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { useFormAction } from '@/components/ui/use-form-action';
import { cancelBookingAction } from '../actions';

/**
 * Cancelling asks once more, inline: a second, normal button — never a browser confirm(). After
 * the cut-off the button gives way to a sentence saying why.
 */
export function CancelBooking({ bookingId, cancellable, cutoffNote, day, time, room }: { bookingId: string; cancellable: boolean; cutoffNote: string | null; day: string; time: string; room: string }) {
  const t = useTranslations();
  const { state, onSubmit, pending } = useFormAction(cancelBookingAction);
  const [asking, setAsking] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) questionRef.current?.focus();
    else if (returnFocus) askRef.current?.focus();
  }, [asking, returnFocus]);

  if (state?.ok) return <Alert tone="success">{t('bookings.cancelledNow')}</Alert>;
  if (!cancellable) return cutoffNote ? <p className="rounded-md bg-slate-100 p-3">{cutoffNote}</p> : null;
  return (
    <div className="space-y-3">
      {state && !state.ok ? <Alert tone="error">{t(`errors.${state.message ?? 'conflict'}`)}</Alert> : null}
      {asking ? (
        <form onSubmit={onSubmit} className="space-y-3 rounded-md border border-red-700 bg-red-50 p-3">
          <input type="hidden" name="bookingId" value={bookingId} />
          <p ref={questionRef} tabIndex={-1} className="font-medium outline-none">
            {t('bookings.cancelQuestion', { day, time })}
          </p>
          <div className="flex flex-col gap-2 sm:flex-row">
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? t('bookings.cancelling') : t('bookings.cancelConfirm')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setAsking(false);
                setReturnFocus(true);
              }}
            >
              {t('bookings.cancelKeep')}
            </Button>
          </div>
        </form>
      ) : (
        <button ref={askRef} type="button" className={buttonClass('danger')} onClick={() => setAsking(true)}>
          {t('bookings.cancel')}
          <span className="sr-only">{t('bookings.downloadIcsFor', { room, day })}</span>
        </button>
      )}
    </div>
  );
}
