import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/server/auth/session';
import { listTowns } from '@/server/registry/queries';
import { townName } from '@/components/registry/town-name';

export default async function AdminCommunitiesPage() {
  await requirePageRole('/admin/communities', 'admin');
  const [t, tDirectory, tKinds, locale, towns] = await Promise.all([
    getTranslations('admin'),
    getTranslations('directory'),
    getTranslations('kinds'),
    getLocale(),
    listTowns(),
  ]);
  return (
    <div>
      <PageHeader title={t('communitiesHeading')} intro={t('communitiesIntro')} />
      <table className="w-full border-collapse text-left">
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="px-2 py-2">{tDirectory('town')}</th>
            <th scope="col" className="px-2 py-2">{tDirectory('kind')}</th>
            <th scope="col" className="px-2 py-2">{tDirectory('code')}</th>
            <th scope="col" className="px-2 py-2 text-right">{t('communities')}</th>
          </tr>
        </thead>
        <tbody>
          {towns.map((town) => (
            <tr key={town.code} className="border-b border-slate-200">
              <th scope="row" className="px-2 py-2">
                <Link href={`/towns/${town.code}`} className="font-medium text-brand-700 underline">
                  {townName(town, locale)}
                </Link>
              </th>
              <td className="px-2 py-2">{tKinds(town.kind)}</td>
              <td className="px-2 py-2 font-mono text-sm">{town.code}</td>
              <td className="px-2 py-2 text-right tabular-nums">{town.communityCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
