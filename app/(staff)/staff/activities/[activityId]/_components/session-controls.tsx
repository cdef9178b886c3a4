'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/staff-bookings/action-form';
import { TextField } from '@/components/ui/field';
import { cancelSessionAction, updateCapacityAction } from '../../actions';

/** Change a session's capacity (raising it promotes from the waitlist) or cancel it with a reason. */
export function SessionControls({ sessionId, capacity, label }: { sessionId: string; capacity: number; label: string }) {
  const t = useTranslations('staffActivities');
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <ActionForm
        action={updateCapacityAction}
        hidden={{ sessionId }}
        namespace="staffActivities.results"
        label={t('capacityFormLabel', { session: label })}
        submitLabel={t('saveCapacity')}
        variant="secondary"
        fields={(errors) => <TextField id={`capacity-${sessionId}`} name="capacity" inputMode="numeric" label={t('capacity')} defaultValue={String(capacity)} autoComplete="off" errors={errors('capacity')} required />}
      />
      <ActionForm
        action={cancelSessionAction}
        hidden={{ sessionId }}
        namespace="staffActivities.results"
        label={t('cancelFormLabel', { session: label })}
        submitLabel={t('cancelSession')}
        variant="danger"
        fields={(errors) => <TextField id={`cancel-${sessionId}`} name="reason" label={t('cancelReason')} hint={t('cancelReasonHint')} maxLength={300} autoComplete="off" errors={errors('reason')} required />}
      />
    </div>
  );
}
