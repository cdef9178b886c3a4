import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/server/auth/session';
import { listNotifications } from '@/server/bookings/notifications';
import { markAllReadAction } from './actions';

export default async function NotificationsPage() {
  const { ctx } = await requirePageRole('/notifications', 'resident', 'staff', 'auditor', 'admin');
  const [t, format, items] = await Promise.all([getTranslations('notifications'), getFormatter(), listNotifications(ctx)]);
  const unread = items.filter((item) => !item.readAt).length;
  return (
    <div className="max-w-3xl">
      <PageHeader title={t('heading')} />
      {unread > 0 ? (
        <form action={markAllReadAction} className="mb-4">
          <Button type="submit" variant="secondary">
            {t('markAllRead')}
          </Button>
        </form>
      ) : null}
      {items.length === 0 ? <p className="rounded-md bg-slate-50 p-4">{t('empty')}</p> : null}
      <ul className="space-y-2">
        {items.map((item) => {
          const payload = item.payload;
          const time = payload.startsAt ? format.dateTime(new Date(String(payload.startsAt)), { dateStyle: 'medium', timeStyle: 'short' }) : '';
          return (
            <li key={item.id} className={`rounded-md border p-3 ${item.readAt ? 'border-slate-200' : 'border-brand-600 bg-brand-50'}`}>
              {!item.readAt ? <span className="mr-2 rounded bg-brand-700 px-2 py-0.5 text-sm font-semibold text-white">{t('unread')}</span> : null}
              <span>
                {t(`kinds.${item.kind}`, {
                  room: `${payload.facility ?? ''} ${payload.room ?? ''}`.trim(),
                  activity: String(payload.activity ?? ''),
                  position: Number(payload.position ?? 0),
                  time,
                })}
              </span>
              {payload.activityId ? (
                <Link href={`/activities/${String(payload.activityId)}`} className="ml-2 underline">
                  {t('openActivity')}
                </Link>
              ) : null}
              {payload.reason ? <p className="mt-1 text-sm">{t('reason', { reason: String(payload.reason) })}</p> : null}
              <p className="mt-1 text-sm text-muted">{format.dateTime(item.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
