import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/server/auth/session';
import { getRuleSet, listRuleSets } from '@/server/compliance/rule-sets';
import { RuleSetVersionForm } from './_components/rule-set-version-form';

export default async function AdminRuleSetsPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  await requirePageRole('/admin/rule-sets', 'admin');
  const { code } = await searchParams;
  const [t, locale, sets] = await Promise.all([getTranslations('ruleSets'), getLocale(), listRuleSets()]);
  const codes = [...new Set(sets.map((set) => set.code))];
  const selected = code && codes.includes(code) ? code : codes[0];
  const latest = selected ? await getRuleSet(selected) : null;
  return (
    <div>
      <PageHeader title={t('adminHeading')} intro={t('adminIntro')} />
      <nav aria-label={t('baseOn')} className="mb-6">
        <ul className="flex flex-wrap gap-2">
          {codes.map((value) => (
            <li key={value}>
              <Link
                href={`/admin/rule-sets?code=${value}`}
                aria-current={value === selected ? 'page' : undefined}
                className="inline-flex min-h-11 items-center rounded-md border border-slate-400 px-3 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
              >
                {value}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {latest ? (
        <section aria-labelledby="version-heading" className="rounded-lg border border-slate-300 p-4">
          <h2 id="version-heading" className="mb-4 text-xl font-bold">
            {t('baseOn')} {latest.code} · {locale === 'en' ? latest.nameEn : latest.nameZh} · {t('version', { version: latest.version })}{' '}
            <Link href={`/rule-sets/${latest.code}`} className="text-base font-normal text-brand-700 underline">
              {t('view')}
            </Link>
          </h2>
          <RuleSetVersionForm key={`${latest.code}-${latest.version}`} ruleSet={latest} />
        </section>
      ) : null}
    </div>
  );
}
