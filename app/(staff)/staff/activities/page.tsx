import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ParticipationTable } from '@/components/activities/participation-table';
import { SessionPlaces } from '@/components/activities/session-places';
import { formatSpan } from '@/components/staff-bookings/format';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { listStaffActivities, monthsBefore, participationReport } from '@/server/activities/queries';
import { requirePageRole } from '@/server/auth/session';
import { shanghaiDate } from '@/server/bookings/shanghai-time';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staffActivities');
  return { title: t('heading') };
}

export default async function StaffActivitiesPage() {
  const { ctx, actor } = await requirePageRole('/staff/activities', 'staff', 'admin');
  const now = new Date();
  // The last six months, this one included.
  const to = shanghaiDate(now).slice(0, 7);
  const from = monthsBefore(to, 5);
  const activities = await listStaffActivities(ctx);
  const communityIds = actor.role === 'admin' ? [...new Set(activities.map((a) => a.communityId))] : actor.communityIds;
  const [t, tDesk, participation] = await Promise.all([getTranslations('staffActivities'), getTranslations('staffBookings'), participationReport(communityIds, from, to)]);

  return (
    <div className="space-y-8">
      <PageHeader title={t('heading')} intro={t('intro')}>
        <Link href="/staff/activities/new" className={buttonClass('primary')}>
          {t('newActivity')}
        </Link>
      </PageHeader>
      <section aria-labelledby="staff-activities" className="space-y-3">
        <h2 id="staff-activities" className="text-xl font-bold">
          {t('listHeading')}
        </h2>
        {activities.length === 0 ? <p className="rounded-md bg-slate-50 p-4">{t('none')}</p> : null}
        <ul className="grid gap-4 lg:grid-cols-2">
          {activities.map((activity) => {
            const next = activity.sessions.find((s) => new Date(s.endsAt) > now && !s.cancelled);
            return (
              <li key={activity.id} className="space-y-1 rounded-lg border border-slate-300 p-4">
                <h3 className="text-lg font-bold">
                  <Link href={`/staff/activities/${activity.id}`} className="underline decoration-2 underline-offset-4">
                    {activity.title}
                  </Link>
                </h3>
                <p>
                  {t(`status.${activity.status}`)} · {activity.communityName} · {activity.facilityName} {activity.roomName}
                </p>
                <p>{t('sessionCount', { count: activity.sessions.length })}</p>
                {next ? (
                  <p>
                    {t('next', { when: formatSpan(tDesk, next) })} · <SessionPlaces session={next} />
                  </p>
                ) : (
                  <p className="text-muted">{t('noUpcoming')}</p>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="staff-participation" className="space-y-3">
        <h2 id="staff-participation" className="text-xl font-bold">
          {t('participation.heading')}
        </h2>
        <p className="text-muted">{t('participation.intro')}</p>
        <ParticipationTable rows={participation} />
      </section>
    </div>
  );
}
