import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { formatDay, formatMinutes } from '@/components/bookings/format';
import { roomFacts } from '@/components/bookings/room-facts';
import { buildSchedule, mondayOf } from '@/components/bookings/schedule';
import { townName } from '@/components/registry/town-name';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { uuidSchema } from '@/server/accounts/schemas';
import { getCurrentActor } from '@/server/auth/session';
import { getAvailability } from '@/server/bookings/availability';
import { getPublicRoom } from '@/server/bookings/resident-queries';
import { addDays, shanghaiDate, shanghaiInstant } from '@/server/bookings/shanghai-time';
import { RoomBooking } from './_components/room-booking';

type Props = { params: Promise<{ roomId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(roomId: string) {
  if (!uuidSchema.safeParse(roomId).success) return null;
  return getPublicRoom(roomId);
}

function dateParam(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? text : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const room = await load((await params).roomId);
  return room ? { title: room.roomName } : {};
}

/**
 * A room's free and busy time, a week at a time (?week=YYYY-MM-DD; ?day= picks the day shown on a
 * phone). Anyone may look; booking needs a resident's sign-in.
 */
export default async function RoomPage({ params, searchParams }: Props) {
  const { roomId } = await params;
  const room = await load(roomId);
  if (!room) notFound();
  const search = await searchParams;
  const now = new Date();
  const today = shanghaiDate(now);
  const thisWeek = mondayOf(today);
  const lastWeek = mondayOf(addDays(today, room.rules.maxDaysAhead));
  const asked = dateParam(search.week) ?? dateParam(search.day);
  const weekStart = asked ? [mondayOf(asked), thisWeek, lastWeek].sort()[1]! : thisWeek;
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));

  const [t, format, locale, actor, availability] = await Promise.all([
    getTranslations('bookings'),
    getFormatter(),
    getLocale(),
    getCurrentActor(),
    getAvailability(roomId, shanghaiInstant(weekStart, 0), shanghaiInstant(addDays(weekStart, 7), 0), now),
  ]);
  const schedule = buildSchedule({
    weekStart,
    openingHours: room.openingHours,
    ...room.rules,
    busy: availability.busy,
    free: room.bookable ? availability.free : [],
    now,
  });
  const askedDay = dateParam(search.day);
  const initialDay =
    (askedDay && days.includes(askedDay) ? askedDay : null) ?? (days.includes(today) ? today : (schedule.days.find((day) => day.freeCount > 0)?.date ?? weekStart));
  const here = `/rooms/${room.roomId}?week=${weekStart}`;
  const town = townName({ nameZh: room.townNameZh, nameEn: room.townNameEn }, locale);
  const duration = (minutes: number) => formatMinutes(t, minutes);
  const canBook = actor?.role === 'resident' && room.bookable;

  return (
    <div className="space-y-6">
      <div>
        <p className="mb-2">
          <Link href={`/centres/${room.communityId}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
            {t('backToCentre', { community: room.communityName })}
          </Link>
        </p>
        <PageHeader title={room.roomName} intro={t('roomIntro', { facility: room.facilityName, town, community: room.communityName })}>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {roomFacts(room, t).map((fact) => (
              <li key={fact}>{fact}</li>
            ))}
          </ul>
        </PageHeader>
      </div>

      {room.bookable ? (
        <section aria-labelledby="rules" className="rounded-md bg-slate-50 p-4">
          <h2 id="rules" className="font-bold">
            {t('rulesHeading')}
          </h2>
          <ul className="list-disc space-y-1 pl-5">
            <li>{t('rulesDuration', { min: duration(room.rules.minMinutes), max: duration(room.rules.maxMinutes) })}</li>
            <li>{t('rulesWindow', { notice: duration(room.rules.minNoticeMinutes), days: room.rules.maxDaysAhead })}</li>
            <li>{t('rulesCancel', { cutoff: duration(room.rules.cancelCutoffMinutes) })}</li>
            {room.rules.requiresApproval ? <li className="font-medium">{t('rulesApproval')}</li> : null}
          </ul>
        </section>
      ) : (
        <Alert>{t('notBookable')}</Alert>
      )}

      {room.bookable && !actor ? (
        <div className="flex flex-col gap-3 rounded-md border border-brand-600 bg-brand-50 p-4 sm:flex-row sm:items-center sm:justify-between">
          <p>{t('howToPickSignedOut')}</p>
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className={buttonClass('primary', 'shrink-0')}>
            {t('signInToBook')}
          </Link>
        </div>
      ) : null}
      {room.bookable && actor && actor.role !== 'resident' ? <Alert>{t('residentsOnly')}</Alert> : null}

      <section aria-labelledby="week" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="week" className="text-xl font-bold">
              {t('weekHeading')}
            </h2>
            <p className="font-medium">{t('weekRange', { from: formatDay(format, shanghaiInstant(weekStart, 720)), to: formatDay(format, shanghaiInstant(addDays(weekStart, 6), 720)) })}</p>
          </div>
          <nav aria-label={t('weekNav')} className="flex flex-wrap gap-2">
            {weekStart > thisWeek ? (
              <Link href={`/rooms/${room.roomId}?week=${addDays(weekStart, -7)}`} className={buttonClass('secondary')} rel="prev">
                {t('previousWeek')}
              </Link>
            ) : null}
            {weekStart > addDays(thisWeek, 7) ? (
              <Link href={`/rooms/${room.roomId}?week=${thisWeek}`} className={buttonClass('secondary')}>
                {t('thisWeek')}
              </Link>
            ) : null}
            {weekStart < lastWeek ? (
              <Link href={`/rooms/${room.roomId}?week=${addDays(weekStart, 7)}`} className={buttonClass('secondary')} rel="next">
                {t('nextWeek')}
              </Link>
            ) : null}
          </nav>
        </div>
        {canBook ? <p>{t('howToPick')}</p> : null}
        <RoomBooking
          room={{ roomId: room.roomId, roomName: room.roomName, capacity: room.capacity, minNoticeMinutes: room.rules.minNoticeMinutes, maxDaysAhead: room.rules.maxDaysAhead }}
          schedule={schedule}
          initialDay={initialDay}
          today={today}
          canBook={canBook}
        />
      </section>
    </div>
  );
}
