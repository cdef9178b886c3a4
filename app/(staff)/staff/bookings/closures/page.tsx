import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DeskHeader } from '@/components/staff-bookings/desk-header';
import { formatSpan } from '@/components/staff-bookings/format';
import { requirePageRole } from '@/server/auth/session';
import { listStaffFacilities, listUpcomingClosures } from '@/server/bookings/staff-queries';
import { LiftClosure } from './_components/lift-closure';
import { ClosureForm } from './_components/closure-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staffBookings.closures');
  return { title: t('title') };
}

export default async function ClosuresPage({ searchParams }: { searchParams: Promise<{ facility?: string | string[] }> }) {
  const params = await searchParams;
  const { ctx } = await requirePageRole('/staff/bookings/closures', 'staff', 'admin');
  const [t, facilities, upcoming] = await Promise.all([getTranslations('staffBookings'), listStaffFacilities(ctx), listUpcomingClosures(ctx)]);
  const initial = facilities.find((facility) => facility.id === params.facility) ?? facilities[0];
  return (
    <div className="space-y-8">
      <DeskHeader title={t('closures.title')} intro={t('closures.intro')} />
      {initial ? (
        <ClosureForm
          initialFacilityId={initial.id}
          facilities={facilities.map((facility) => ({ id: facility.id, name: facility.name, communityId: facility.communityId, communityName: facility.communityName, rooms: facility.rooms.filter((room) => room.bookable).map((room) => ({ id: room.id, name: room.name })) }))}
        />
      ) : (
        <p className="rounded-md bg-slate-50 p-4">{t('common.noFacilities')}</p>
      )}
      <section aria-labelledby="upcoming-closures" className="space-y-3">
        <h2 id="upcoming-closures" className="text-xl font-bold">
          {t('closures.upcoming')}
        </h2>
        {upcoming.length === 0 ? (
          <p className="text-muted">{t('closures.noUpcoming')}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300">
            {upcoming.map((closure) => (
              <li key={closure.id} className="px-4 py-3">
                <p className="font-semibold">
                  {closure.roomName ? `${closure.facilityName} · ${closure.roomName}` : t('closures.wholeOf', { facility: closure.facilityName })}
                </p>
                <p>
                  {formatSpan(t, closure)} · <span className="font-medium">{t(`kinds.${closure.kind}`)}</span>
                </p>
                <p className="break-words text-muted">{t('day.reason', { reason: closure.reason })}</p>
                <LiftClosure closureId={closure.id} label={`${closure.roomName ?? closure.facilityName} ${formatSpan(t, closure)}`} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
