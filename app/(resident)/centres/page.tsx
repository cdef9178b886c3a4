import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { CentreFacilities } from '@/components/bookings/centre-facilities';
import { TownLinks } from '@/components/bookings/town-links';
import { townName } from '@/components/registry/town-name';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentActor } from '@/server/auth/session';
import { listPublicFacilities } from '@/server/registry/facility-queries';
import { getHomeCommunity, listTowns } from '@/server/registry/queries';
import Link from 'next/link';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('bookings');
  return { title: t('centresHeading') };
}

// Open to everyone: finding a centre needs no account; a signed-in resident sees their own first.
export default async function CentresPage() {
  const actor = await getCurrentActor();
  const [t, locale, towns, home] = await Promise.all([getTranslations('bookings'), getLocale(), listTowns(), actor?.role === 'resident' ? getHomeCommunity(actor.id) : null]);
  const homeFacilities = home ? await listPublicFacilities(home.id) : [];
  return (
    <div>
      <PageHeader title={t('centresHeading')} intro={t('centresIntro')} />
      {actor?.role === 'resident' ? (
        home ? (
          <section aria-labelledby="home-centre" className="mb-10 space-y-4 rounded-lg border-2 border-brand-600 p-4">
            <div className="space-y-1">
              <h2 id="home-centre" className="text-xl font-bold">
                {t('homeCentreHeading')}
              </h2>
              <p className="font-medium">{t('homeCommunity', { name: `${townName({ nameZh: home.townNameZh, nameEn: home.townNameEn }, locale)} ${home.name}` })}</p>
            </div>
            <CentreFacilities facilities={homeFacilities} level={3} />
            <p>
              <Link href={`/centres/${home.id}`} className="font-medium text-brand-700 underline">
                {t('homeCentreLink', { name: home.name })}
              </Link>
            </p>
          </section>
        ) : (
          <p className="mb-6 rounded-md bg-brand-50 p-4 font-medium">{t('noHomeCommunity')}</p>
        )
      ) : null}
      <section aria-labelledby="towns" className="space-y-3">
        <h2 id="towns" className="text-xl font-bold">
          {t('townsHeading')}
        </h2>
        <TownLinks towns={towns} />
      </section>
    </div>
  );
}
