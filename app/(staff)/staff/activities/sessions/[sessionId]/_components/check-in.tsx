'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/staff-bookings/action-form';
import { checkInAction } from '../../../actions';

/** Attended / absent for one person with a place; either can be corrected later. */
export function CheckIn({ signupId, name }: { signupId: string; name: string }) {
  const t = useTranslations('staffActivities');
  return (
    <div className="flex flex-wrap gap-2">
      <ActionForm action={checkInAction} hidden={{ signupId, attended: 'true' }} namespace="staffActivities.results" submitLabel={<>{t('markAttended')}<span className="sr-only"> {name}</span></>} />
      <ActionForm action={checkInAction} hidden={{ signupId, attended: 'false' }} namespace="staffActivities.results" variant="secondary" submitLabel={<>{t('markAbsent')}<span className="sr-only"> {name}</span></>} />
    </div>
  );
}
