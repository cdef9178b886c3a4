import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { BookingCard } from '@/components/bookings/booking-card';
import { formatDay, formatMinutes, formatTimeRange } from '@/components/bookings/format';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/server/auth/session';
import { listMyBookings } from '@/server/bookings/queries';
import { hasCalendarFeed, listCancelCutoffs } from '@/server/bookings/resident-queries';
import { CalendarFeed } from './_components/calendar-feed';
import { CancelBooking } from './_components/cancel-booking';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('bookings');
  return { title: t('myHeading') };
}

const ACTIVE = new Set(['pending', 'confirmed']);

export default async function MyBookingsPage() {
  const { ctx } = await requirePageRole('/my/bookings', 'resident');
  const now = new Date();
  const [t, format, { upcoming, past }, hasFeed] = await Promise.all([getTranslations('bookings'), getFormatter(), listMyBookings(ctx, now), hasCalendarFeed(ctx)]);
  const cutoffs = await listCancelCutoffs(upcoming.filter((b) => ACTIVE.has(b.status)).map((b) => b.roomId));

  return (
    <div className="space-y-10">
      <PageHeader title={t('myHeading')} intro={t('myIntro')} />

      <section aria-labelledby="upcoming" className="space-y-4">
        <h2 id="upcoming" className="text-xl font-bold">
          {t('upcoming')}
        </h2>
        {upcoming.length === 0 ? (
          <div className="space-y-3 rounded-md bg-slate-50 p-4">
            <p>{t('noUpcoming')}</p>
            <Link href="/centres" className={buttonClass('primary')}>
              {t('findRoom')}
            </Link>
          </div>
        ) : (
          <ul className="grid gap-4 lg:grid-cols-2 elder:grid-cols-1!">
            {upcoming.map((booking) => {
              const active = ACTIVE.has(booking.status);
              const cutoff = cutoffs[booking.roomId] ?? 0;
              const cancellable = active && new Date(booking.startsAt).getTime() - now.getTime() >= cutoff * 60_000;
              const day = formatDay(format, booking.startsAt);
              const time = formatTimeRange(format, booking.startsAt, booking.endsAt);
              return (
                <li key={booking.id}>
                  <BookingCard booking={booking}>
                    <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
                      {active ? (
                        <a href={`/my/bookings/${booking.id}/ics`} download className={buttonClass('secondary')}>
                          {t('downloadIcs')}
                          <span className="sr-only">{t('downloadIcsFor', { room: booking.roomName, day })}</span>
                        </a>
                      ) : null}
                      <Link href={`/rooms/${booking.roomId}`} className={buttonClass('secondary')}>
                        {t('viewRoom')}
                        <span className="sr-only">{t('downloadIcsFor', { room: booking.roomName, day })}</span>
                      </Link>
                    </div>
                    <CancelBooking
                      bookingId={booking.id}
                      cancellable={cancellable}
                      cutoffNote={active && !cancellable ? t('cutoffPassed', { cutoff: formatMinutes(t, cutoff) }) : null}
                      day={day}
                      time={time}
                      room={booking.roomName}
                    />
                  </BookingCard>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="past" className="space-y-4">
        <h2 id="past" className="text-xl font-bold">
          {t('past')}
        </h2>
        {past.length === 0 ? (
          <p className="rounded-md bg-slate-50 p-4">{t('noPast')}</p>
        ) : (
          <ul className="grid gap-4 lg:grid-cols-2 elder:grid-cols-1!">
            {past.map((booking) => (
              <li key={booking.id}>
                <BookingCard booking={booking} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {/* A calendar subscription is not essential: 长辈版 leaves it out. */}
      <section aria-labelledby="feed" className="space-y-4 elder:hidden">
        <h2 id="feed" className="text-xl font-bold">
          {t('feedHeading')}
        </h2>
        <CalendarFeed hasFeed={hasFeed} />
      </section>
    </div>
  );
}
