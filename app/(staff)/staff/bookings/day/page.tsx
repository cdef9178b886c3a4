import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { DeskHeader } from '@/components/staff-bookings/desk-header';
import { FacilitySelect } from '@/components/staff-bookings/facility-select';
import { formatDay, formatTimes, weekdayOf } from '@/components/staff-bookings/format';
import { StatusBadge } from '@/components/staff-bookings/status-badge';
import { Button, buttonClass } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { requirePageRole } from '@/server/auth/session';
import { addDays, shanghaiDate } from '@/server/bookings/shanghai-time';
import { getDaySheet, listStaffFacilities } from '@/server/bookings/staff-queries';
import { isoDateSchema } from '@/server/common-schemas';
import { isAppError } from '@/server/errors';
import { DayBookingActions } from './_components/day-booking-actions';
import { RevealMobile } from '@/components/privacy/reveal-mobile';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staffBookings.day');
  return { title: t('title') };
}

const HOLD_SYMBOL = { closure: '⛔', maintenance: '🔧', activity_session: '★', booking: '' } as const;

export default async function DaySheetPage({ searchParams }: { searchParams: Promise<{ facility?: string | string[]; date?: string | string[] }> }) {
  const params = await searchParams;
  const { ctx } = await requirePageRole('/staff/bookings/day', 'staff', 'admin');
  const [t, facilities] = await Promise.all([getTranslations('staffBookings'), listStaffFacilities(ctx)]);
  const today = shanghaiDate(new Date());
  const dateParam = typeof params.date === 'string' ? params.date : undefined;
  const date = dateParam && isoDateSchema.safeParse(dateParam).success ? dateParam : today;
  const facilityId = typeof params.facility === 'string' ? params.facility : facilities[0]?.id;

  if (!facilityId) {
    return (
      <div>
        <DeskHeader title={t('day.title')} intro={t('day.intro')} />
        <p className="rounded-md bg-slate-50 p-4">{t('common.noFacilities')}</p>
      </div>
    );
  }
  if (!z.uuid().safeParse(facilityId).success) notFound();
  const sheet = await getDaySheet(ctx, facilityId, date).catch((error: unknown) => {
    // Another community's facility, or no such facility: the same answer.
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  });
  const now = Date.now();
  const href = (day: string) => `/staff/bookings/day?${new URLSearchParams({ facility: sheet.facility.id, date: day }).toString()}`;
  const dayLabel = formatDay(t, date);
  const openToday = sheet.facility.hours[String(weekdayOf(date)) as keyof typeof sheet.facility.hours];

  return (
    <div>
      <DeskHeader title={t('day.title')} intro={t('day.intro')} />
      <form method="get" action="/staff/bookings/day" className="mb-6 grid gap-3 rounded-lg border border-slate-300 p-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end" aria-label={t('day.pickerLabel')}>
        <FacilitySelect id="day-facility" name="facility" label={t('common.facility')} facilities={facilities} defaultValue={sheet.facility.id} />
        <TextField id="day-date" name="date" type="date" label={t('day.date')} defaultValue={date} required />
        <Button type="submit" variant="secondary">
          {t('day.show')}
        </Button>
      </form>

      <section aria-labelledby="day-heading">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          <h2 id="day-heading" className="text-xl font-bold">
            <span className="block">{sheet.facility.name}</span>
            <span className="block text-lg">{dayLabel}</span>
          </h2>
          <nav aria-label={t('day.dayNav')} className="flex w-full gap-2 sm:w-auto">
            <Link href={href(addDays(date, -1))} className={buttonClass('secondary', 'flex-1 px-2 sm:flex-none sm:px-4')} rel="prev">
              <span aria-hidden="true">←</span> {t('day.previous')}
            </Link>
            {date !== today ? (
              <Link href={href(today)} className={buttonClass('secondary', 'flex-1 px-2 sm:flex-none sm:px-4')}>
                {t('day.today')}
              </Link>
            ) : null}
            <Link href={href(addDays(date, 1))} className={buttonClass('secondary', 'flex-1 px-2 sm:flex-none sm:px-4')} rel="next">
              {t('day.next')} <span aria-hidden="true">→</span>
            </Link>
          </nav>
        </div>
        <p className="mb-4 text-muted">
          {openToday ? t('day.hours', { opens: openToday.opens, closes: openToday.closes }) : t('day.closedAllDay')}
          {sheet.facility.requiresApproval ? ` ${t('day.approvalOn')}` : ''}
        </p>
        {sheet.rooms.length === 0 ? <p className="rounded-md bg-slate-50 p-4">{t('day.noRooms')}</p> : null}
        <div className="grid gap-4 lg:grid-cols-2">
          {sheet.rooms.map((room) => {
            const entries = [
              ...room.bookings.map((booking) => ({ type: 'booking' as const, startsAt: booking.startsAt, booking })),
              ...room.holds.map((hold) => ({ type: 'hold' as const, startsAt: hold.startsAt, hold })),
            ].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
            return (
              <section key={room.id} aria-labelledby={`room-${room.id}`} className="overflow-hidden rounded-lg border border-slate-300">
                <h3 id={`room-${room.id}`} className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-lg font-bold">
                  {room.name}
                  {room.capacity ? <span className="ml-2 text-base font-normal text-muted">{t('day.capacity', { capacity: room.capacity })}</span> : null}
                </h3>
                {entries.length === 0 ? (
                  <p className="px-4 py-3 text-muted">{t('day.free')}</p>
                ) : (
                  <ol className="divide-y divide-slate-200">
                    {entries.map((entry) =>
                      entry.type === 'hold' ? (
                        <li key={entry.hold.id} className="bg-slate-100 px-4 py-3">
                          <p className="flex flex-wrap items-baseline gap-x-3">
                            <span className="font-semibold tabular-nums">{formatTimes(entry.hold, date)}</span>
                            <span className="font-semibold">
                              <span aria-hidden="true">{HOLD_SYMBOL[entry.hold.kind]} </span>
                              {t(`kinds.${entry.hold.kind}`)}
                            </span>
                          </p>
                          {entry.hold.reason ? <p className="break-words">{t('day.reason', { reason: entry.hold.reason })}</p> : null}
                        </li>
                      ) : (
                        <li key={entry.booking.id} className={`px-4 py-3 ${entry.booking.status === 'cancelled' || entry.booking.status === 'rejected' ? 'text-muted' : ''}`}>
                          <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
                            <span className="font-semibold tabular-nums">{formatTimes(entry.booking, date)}</span>
                            <StatusBadge status={entry.booking.status} label={t(`status.${entry.booking.status}`)} />
                          </p>
                          <p className="mt-1">
                            <span className="font-medium">{entry.booking.residentName}</span>
                            {entry.booking.residentMobile ? (
                              <span className="ml-2 text-muted">
                                <RevealMobile masked={entry.booking.residentMobile} kind="booking" id={entry.booking.id} name={entry.booking.residentName} />
                              </span>
                            ) : null}
                          </p>
                          <p className="break-words">
                            {entry.booking.purpose}
                            <span className="text-muted"> · {t('day.people', { count: entry.booking.attendees })}</span>
                          </p>
                          {entry.booking.reason ? <p className="break-words text-sm">{t('day.reason', { reason: entry.booking.reason })}</p> : null}
                          <DayBookingActions
                            bookingId={entry.booking.id}
                            status={entry.booking.status}
                            started={Date.parse(entry.booking.startsAt) <= now}
                            ended={Date.parse(entry.booking.endsAt) <= now}
                            label={`${room.name} ${formatTimes(entry.booking, date)} ${entry.booking.residentName}`}
                          />
                        </li>
                      ),
                    )}
                  </ol>
                )}
              </section>
            );
          })}
        </div>
      </section>
    </div>
  );
}
