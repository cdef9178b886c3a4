import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { DeskHeader } from '@/components/staff-bookings/desk-header';
import { FacilitySelect } from '@/components/staff-bookings/facility-select';
import { formatMoment } from '@/components/staff-bookings/format';
import { Button } from '@/components/ui/button';
import { requirePageRole } from '@/server/auth/session';
import { DEFAULT_BOOKING_RULES } from '@/server/bookings/room-context';
import { getFacilityBookingRules, listStaffFacilities } from '@/server/bookings/staff-queries';
import { isAppError } from '@/server/errors';
import { DEFAULT_OPENING_HOURS } from '@/server/registry/default-hours';
import { RulesForm } from './_components/rules-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staffBookings.rules');
  return { title: t('title') };
}

export default async function BookingRulesPage({ searchParams }: { searchParams: Promise<{ facility?: string | string[] }> }) {
  const params = await searchParams;
  const { ctx } = await requirePageRole('/staff/bookings/rules', 'staff', 'admin');
  const [t, facilities] = await Promise.all([getTranslations('staffBookings'), listStaffFacilities(ctx)]);
  const facilityId = typeof params.facility === 'string' ? params.facility : facilities[0]?.id;
  if (!facilityId) {
    return (
      <div>
        <DeskHeader title={t('rules.title')} intro={t('rules.intro')} />
        <p className="rounded-md bg-slate-50 p-4">{t('common.noFacilities')}</p>
      </div>
    );
  }
  if (!z.uuid().safeParse(facilityId).success) notFound();
  const current = await getFacilityBookingRules(ctx, facilityId).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  });
  return (
    <div className="space-y-6">
      <DeskHeader title={t('rules.title')} intro={t('rules.intro')} />
      <form method="get" action="/staff/bookings/rules" aria-label={t('rules.pickerLabel')} className="grid gap-3 rounded-lg border border-slate-300 p-4 sm:grid-cols-[1fr_auto] sm:items-end">
        <FacilitySelect id="rules-facility" name="facility" label={t('common.facility')} facilities={facilities} defaultValue={current.facility.id} />
        <Button type="submit" variant="secondary">
          {t('rules.open')}
        </Button>
      </form>
      <section aria-labelledby="rules-heading" className="space-y-4">
        <div>
          <h2 id="rules-heading" className="text-xl font-bold">
            {t('rules.heading', { facility: current.facility.name })}
          </h2>
          {current.updatedAt ? <p className="text-sm text-muted">{t('rules.updatedAt', { when: formatMoment(t, current.updatedAt) })}</p> : null}
        </div>
        <div className="rounded-md border-l-4 border-sky-700 bg-sky-50 px-4 py-3">
          <p>{t('rules.defaultsExplain')}</p>
        </div>
        <RulesForm key={current.facility.id} facilityId={current.facility.id} rules={current.rules} defaults={DEFAULT_BOOKING_RULES} openingHours={current.openingHours} defaultHours={DEFAULT_OPENING_HOURS} />
      </section>
    </div>
  );
}
