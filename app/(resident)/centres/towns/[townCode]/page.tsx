import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { townName } from '@/components/registry/town-name';
import { PageHeader } from '@/components/ui/page-header';
import { getTown, listCommunities } from '@/server/registry/queries';
import { townCodeSchema } from '@/server/registry/schemas';

type Params = { params: Promise<{ townCode: string }> };

async function load(townCode: string) {
  if (!townCodeSchema.safeParse(townCode).success) return null;
  return getTown(townCode);
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const town = await load((await params).townCode);
  if (!town) return {};
  const [t, locale] = await Promise.all([getTranslations('bookings'), getLocale()]);
  return { title: t('townHeading', { town: townName(town, locale) }) };
}

/** A town's villages and communities, each a link to its centres and rooms. */
export default async function CentreTownPage({ params }: Params) {
  const town = await load((await params).townCode);
  if (!town) notFound();
  const [t, tKinds, locale, result] = await Promise.all([
    getTranslations('bookings'),
    getTranslations('kinds'),
    getLocale(),
    listCommunities({ town: town.code, page: 1, pageSize: 200, q: undefined }),
  ]);
  return (
    <div>
      <p className="mb-2">
        <Link href="/centres" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
          {t('allTowns')}
        </Link>
      </p>
      <PageHeader title={t('townHeading', { town: townName(town, locale) })} intro={t('townIntro')} />
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
        {result.items.map((community) => (
          <li key={community.id}>
            <Link href={`/centres/${community.id}`} className="block min-h-11 rounded-md border border-slate-300 px-3 py-2 hover:border-brand-600 hover:bg-brand-50">
              <span className="block font-semibold">{community.name}</span>
              <span className="block text-sm text-muted">{tKinds(community.kind)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
