import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { BookingsNav } from './bookings-nav';

const PAGES = [
  { href: '/staff/bookings', key: 'inbox' },
  { href: '/staff/bookings/day', key: 'day' },
  { href: '/staff/bookings/closures', key: 'closures' },
  { href: '/staff/bookings/recurring', key: 'recurring' },
  { href: '/staff/bookings/rules', key: 'rules' },
] as const;

/** Every desk page starts with the desk's navigation, then its own title. */
export async function DeskHeader({ title, intro, children }: { title: ReactNode; intro?: ReactNode; children?: ReactNode }) {
  const t = await getTranslations('staffBookings.nav');
  return (
    <>
      <BookingsNav label={t('label')} links={PAGES.map((page) => ({ href: page.href, label: t(page.key) }))} />
      <PageHeader title={title} intro={intro}>
        {children}
      </PageHeader>
    </>
  );
}
