import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { RuleSetView } from '@/components/compliance-rules/rule-set-view';
import { PageHeader } from '@/components/ui/page-header';
import { getRuleSet, listRuleSets } from '@/server/compliance/rule-sets';

export default async function RuleSetPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ version?: string }> }) {
  const [{ code }, { version }] = await Promise.all([params, searchParams]);
  if (!/^[A-Z0-9]{2,20}$/.test(code)) notFound();
  const wanted = version && /^\d{1,4}$/.test(version) ? Number(version) : undefined;
  const [t, locale, ruleSet, all] = await Promise.all([getTranslations('ruleSets'), getLocale(), getRuleSet(code, wanted), listRuleSets()]);
  if (!ruleSet) notFound();
  const versions = all.filter((set) => set.code === code).sort((a, b) => b.version - a.version);
  return (
    <div>
      <PageHeader title={`${ruleSet.code} · ${locale === 'en' ? ruleSet.nameEn : ruleSet.nameZh}`} intro={t('version', { version: ruleSet.version })} />
      <RuleSetView ruleSet={ruleSet} />
      <nav aria-label={t('versions')} className="mt-6">
        <h2 className="mb-2 text-lg font-bold">{t('versions')}</h2>
        <ul className="flex flex-wrap gap-2">
          {versions.map((set) => (
            <li key={set.version}>
              <Link
                href={`/rule-sets/${code}?version=${set.version}`}
                aria-current={set.version === ruleSet.version ? 'page' : undefined}
                className="inline-flex min-h-11 items-center rounded-md border border-slate-400 px-3 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
              >
                {t('version', { version: set.version })}
                {set.version === versions[0]!.version ? ` (${t('latest')})` : ''}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
