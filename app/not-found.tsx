import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('notFound.heading')}</h1>
      <p>{t('notFound.body')}</p>
      <Link href="/" className={buttonClass('primary')}>
        {t('common.backHome')}
      </Link>
    </div>
  );
}
