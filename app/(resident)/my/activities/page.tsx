import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { formatDay, formatTimeRange } from '@/components/bookings/format';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { listMySignups } from '@/server/activities/queries';
import { requirePageRole } from '@/server/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('activities');
  return { title: t('myHeading') };
}

export default async function MyActivitiesPage() {
  const { ctx } = await requirePageRole('/my/activities', 'resident');
  const [t, format, signups] = await Promise.all([getTranslations('activities'), getFormatter(), listMySignups(ctx)]);
  const upcoming = signups.filter((s) => s.upcoming && s.status !== 'cancelled');
  const past = signups.filter((s) => !s.upcoming);
  const list = (items: typeof signups) => (
    <ul className="grid gap-3 lg:grid-cols-2 elder:grid-cols-1!">
      {items.map((item) => (
        <li key={item.signupId} className="space-y-1 rounded-lg border border-slate-300 p-4">
          <h3 className="text-lg font-bold">
            <Link href={`/activities/${item.activityId}`} className="underline decoration-2 underline-offset-4">
              {item.title}
            </Link>
          </h3>
          <p>
            {formatDay(format, item.session.startsAt)} {formatTimeRange(format, item.session.startsAt, item.session.endsAt)}
          </p>
          <p>
            {item.facilityName} {item.roomName}
          </p>
          <p className="font-semibold">
            {item.session.cancelled ? t('sessionCancelled') : item.status === 'waitlisted' ? t('youAreWaiting', { position: item.position ?? 0 }) : t(`yourStatus.${item.status}`)}
          </p>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="space-y-8">
      <PageHeader title={t('myHeading')} intro={t('myIntro')} />
      <section aria-labelledby="my-upcoming" className="space-y-3">
        <h2 id="my-upcoming" className="text-xl font-bold">
          {t('upcoming')}
        </h2>
        {upcoming.length === 0 ? (
          <div className="space-y-3 rounded-md bg-slate-50 p-4">
            <p>{t('noSignups')}</p>
            <Link href="/activities" className={buttonClass('primary')}>
              {t('findActivity')}
            </Link>
          </div>
        ) : (
          list(upcoming)
        )}
      </section>
      {past.length > 0 ? (
        <section aria-labelledby="my-past" className="space-y-3">
          <h2 id="my-past" className="text-xl font-bold">
            {t('past')}
          </h2>
          {list(past)}
        </section>
      ) : null}
    </div>
  );
}
