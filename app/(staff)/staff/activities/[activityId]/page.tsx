import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SessionPlaces } from '@/components/activities/session-places';
import { formatSpan } from '@/components/staff-bookings/format';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getActivity } from '@/server/activities/queries';
import { canManageCommunity } from '@/server/auth/policy';
import { requirePageRole } from '@/server/auth/session';
import { ActivityStatusControls } from './_components/activity-status-controls';
import { SessionControls } from './_components/session-controls';

type Props = { params: Promise<{ activityId: string }>; searchParams: Promise<{ created?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const activity = await getActivity((await params).activityId, null);
  return { title: activity?.title ?? '' };
}

export default async function StaffActivityPage({ params, searchParams }: Props) {
  const { activityId } = await params;
  const { actor } = await requirePageRole(`/staff/activities/${activityId}`, 'staff', 'admin');
  const activity = await getActivity(activityId, actor);
  if (!activity || !canManageCommunity(actor, activity.communityId)) notFound();
  const [t, tDesk, tActivities] = await Promise.all([getTranslations('staffActivities'), getTranslations('staffBookings'), getTranslations('activities')]);
  const now = new Date();
  const created = (await searchParams).created === '1';

  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader title={activity.title} intro={`${t(`status.${activity.status}`)} · ${tActivities(`categories.${activity.category}`)} · ${activity.communityName} · ${activity.facilityName} ${activity.roomName}`}>
        <div className="flex flex-wrap gap-3">
          <Link href={`/activities/${activity.id}`} className={buttonClass('secondary')}>
            {t('residentView')}
          </Link>
          <Link href="/staff/activities" className={buttonClass('secondary')}>
            {t('backToList')}
          </Link>
        </div>
      </PageHeader>
      {created ? <Alert tone="success">{t(activity.status === 'draft' ? 'results.createdDraft' : 'results.created')}</Alert> : null}
      <ActivityStatusControls activityId={activity.id} status={activity.status} />
      <section aria-labelledby="staff-sessions" className="space-y-3">
        <h2 id="staff-sessions" className="text-xl font-bold">
          {tActivities('sessions')}
        </h2>
        <ol className="space-y-4">
          {activity.sessions.map((session) => {
            const when = formatSpan(tDesk, session);
            const future = new Date(session.startsAt) > now;
            return (
              <li key={session.id} className="space-y-3 rounded-lg border border-slate-300 p-4">
                <div className="flex flex-wrap items-baseline justify-between gap-3">
                  <h3 className="text-lg font-semibold">{when}</h3>
                  <p>
                    <SessionPlaces session={session} /> · {t('counts', { confirmed: session.confirmed, capacity: session.capacity, waiting: session.waitlisted })}
                  </p>
                </div>
                {session.cancelReason ? <p>{tActivities('cancelReason', { reason: session.cancelReason })}</p> : null}
                <Link href={`/staff/activities/sessions/${session.id}`} className={buttonClass('secondary')}>
                  {t('roster')}
                  <span className="sr-only"> {when}</span>
                </Link>
                {future && !session.cancelled ? <SessionControls sessionId={session.id} capacity={session.capacity} label={when} /> : null}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
