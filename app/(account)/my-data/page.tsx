import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { setElderModeAction } from '@/app/actions';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/server/auth/session';
import { isElderMode } from '@/server/preferences/elder-mode';
import { EraseAccount } from './_components/erase-account';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('myData');
  return { title: t('heading') };
}

/** Account settings and the person's own data: see it, download it, delete the account. */
export default async function MyDataPage() {
  const { actor } = await requirePageRole('/my-data', 'resident', 'staff', 'auditor', 'admin');
  const [t, elder] = await Promise.all([getTranslations('myData'), isElderMode()]);
  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader title={t('heading')} intro={t('intro')} />
      <section aria-labelledby="settings-heading" className="space-y-3">
        <h2 id="settings-heading" className="text-xl font-bold">
          {t('settingsHeading')}
        </h2>
        <p>{elder ? t('elderOn') : t('elderOff')}</p>
        <form action={setElderModeAction}>
          <input type="hidden" name="elder" value={elder ? 'off' : 'on'} />
          <button type="submit" className={buttonClass('primary')}>
            {elder ? t('elderTurnOff') : t('elderTurnOn')}
          </button>
        </form>
      </section>
      <section aria-labelledby="download-heading" className="space-y-3">
        <h2 id="download-heading" className="text-xl font-bold">
          {t('downloadHeading')}
        </h2>
        <p>{t('downloadIntro')}</p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <a href="/my-data/export.json" download className={buttonClass('secondary')}>
            {t('downloadJson')}
          </a>
          <a href="/my-data/export.csv" download className={buttonClass('secondary')}>
            {t('downloadCsv')}
          </a>
        </div>
        <p>
          <Link href="/privacy" className="underline">
            {t('privacyLink')}
          </Link>
        </p>
      </section>
      {actor.role === 'resident' ? <EraseAccount /> : <p className="rounded-md bg-slate-50 p-4">{t('staffErase')}</p>}
    </div>
  );
}
