import { getTranslations } from 'next-intl/server';

/** The line that heads every printed page of a report: what was checked, as of when, on which basis. */
export async function PrintHeader({ ruleSet, asOf, basis, scope }: { ruleSet: string; asOf: string; basis: string; scope: string }) {
  const t = await getTranslations('audit');
  return (
    <p className="mb-3 hidden border-b border-slate-400 pb-1 text-sm print:block" data-print-header>
      {t('printHeader', { ruleSet, asOf, basis, scope })}
    </p>
  );
}
