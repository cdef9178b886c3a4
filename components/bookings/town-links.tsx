import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { townName } from '@/components/registry/town-name';

interface TownTile {
  code: string;
  nameZh: string;
  nameEn: string;
  communityCount: number;
}

/** Every town as a link to its villages' and communities' centres. */
export async function TownLinks({ towns }: { towns: TownTile[] }) {
  const [t, locale] = await Promise.all([getTranslations('bookings'), getLocale()]);
  return (
    <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
      {towns.map((town) => (
        <li key={town.code}>
          <Link href={`/centres/towns/${town.code}`} className="block min-h-11 rounded-md border border-slate-300 px-3 py-2 hover:border-brand-600 hover:bg-brand-50">
            <span className="block font-semibold">{townName(town, locale)}</span>
            <span className="block text-sm text-muted">{t('townCommunities', { count: town.communityCount })}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
