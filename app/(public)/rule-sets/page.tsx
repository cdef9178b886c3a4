import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { listRuleSets } from '@/server/compliance/rule-sets';

export default async function RuleSetsPage() {
  const [t, locale, sets] = await Promise.all([getTranslations('ruleSets'), getLocale(), listRuleSets()]);
  const latest = [...new Map(sets.map((set) => [set.code, set])).values()].map((set) => sets.filter((s) => s.code === set.code).sort((a, b) => b.version - a.version)[0]!);
  return (
    <div>
      <PageHeader title={t('heading')} intro={t('intro')} />
      <ul className="grid gap-3 sm:grid-cols-2">
        {latest.map((set) => (
          <li key={set.code} className="rounded-lg border border-slate-300 p-4">
            <Link href={`/rule-sets/${set.code}`} className="text-lg font-bold text-brand-700 underline">
              {set.code} · {locale === 'en' ? set.nameEn : set.nameZh}
            </Link>
            <p className="text-sm text-muted">
              {t('version', { version: set.version })} · {t(set.verification)}
            </p>
            <p className="mt-1 text-sm">{set.source}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
