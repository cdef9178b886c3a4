import { getTranslations } from 'next-intl/server';
import { CommunityTable } from '@/components/registry/community-table';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/server/auth/session';
import { listMyCommunities } from '@/server/registry/queries';

export default async function StaffHomePage() {
  const { ctx } = await requirePageRole('/staff', 'staff');
  const [t, communities] = await Promise.all([getTranslations('staff'), listMyCommunities(ctx)]);
  return (
    <div>
      <PageHeader title={t('heading')} intro={t('intro')} />
      {communities.length === 0 ? <p className="rounded-md bg-slate-50 p-4">{t('empty')}</p> : <CommunityTable rows={communities} />}
    </div>
  );
}
