import { getLocale, getTranslations } from 'next-intl/server';
import { CommunityTable } from '@/components/registry/community-table';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { listCommunities, listTowns } from '@/server/registry/queries';
import { communityListQuerySchema } from '@/server/registry/schemas';
import { townName } from '@/components/registry/town-name';

export default async function DirectoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  const parsed = communityListQuerySchema.safeParse({ town: first(raw.town), q: first(raw.q), page: first(raw.page), pageSize: 30 });
  const query = parsed.success ? parsed.data : { page: 1, pageSize: 30, q: undefined, town: undefined };
  const [t, tCommon, tValidation, locale, towns, result] = await Promise.all([
    getTranslations('directory'),
    getTranslations('common'),
    getTranslations('validation'),
    getLocale(),
    listTowns(),
    listCommunities(query),
  ]);
  return (
    <div>
      <PageHeader title={t('heading')} />
      {!parsed.success ? (
        <Alert tone="error">{parsed.error.issues.map((issue) => tValidation(issue.message as 'query_too_long')).join(' ')}</Alert>
      ) : null}
      <form method="get" role="search" className="mb-6 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <div>
          <label htmlFor="directory-q" className="mb-1 block font-medium">
            {t('query')}
          </label>
          <input id="directory-q" name="q" type="search" defaultValue={query.q ?? ''} maxLength={50} className={inputClass} />
        </div>
        <div>
          <label htmlFor="directory-town" className="mb-1 block font-medium">
            {t('townFilter')}
          </label>
          <select id="directory-town" name="town" defaultValue={query.town ?? ''} className={inputClass}>
            <option value="">{t('allTowns')}</option>
            {towns.map((town) => (
              <option key={town.code} value={town.code}>
                {townName(town, locale)}
              </option>
            ))}
          </select>
        </div>
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
