import { getLocale, getTranslations } from 'next-intl/server';
import { CommunityTable } from '@/components/registry/community-table';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { listCommunities, listTowns } from '@/server/registry/queries';
import { communityListQuerySchema } from '@/server/registry/schemas';
import { firstParam } from '@/server/search-params';
import { QueryProblems } from '@/components/ui/query-problems';
import { townName } from '@/components/registry/town-name';

export default async function DirectoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const parsed = communityListQuerySchema.safeParse({ town: firstParam(raw.town), q: firstParam(raw.q), page: firstParam(raw.page), pageSize: 30 });
  const query = parsed.success ? parsed.data : { page: 1, pageSize: 30, q: undefined, town: undefined };
  const [t, tCommon, locale, towns, result] = await Promise.all([
    getTranslations('directory'),
    getTranslations('common'),
    getLocale(),
    listTowns(),
    listCommunities(query),
  ]);
  return (
    <div>
      <PageHeader title={t('heading')} />
      <QueryProblems error={parsed.error} />
      <form method="get" role="search" className="mb-6 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <TextField id="directory-q" name="q" type="search" label={t('query')} defaultValue={query.q ?? ''} maxLength={50} />
        <SelectField id="directory-town" name="town" label={t('townFilter')} defaultValue={query.town ?? ''}>
          <option value="">{t('allTowns')}</option>
          {towns.map((town) => (
            <option key={town.code} value={town.code}>
              {townName(town, locale)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className={buttonClass('primary')}>
          {tCommon('search')}
        </button>
      </form>
      <p className="mb-2 text-sm text-muted" aria-live="polite">
        {tCommon('resultCount', { count: result.total })}
      </p>
      <CommunityTable rows={result.items} />
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={{ q: query.q, town: query.town }} basePath="/communities" />
    </div>
  );
}
