import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { townName } from './town-name';

interface CommunityRow {
  id: string;
  code: string;
  name: string;
  kind: 'village' | 'community';
  townNameZh: string;
  townNameEn: string;
}

/** The directory's table of villages and communities; on a phone each row reads as a card. */
export async function CommunityTable({ rows, showTown = true }: { rows: CommunityRow[]; showTown?: boolean }) {
  const [t, tKinds, locale] = await Promise.all([getTranslations('directory'), getTranslations('kinds'), getLocale()]);
  if (rows.length === 0) return <p className="rounded-md bg-slate-50 p-4">{t('empty')}</p>;
  return (
    <table className="w-full border-collapse text-left">
      <thead className="sr-only sm:not-sr-only">
        <tr className="border-b-2 border-slate-300">
          <th scope="col" className="py-2 pr-4">{t('name')}</th>
          {showTown ? <th scope="col" className="py-2 pr-4">{t('town')}</th> : null}
          <th scope="col" className="py-2 pr-4">{t('kind')}</th>
          <th scope="col" className="py-2">{t('code')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="block border-b border-slate-200 py-2 sm:table-row sm:py-0">
            <th scope="row" className="block py-1 pr-4 text-left font-semibold sm:table-cell sm:py-2">
              <Link href={`/centres/${row.id}`} className="text-brand-700 underline underline-offset-2">
                {row.name}
              </Link>
            </th>
            {showTown ? (
              <td className="inline py-1 pr-4 sm:table-cell sm:py-2">{townName({ nameZh: row.townNameZh, nameEn: row.townNameEn }, locale)}</td>
            ) : null}
            <td className="inline py-1 pr-4 sm:table-cell sm:py-2">{tKinds(row.kind)}</td>
            <td className="inline py-1 font-mono text-sm text-muted sm:table-cell sm:py-2">{row.code}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
