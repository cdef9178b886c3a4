import { getTranslations } from 'next-intl/server';
import { TownGrid } from '@/components/registry/town-grid';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentActor } from '@/server/auth/session';
import { getHomeCommunity, listTowns } from '@/server/registry/queries';

// Open to everyone: finding a centre needs no account; a signed-in resident sees their own first.
export default async function CentresPage() {
  const actor = await getCurrentActor();
  const [t, towns, home] = await Promise.all([
    getTranslations('resident'),
    listTowns(),
    actor ? getHomeCommunity(actor.id) : null,
  ]);
  return (
    <div>
      <PageHeader title={t('centresHeading')} intro={t('centresIntro')} />
      {actor?.role === 'resident' ? (
        <p className="mb-6 rounded-md bg-brand-50 p-4 font-medium">{home ? t('homeCommunity', { name: `${home.townNameZh} ${home.name}` }) : t('noHomeCommunity')}</p>
      ) : null}
      <TownGrid towns={towns} />
    </div>
  );
}
