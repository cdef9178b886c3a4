import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/server/auth/session';

export default async function MyBookingsPage() {
  await requirePageRole('/my/bookings', 'resident');
  const t = await getTranslations('resident');
  return (
    <div>
      <PageHeader title={t('bookingsHeading')} />
      <p className="rounded-md bg-slate-50 p-4">{t('bookingsEmpty')}</p>
    </div>
  );
}
