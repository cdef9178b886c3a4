import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DeskHeader } from '@/components/staff-bookings/desk-header';
import { requirePageRole } from '@/server/auth/session';
import { shanghaiDate } from '@/server/bookings/shanghai-time';
import { listStaffFacilities } from '@/server/bookings/staff-queries';
import { RecurringForm } from './_components/recurring-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staffBookings.recurring');
  return { title: t('title') };
}

export default async function RecurringBookingPage() {
  const { ctx } = await requirePageRole('/staff/bookings/recurring', 'staff', 'admin');
  const [t, facilities] = await Promise.all([getTranslations('staffBookings'), listStaffFacilities(ctx)]);
  const bookable = facilities
    .map((facility) => ({
      id: facility.id,
      name: facility.communityName && !facility.name.includes(facility.communityName) ? `${facility.communityName} · ${facility.name}` : facility.name,
      rooms: facility.rooms.filter((room) => room.bookable).map((room) => ({ id: room.id, name: room.name, capacity: room.capacity })),
    }))
    .filter((facility) => facility.rooms.length > 0);
  return (
    <div className="space-y-6">
      <DeskHeader title={t('recurring.title')} intro={t('recurring.intro')} />
      {bookable.length === 0 ? <p className="rounded-md bg-slate-50 p-4">{t('common.noFacilities')}</p> : <RecurringForm facilities={bookable} today={shanghaiDate(new Date())} />}
    </div>
  );
}
