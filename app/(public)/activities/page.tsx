import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { SessionPlaces } from '@/components/activities/session-places';
import { formatDay, formatTimeRange } from '@/components/bookings/format';
import { townName } from '@/components/registry/town-name';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { QueryProblems } from '@/components/ui/query-problems';
import { isUuid } from '@/server/accounts/schemas';
import { listActivities } from '@/server/activities/queries';
import { activityQuerySchema, categorySchema } from '@/server/activities/schemas';
import { getCommunity, listTowns } from '@/server/registry/queries';
import { firstParam } from '@/server/search-params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('activities');
  return { title: t('heading') };
}

export default async function ActivitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const parsed = activityQuerySchema.safeParse({
    town: firstParam(raw.town),
    community: firstParam(raw.community),
    category: firstParam(raw.category),
    from: firstParam(raw.from),
    to: firstParam(raw.to),
    hasPlaces: firstParam(raw.hasPlaces) === 'true' ? 'true' : undefined,
  });
  const query = parsed.success ? parsed.data : {};
  const [t, format, locale, towns, activities] = await Promise.all([
    getTranslations('activities'),
    getFormatter(),
    getLocale(),
    listTowns(),
    listActivities(query),
  ]);
  const communityName = query.community && isUuid(query.community) ? (await getCommunity(query.community))?.name : query.community;
  return (
    <div>
      <PageHeader title={t('heading')} intro={t('intro')} />
      <QueryProblems error={parsed.error} />
      <form method="get" role="search" aria-label={t('filters')} className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_1fr_auto_auto] lg:items-end elder:grid-cols-1!">
        {query.community ? <input type="hidden" name="community" value={query.community} /> : null}
        <SelectField id="activities-town" name="town" label={t('town')} defaultValue={query.town ?? ''}>
          <option value="">{t('allTowns')}</option>
          {towns.map((town) => (
            <option key={town.code} value={town.code}>
              {townName(town, locale)}
            </option>
          ))}
        </SelectField>
        <SelectField id="activities-category" name="category" label={t('category')} defaultValue={query.category ?? ''}>
          <option value="">{t('allCategories')}</option>
          {categorySchema.options.map((category) => (
            <option key={category} value={category}>
              {t(`categories.${category}`)}
            </option>
          ))}
        </SelectField>
        <TextField id="activities-from" name="from" type="date" label={t('from')} defaultValue={query.from ?? ''} />
        <TextField id="activities-to" name="to" type="date" label={t('to')} defaultValue={query.to ?? ''} />
        <label className="flex min-h-11 items-center gap-2 font-medium">
          <input type="checkbox" name="hasPlaces" value="true" defaultChecked={query.hasPlaces === 'true'} className="size-6" />
          {t('hasPlaces')}
        </label>
        <button type="submit" className={buttonClass('primary')}>
          {t('search')}
        </button>
      </form>
      {communityName ? (
        <p className="mb-3">
          {t('communityFilter', { community: communityName })}{' '}
          <Link href="/activities" className="font-medium underline">
            {t('allCommunities')}
          </Link>
        </p>
      ) : null}
      <p className="mb-3 text-sm text-muted" aria-live="polite">
        {t('count', { count: activities.length })}
      </p>
      {activities.length === 0 ? <p className="rounded-md bg-slate-50 p-4">{t('none')}</p> : null}
      <ul className="grid gap-4 lg:grid-cols-2 elder:grid-cols-1!">
        {activities.map((activity) => {
          const next = activity.sessions[0]!;
          return (
            <li key={activity.id} className="space-y-2 rounded-lg border border-slate-300 p-4">
              <h2 className="text-lg font-bold">
                <Link href={`/activities/${activity.id}`} className="underline decoration-2 underline-offset-4">
                  {activity.title}
                </Link>
              </h2>
              <p className="text-sm">
                <span className="rounded bg-slate-100 px-2 py-0.5 font-medium">{t(`categories.${activity.category}`)}</span>{' '}
                {activity.audience === 'community' ? <span className="rounded bg-slate-100 px-2 py-0.5">{t('audienceCommunityShort')}</span> : null}
              </p>
              <p>
                {townName({ nameZh: activity.townNameZh, nameEn: activity.townNameEn }, locale)} · {activity.communityName} · {activity.facilityName} {activity.roomName}
              </p>
              <p>
                {t('nextSession', { day: formatDay(format, next.startsAt), time: formatTimeRange(format, next.startsAt, next.endsAt) })}
                {activity.sessions.length > 1 ? ` ${t('moreSessions', { count: activity.sessions.length - 1 })}` : ''}
              </p>
              <p>
                <SessionPlaces session={next} />
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
