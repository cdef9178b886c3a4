import { getTranslations } from 'next-intl/server';
import type { SessionView } from '@/server/activities/schemas';

/** Places of a session in words (never colour alone): "12 places left of 20", "Full · 3 waiting". */
export async function SessionPlaces({ session }: { session: SessionView }) {
  const t = await getTranslations('activities');
  if (session.cancelled) return <span className="font-semibold text-red-800">{t('sessionCancelled')}</span>;
  if (session.remaining > 0) return <span className="font-semibold text-green-800">{t('placesLeft', { remaining: session.remaining, capacity: session.capacity })}</span>;
  return <span className="font-semibold text-amber-900">{t('full', { waiting: session.waitlisted })}</span>;
}
