import type { ReactNode } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { BookingView } from '@/server/bookings/schemas';
import { formatDay, formatTimeRange } from './format';
import { StatusBadge } from './status-badge';

/** One booking as its resident reads it: where, when, what for, how many, and its status in words. */
export async function BookingCard({ booking, children }: { booking: BookingView; children?: ReactNode }) {
  const [t, format] = await Promise.all([getTranslations('bookings'), getFormatter()]);
  const reason = booking.reason && (booking.status === 'rejected' || booking.status === 'cancelled') ? booking.reason : null;
  return (
    <article aria-labelledby={`booking-${booking.id}`} data-booking={booking.id} className="space-y-3 rounded-lg border border-slate-300 p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={`booking-${booking.id}`} className="text-lg font-bold">
          {booking.roomName}
        </h3>
        <StatusBadge status={booking.status} label={t(`status.${booking.status}`)} />
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium text-muted">{t('when')}</dt>
        <dd>
          {formatDay(format, booking.startsAt)} {formatTimeRange(format, booking.startsAt, booking.endsAt)}
        </dd>
        <dt className="font-medium text-muted">{t('where')}</dt>
        <dd>{booking.facilityName}</dd>
        <dt className="font-medium text-muted">{t('purposeLabel')}</dt>
        <dd className="break-words">{booking.purpose}</dd>
        <dt className="font-medium text-muted">{t('attendeesLabel')}</dt>
        <dd>{t('attendeesCount', { count: booking.attendees })}</dd>
      </dl>
      {reason ? <p className="rounded-md bg-slate-100 p-3">{booking.status === 'rejected' ? t('reasonRejected', { reason }) : t('reasonCancelled', { reason })}</p> : null}
      {children}
    </article>
  );
}
