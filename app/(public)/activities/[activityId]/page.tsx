import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { SessionPlaces } from '@/components/activities/session-places';
import { formatDate, formatDay, formatTimeRange } from '@/components/bookings/format';
import { townName } from '@/components/registry/town-name';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getActivity, mySignupsFor, sessionOpen } from '@/server/activities/queries';
import { canManageCommunity } from '@/server/auth/policy';
import { getCurrentActor } from '@/server/auth/session';
import { SessionSignup } from './_components/session-signup';

type Props = { params: Promise<{ activityId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const activity = await getActivity((await params).activityId, null);
  return { title: activity?.title ?? '' };
}

export default async function ActivityPage({ params }: Props) {
  const { activityId } = await params;
  const actor = await getCurrentActor();
  const activity = await getActivity(activityId, actor);
  if (!activity) notFound();
  const [t, format, locale] = await Promise.all([getTranslations('activities'), getFormatter(), getLocale()]);
  const now = new Date();
  const upcoming = activity.sessions.filter((s) => new Date(s.endsAt) > now);
  const mine = actor?.role === 'resident' ? await mySignupsFor(actor.id, activity.sessions.map((s) => s.id)) : new Map();
  const manages = actor ? canManageCommunity(actor, activity.communityId) : false;

  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={activity.title}>
        <p className="flex flex-wrap gap-2 text-sm">
          <span className="rounded bg-slate-100 px-2 py-0.5 font-medium">{t(`categories.${activity.category}`)}</span>
          <span className="rounded bg-slate-100 px-2 py-0.5">{activity.audience === 'community' ? t('audienceCommunity', { community: activity.communityName }) : t('audienceEveryone')}</span>
          {activity.status !== 'published' ? <span className="rounded bg-amber-100 px-2 py-0.5 font-semibold text-amber-950">{t(`status.${activity.status}`)}</span> : null}
        </p>
      </PageHeader>
      {activity.description ? <p className="max-w-prose whitespace-pre-line">{activity.description}</p> : null}
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">{t('where')}</dt>
        <dd>
          {townName({ nameZh: activity.townNameZh, nameEn: activity.townNameEn }, locale)} · {activity.communityName} · {activity.facilityName}{' '}
          <Link href={`/rooms/${activity.roomId}`} className="underline">
            {activity.roomName}
          </Link>
        </dd>
        {activity.signupOpensAt ? (
          <>
            <dt className="font-medium">{t('signupOpens')}</dt>
            <dd>{`${formatDate(format, activity.signupOpensAt)} ${formatTimeRange(format, activity.signupOpensAt, activity.signupOpensAt).split('–')[0]}`}</dd>
          </>
        ) : null}
        {activity.signupClosesAt ? (
          <>
            <dt className="font-medium">{t('signupCloses')}</dt>
            <dd>{`${formatDate(format, activity.signupClosesAt)} ${formatTimeRange(format, activity.signupClosesAt, activity.signupClosesAt).split('–')[0]}`}</dd>
          </>
        ) : null}
      </dl>
      {manages ? (
        <Link href={`/staff/activities/${activity.id}`} className={buttonClass('secondary')}>
          {t('manage')}
        </Link>
      ) : null}

      <section aria-labelledby="sessions" className="space-y-3">
        <h2 id="sessions" className="text-xl font-bold">
          {t('sessions')}
        </h2>
        {!actor ? (
          <p className="rounded-md bg-slate-50 p-3">
            {t('signInToSignUp')}{' '}
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/activities/${activity.id}`)}`} className="font-medium underline">
              {t('signIn')}
            </Link>
          </p>
        ) : null}
        {upcoming.length === 0 ? <p className="rounded-md bg-slate-50 p-4">{t('noUpcomingSessions')}</p> : null}
        <ol className="space-y-3">
          {upcoming.map((session) => {
            const day = formatDay(format, session.startsAt);
            const time = formatTimeRange(format, session.startsAt, session.endsAt);
            return (
              <li key={session.id} className="grid gap-3 rounded-lg border border-slate-300 p-4 sm:grid-cols-[1fr_auto] sm:items-start">
                <div className="space-y-1">
                  <p className="font-semibold">
                    {day} {time}
                  </p>
                  <p>
                    <SessionPlaces session={session} />
                  </p>
                  {session.cancelReason ? <p className="text-sm">{t('cancelReason', { reason: session.cancelReason })}</p> : null}
                </div>
                {actor?.role === 'resident' && !session.cancelled ? (
                  <SessionSignup
                    activityId={activity.id}
                    sessionId={session.id}
                    mine={mine.get(session.id) ?? null}
                    closedReason={(() => {
                      const refusal = sessionOpen(activity, session, now);
                      return refusal ? `activity_${refusal}` : null;
                    })()}
                    full={session.remaining === 0}
                    label={`${day} ${time}`}
                  />
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
