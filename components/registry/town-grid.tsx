import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { townName } from './town-name';

interface TownTile {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'town' | 'street' | 'functional_area';
  communityCount: number;
}

/** Every town as a link to its villages and communities. */
export async function TownGrid({ towns }: { towns: TownTile[] }) {
  const [t, tKinds, locale] = await Promise.all([getTranslations('home'), getTranslations('kinds'), getLocale()]);
  return (
    <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
      {towns.map((town) => (
        <li key={town.code}>
          <Link href={`/towns/${town.code}`} className="block min-h-11 rounded-md border border-slate-300 px-3 py-2 hover:border-brand-600 hover:bg-brand-50">
            <span className="block font-semibold">{townName(town, locale)}</span>
            <span className="block text-sm text-muted">
              {tKinds(town.kind)} · {t('townCommunities', { count: town.communityCount })}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
