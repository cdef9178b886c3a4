'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { FormStatus } from '@/components/staff-bookings/form-status';
import { useFieldErrors } from '@/components/staff-bookings/use-field-errors';
import { Button, buttonClass } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { BookingView } from '@/server/bookings/schemas';
import type { FormResult } from '@/server/form-result';
import { cancelBookingAction, checkInBookingAction, noShowBookingAction } from '../../actions';

/**
 * What the front desk can do with one booking: record attendance once it has started, or cancel
 * it with a reason (the resident is told). The outcome stays in words after the row's status changes.
 */
export function DayBookingActions({ bookingId, status, started, ended, label }: { bookingId: string; status: BookingView['status']; started: boolean; ended: boolean; label: string }) {
  const t = useTranslations('staffBookings');
  const checkIn = useFormAction(checkInBookingAction);
  const noShow = useFormAction(noShowBookingAction);
  const cancel = useFormAction(cancelBookingAction);
  const cancelErrors = useFieldErrors(cancel.state);
  const [last, setLast] = useState<FormResult | null>(null);
  useEffect(() => setLast(checkIn.state), [checkIn.state]);
  useEffect(() => setLast(noShow.state), [noShow.state]);
  useEffect(() => setLast(cancel.state?.fieldErrors ? null : cancel.state), [cancel.state]);
  const busy = checkIn.pending || noShow.pending || cancel.pending;
  // Attendance once it has started; afterwards either record can be corrected (an automatic
  // no-show for someone who did come, for instance).
  const canCheckIn = started && (status === 'confirmed' || status === 'no_show');
  const canNoShow = started && (status === 'confirmed' || status === 'attended');
  const correcting = status !== 'confirmed';
  const canCancel = (status === 'confirmed' || status === 'pending') && !ended;
  return (
    <div className="mt-2 space-y-2">
      <FormStatus state={last} />
      {status === 'confirmed' && !started ? <p className="text-sm text-muted">{t('day.notStarted')}</p> : null}
      {status === 'pending' ? (
        <p className="text-sm">
          <Link href="/staff/bookings" className="font-medium text-brand-800 underline underline-offset-2">
            {t('day.toInbox')}
          </Link>
        </p>
      ) : null}
      {canCheckIn || canNoShow ? (
        <div className="flex flex-wrap gap-2">
          {canCheckIn ? (
            <form onSubmit={checkIn.onSubmit}>
              <input type="hidden" name="bookingId" value={bookingId} />
              <Button type="submit" variant={correcting ? 'secondary' : 'primary'} disabled={busy} aria-label={t(correcting ? 'day.correctToAttendedLabel' : 'day.checkInLabel', { booking: label })}>
                <span aria-hidden="true">✔</span>
                {t(correcting ? 'day.correctToAttended' : 'day.checkIn')}
              </Button>
            </form>
          ) : null}
          {canNoShow ? (
            <form onSubmit={noShow.onSubmit}>
              <input type="hidden" name="bookingId" value={bookingId} />
              <Button type="submit" variant="secondary" disabled={busy} aria-label={t(correcting ? 'day.correctToNoShowLabel' : 'day.noShowLabel', { booking: label })}>
                <span aria-hidden="true">!</span>
                {t(correcting ? 'day.correctToNoShow' : 'day.noShow')}
              </Button>
            </form>
          ) : null}
        </div>
      ) : null}
      {canCancel ? (
        <details className="group">
          <summary className={buttonClass('secondary', 'cursor-pointer list-none')}>
            <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">▸</span>
            {t('day.cancelOpen')}
          </summary>
          <form onSubmit={cancel.onSubmit} noValidate className="mt-2 space-y-2 rounded-md border border-slate-300 p-3" aria-label={t('day.cancelForm', { booking: label })}>
            <input type="hidden" name="bookingId" value={bookingId} />
            <TextField id={`cancel-reason-${bookingId}`} name="reason" label={t('day.cancelReason')} hint={t('day.cancelHint')} maxLength={300} autoComplete="off" errors={cancelErrors('reason')} />
            <Button type="submit" variant="danger" disabled={busy}>
              {t('day.cancelSubmit')}
            </Button>
          </form>
        </details>
      ) : null}
    </div>
  );
}
