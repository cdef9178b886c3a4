import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { CommunityPicker } from '@/components/registry/community-picker';
import { townName } from '@/components/registry/town-name';
import { Button, buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/server/auth/session';
import { listCommunityChoices, listMyCommunities } from '@/server/registry/queries';

export default async function StaffHomePage() {
  const { ctx, actor } = await requirePageRole('/staff', 'staff', 'admin');
  const [t, tKinds, locale, communities] = await Promise.all([getTranslations('staff'), getTranslations('kinds'), getLocale(), listMyCommunities(ctx)]);
  const tBookings = await getTranslations('staffBookings');
  // Admins have no assignments: they open any community from a picker instead.
  const choices = actor.role === 'admin' ? await listCommunityChoices() : [];
  return (
    <div className="space-y-8">
      <PageHeader title={t('heading')} intro={actor.role === 'admin' ? t('adminIntro') : t('intro')}>
        <div className="flex flex-wrap gap-2">
          <Link href="/staff/bookings" className={buttonClass('primary')}>
            {tBookings('homeLink')}
          </Link>
          <Link href="/staff/import" className={buttonClass('secondary')}>
            {t('importLink')}
          </Link>
        </div>
      </PageHeader>
      {actor.role === 'admin' ? (
        <form action="/staff/communities" method="get" className="max-w-xl space-y-3 rounded-lg border border-slate-300 p-4">
          <CommunityPicker
            id="open-community"
            name="communityId"
            label={t('adminPick')}
            towns={choices.map((town) => ({ code: town.code, name: townName(town, locale), communities: town.communities }))}
          />
          <Button type="submit">{t('adminOpen')}</Button>
        </form>
      ) : communities.length === 0 ? (
        <p className="rounded-md bg-slate-50 p-4">{t('empty')}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {communities.map((community) => (
            <li key={community.id}>
              <Link
                href={`/staff/communities/${community.id}`}
                className="block min-h-11 rounded-lg border border-slate-300 p-4 hover:border-brand-700 hover:bg-brand-50"
              >
                <span className="block text-lg font-bold text-brand-800 underline underline-offset-2">{community.name}</span>
                <span className="block text-sm text-muted">
                  {t('communityLine', { town: townName({ nameZh: community.townNameZh, nameEn: community.townNameEn }, locale), kind: tKinds(community.kind), code: community.code })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
