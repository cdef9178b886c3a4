import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CommunityTable } from '@/components/registry/community-table';
import { PageHeader } from '@/components/ui/page-header';
import { getTown, listCommunities } from '@/server/registry/queries';
import { townCodeSchema } from '@/server/registry/schemas';
import { townName } from '@/components/registry/town-name';

export default async function TownPage({ params }: { params: Promise<{ townCode: string }> }) {
  const { townCode } = await params;
  if (!townCodeSchema.safeParse(townCode).success) notFound();
  const town = await getTown(townCode);
  if (!town) notFound();
  const [t, tKinds, locale, result] = await Promise.all([
    getTranslations('directory'),
    getTranslations('kinds'),
    getLocale(),
    listCommunities({ town: townCode, page: 1, pageSize: 200, q: undefined }),
  ]);
  const name = townName(town, locale);
  return (
    <div>
      <PageHeader title={t('townHeading', { town: name })} intro={t('townSummary', { kind: tKinds(town.kind), code: town.code, count: result.total })} />
      <CommunityTable rows={result.items} showTown={false} />
    </div>
  );
}
