import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/server/auth/session';
import { shanghaiDate } from '@/server/bookings/shanghai-time';
import { listStaffFacilities } from '@/server/bookings/staff-queries';
import { ActivityForm } from './_components/activity-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staffActivities.new');
  return { title: t('heading') };
}

export default async function NewActivityPage() {
  const { ctx } = await requirePageRole('/staff/activities/new', 'staff', 'admin');
  const [t, facilities] = await Promise.all([getTranslations('staffActivities'), listStaffFacilities(ctx)]);
  const choices = facilities
    .map((facility) => ({
      id: facility.id,
      name: facility.communityName && !facility.name.includes(facility.communityName) ? `${facility.communityName} · ${facility.name}` : facility.name,
      rooms: facility.rooms.map((room) => ({ id: room.id, name: room.name, capacity: room.capacity })),
    }))
    .filter((facility) => facility.rooms.length > 0);
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t('new.heading')} intro={t('new.intro')} />
      {choices.length === 0 ? <p className="rounded-md bg-slate-50 p-4">{t('noRooms')}</p> : <ActivityForm facilities={choices} today={shanghaiDate(new Date())} />}
    </div>
  );
}
