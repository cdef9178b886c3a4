import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SessionPlaces } from '@/components/activities/session-places';
import { formatSpan } from '@/components/staff-bookings/format';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { sessionRoster } from '@/server/activities/queries';
import { requirePageRole } from '@/server/auth/session';
import { isAppError } from '@/server/errors';
import { CheckIn } from './_components/check-in';
import { RevealMobile } from '@/components/privacy/reveal-mobile';

type Props = { params: Promise<{ sessionId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staffActivities');
  return { title: t('roster') };
}

async function rosterOrNotFound(ctx: Parameters<typeof sessionRoster>[0], sessionId: string) {
  try {
    return await sessionRoster(ctx, sessionId);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
}

export default async function SessionRosterPage({ params }: Props) {
  const { sessionId } = await params;
  const { ctx } = await requirePageRole(`/staff/activities/sessions/${sessionId}`, 'staff', 'admin');
  const { activity, session, roster } = await rosterOrNotFound(ctx, sessionId);
  const [t, tDesk] = await Promise.all([getTranslations('staffActivities'), getTranslations('staffBookings')]);
  const checkInFrom = new Date(session.startsAt).getTime() - 3_600_000;
  const canCheckIn = Date.now() >= checkInFrom && !session.cancelled;
  const when = formatSpan(tDesk, session);
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader title={`${t('roster')}: ${activity.title}`} intro={`${when} · ${activity.facilityName} ${activity.roomName}`}>
        <p>
          <SessionPlaces session={session} />
        </p>
        <div className="flex flex-wrap gap-3">
          <a href={`/staff/activities/sessions/${session.id}/roster.csv`} download className={buttonClass('secondary')}>
            {t('exportCsv')}
          </a>
          <Link href={`/staff/activities/${activity.id}`} className={buttonClass('secondary')}>
            {t('backToActivity')}
          </Link>
        </div>
      </PageHeader>
      {!canCheckIn && !session.cancelled ? <p className="rounded-md bg-slate-50 p-3">{t('checkInFromHint')}</p> : null}
      {roster.length === 0 ? <p className="rounded-md bg-slate-50 p-4">{t('rosterEmpty')}</p> : null}
      {roster.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="min-w-full border-collapse text-left">
            <caption className="sr-only">{t('roster')}</caption>
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="px-3 py-2">{t('rosterName')}</th>
                <th scope="col" className="px-3 py-2">{t('rosterMobile')}</th>
                <th scope="col" className="px-3 py-2">{t('rosterStatus')}</th>
                <th scope="col" className="px-3 py-2">{t('rosterAttendance')}</th>
              </tr>
            </thead>
            <tbody>
              {roster.map((entry) => (
                <tr key={entry.signupId} className="border-b border-slate-200 align-top">
                  <td className="px-3 py-2">{entry.name}</td>
                  <td className="px-3 py-2">{entry.mobile ? <RevealMobile masked={entry.mobile} kind="signup" id={entry.signupId} name={entry.name} /> : '—'}</td>
                  <td className="px-3 py-2 font-medium">{entry.status === 'waitlisted' ? t('waitingPosition', { position: entry.position ?? 0 }) : t(`signupStatus.${entry.status}`)}</td>
                  <td className="px-3 py-2">{canCheckIn && entry.status !== 'waitlisted' ? <CheckIn signupId={entry.signupId} name={entry.name} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
