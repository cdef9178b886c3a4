'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/staff-bookings/action-form';
import { cancelClosureAction } from '../../actions';

/** Lifts a closure: its rooms are free again at once. */
export function LiftClosure({ closureId, label }: { closureId: string; label: string }) {
  const t = useTranslations('staffBookings.closures');
  return <ActionForm action={cancelClosureAction} hidden={{ closureId }} variant="secondary" className="mt-2" submitLabel={<>{t('lift')}<span className="sr-only"> {label}</span></>} />;
}
