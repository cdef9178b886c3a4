import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/server/auth/session';
import { listTownHouseholdSummary } from '@/server/registry/queries';
import { townName } from '@/components/registry/town-name';

export default async function AuditHomePage() {
  const { ctx } = await requirePageRole('/audit', 'auditor', 'admin');
  const [t, locale, rows] = await Promise.all([getTranslations('audit'), getLocale(), listTownHouseholdSummary(ctx)]);
  const format = new Intl.NumberFormat(locale);
  const total = rows.reduce(
    (sum, row) => ({
      communities: sum.communities + row.communities,
      villages: sum.villages + row.villages,
      registeredHouseholds: sum.registeredHouseholds + row.registeredHouseholds,
      residentHouseholds: sum.residentHouseholds + row.residentHouseholds,
    }),
    { communities: 0, villages: 0, registeredHouseholds: 0, residentHouseholds: 0 },
  );
  const cell = 'px-3 py-2 text-right tabular-nums';
  return (
    <div>
      <PageHeader title={t('heading')} intro={t('intro')} />
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] border-collapse">
          <thead>
            <tr className="border-b-2 border-slate-300 text-left">
              <th scope="col" className="px-3 py-2">{t('town')}</th>
              <th scope="col" className={cell}>{t('communities')}</th>
              <th scope="col" className={cell}>{t('villages')}</th>
              <th scope="col" className={cell}>{t('registered')}</th>
              <th scope="col" className={cell}>{t('resident')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code} className="border-b border-slate-200">
                <th scope="row" className="px-3 py-2 text-left font-medium">{townName(row, locale)}</th>
                <td className={cell}>{format.format(row.communities)}</td>
                <td className={cell}>{format.format(row.villages)}</td>
                <td className={cell}>{format.format(row.registeredHouseholds)}</td>
                <td className={cell}>{format.format(row.residentHouseholds)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-slate-300 font-bold">
              <th scope="row" className="px-3 py-2 text-left">{t('total')}</th>
              <td className={cell}>{format.format(total.communities)}</td>
              <td className={cell}>{format.format(total.villages)}</td>
              <td className={cell}>{format.format(total.registeredHouseholds)}</td>
              <td className={cell}>{format.format(total.residentHouseholds)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
