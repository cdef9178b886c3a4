import { getTranslations } from 'next-intl/server';
import { TownGrid } from '@/components/registry/town-grid';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { listTowns } from '@/server/registry/queries';

export default async function HomePage() {
  const [t, tCommon, towns] = await Promise.all([getTranslations('home'), getTranslations('common'), listTowns()]);
  const communityTotal = towns.reduce((sum, town) => sum + town.communityCount, 0);
  return (
    <div className="space-y-8">
      <section className="rounded-xl bg-brand-50 px-4 py-8 sm:px-8">
        <h1 className="text-2xl font-bold text-brand-800 sm:text-4xl">{t('heading')}</h1>
        <p className="mt-3 max-w-3xl text-lg">{t('intro', { towns: towns.length, communities: communityTotal })}</p>
        <form action="/communities" method="get" role="search" className="mt-6 flex max-w-2xl flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <label htmlFor="home-search" className="mb-1 block font-medium">
              {t('searchLabel')}
            </label>
            <input id="home-search" name="q" type="search" maxLength={50} placeholder={t('searchPlaceholder')} className={inputClass} />
          </div>
          <button type="submit" className={buttonClass('primary')}>
            {tCommon('search')}
          </button>
        </form>
      </section>
      <section aria-labelledby="towns-heading">
        <h2 id="towns-heading" className="mb-4 text-xl font-bold">
          {t('townsHeading')}
        </h2>
        <TownGrid towns={towns} />
      </section>
      <p className="text-muted">{t('forStaff')}</p>
    </div>
  );
}
