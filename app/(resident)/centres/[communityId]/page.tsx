import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CentreFacilities } from '@/components/bookings/centre-facilities';
import { townName } from '@/components/registry/town-name';
import { PageHeader } from '@/components/ui/page-header';
import { uuidSchema } from '@/server/accounts/schemas';
import { listPublicFacilities } from '@/server/registry/facility-queries';
import { getCommunity } from '@/server/registry/queries';

type Params = { params: Promise<{ communityId: string }> };

async function load(communityId: string) {
  if (!uuidSchema.safeParse(communityId).success) return null;
  return getCommunity(communityId);
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const community = await load((await params).communityId);
  if (!community) return {};
  const t = await getTranslations('bookings');
  return { title: t('centreHeading', { community: community.name }) };
}

/** A community's centres and the rooms a resident may book there. Public: looking needs no account. */
export default async function CentrePage({ params }: Params) {
  const community = await load((await params).communityId);
  if (!community) notFound();
  const [t, locale, facilities] = await Promise.all([getTranslations('bookings'), getLocale(), listPublicFacilities(community.id)]);
  const town = townName({ nameZh: community.townNameZh, nameEn: community.townNameEn }, locale);
  return (
    <div>
      <p className="mb-2">
        <Link href={`/centres/towns/${community.townCode}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
          {t('townHeading', { town })}
        </Link>
      </p>
      <PageHeader title={t('centreHeading', { community: community.name })} intro={t('centreIntro', { town, community: community.name })}>
        <Link href={`/activities?community=${community.id}`} className={buttonClass('secondary')}>
          {t('activitiesHere', { community: community.name })}
        </Link>
      </PageHeader>
      <CentreFacilities facilities={facilities} />
    </div>
  );
}
