import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DeskHeader } from '@/components/staff-bookings/desk-header';
import { formatMoment, formatSpan } from '@/components/staff-bookings/format';
import { requirePageRole } from '@/server/auth/session';
import { listPendingRequests } from '@/server/bookings/staff-queries';
import { InboxList } from './_components/inbox-list';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staffBookings.inbox');
  return { title: t('title') };
}

export default async function BookingInboxPage() {
  const { ctx } = await requirePageRole('/staff/bookings', 'staff', 'admin');
  const [t, requests] = await Promise.all([getTranslations('staffBookings'), listPendingRequests(ctx)]);
  const now = Date.now();
  return (
    <div>
      <DeskHeader title={t('inbox.title')} intro={t('inbox.intro')}>
        <p className="font-medium" role="status">
          {t('inbox.count', { count: requests.length })}
        </p>
      </DeskHeader>
      <InboxList
        items={requests.map((request) => ({
          id: request.id,
          startsAt: request.startsAt,
          room: request.roomName,
          facility: request.facilityName,
          when: formatSpan(t, request),
          submitted: formatMoment(t, request.createdAt),
          resident: request.residentName,
          purpose: request.purpose,
          attendees: request.attendees,
          capacity: request.capacity,
          past: Date.parse(request.startsAt) < now,
        }))}
      />
    </div>
  );
}
