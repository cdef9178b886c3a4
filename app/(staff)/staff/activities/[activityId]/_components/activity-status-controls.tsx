'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/staff-bookings/action-form';
import { TextField } from '@/components/ui/field';
import { updateActivityStatusAction } from '../../actions';

/** Publish a draft; cancel the whole activity (every future session, everyone told). */
export function ActivityStatusControls({ activityId, status }: { activityId: string; status: 'draft' | 'published' | 'cancelled' }) {
  const t = useTranslations('staffActivities');
  if (status === 'cancelled') return null;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {status === 'draft' ? (
        <ActionForm action={updateActivityStatusAction} hidden={{ activityId, status: 'published' }} namespace="staffActivities.results" submitLabel={t('publish')} />
      ) : null}
      <ActionForm
        action={updateActivityStatusAction}
        hidden={{ activityId, status: 'cancelled' }}
        namespace="staffActivities.results"
        label={t('cancelActivity')}
        submitLabel={t('cancelActivity')}
        variant="danger"
        fields={(errors) => <TextField id="cancel-activity-reason" name="reason" label={t('cancelReason')} hint={t('cancelActivityHint')} maxLength={300} autoComplete="off" errors={errors('reason')} />}
      />
    </div>
  );
}
