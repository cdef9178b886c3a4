import { getLocale, getTranslations } from 'next-intl/server';
import type { RuleSet } from '@/server/compliance/types';

const DEFINITIONS = ['spaces', 'useClasses', 'shares', 'households', 'status', 'stale', 'figures'] as const;

/** A rule set as auditors must see it: every rule with its bases, source and how firm it is. */
export async function RuleSetView({ ruleSet }: { ruleSet: RuleSet }) {
  const [t, locale] = await Promise.all([getTranslations('ruleSets'), getLocale()]);
  const en = locale === 'en';
  return (
    <div className="space-y-6">
      <dl className="grid gap-2 sm:grid-cols-[12rem_1fr]">
        <dt className="font-semibold">{t('source')}</dt>
        <dd>{ruleSet.source}</dd>
        <dt className="font-semibold">{t('verification')}</dt>
        <dd>{t(ruleSet.verification)}</dd>
        <dt className="font-semibold">{t('notes')}</dt>
        <dd>{en ? ruleSet.notesEn : ruleSet.notesZh}</dd>
      </dl>
      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading" className="mb-2 text-xl font-bold">
          {t('rules')}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse text-left text-sm">
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="px-2 py-2">{t('rule')}</th>
                <th scope="col" className="px-2 py-2">{t('metric')}</th>
                <th scope="col" className="px-2 py-2">{t('threshold')}</th>
                <th scope="col" className="px-2 py-2">{t('areaBasis')}</th>
                <th scope="col" className="px-2 py-2">{t('householdBasis')}</th>
                <th scope="col" className="px-2 py-2">{t('useClasses')}</th>
                <th scope="col" className="px-2 py-2">{t('verification')}</th>
              </tr>
            </thead>
            <tbody>
              {ruleSet.rules.map((rule) => (
                <tr key={rule.code} className="border-b border-slate-200 align-top">
                  <th scope="row" className="px-2 py-2">
                    <span className="block font-mono">{rule.code}</span>
                    <span className="block font-normal">{en ? rule.nameEn : rule.nameZh}</span>
                  </th>
                  <td className="px-2 py-2">
                    {t(`metrics.${rule.metric}`)}
                    {rule.scope === 'aggregate' ? ` · ${t('scopeAggregate')}` : ''}
                    {rule.communityKind === 'village' ? ` · ${t('villagesOnly')}` : ''}
                  </td>
                  <td className="px-2 py-2 whitespace-nowrap">≥ {Number(rule.threshold)} {t(`units.${rule.unit}`)}</td>
                  <td className="px-2 py-2">{rule.areaBasis ? t(`areaBases.${rule.areaBasis}`) : '—'}</td>
                  <td className="px-2 py-2">
                    {rule.metric.endsWith('per_100_households') ? (rule.householdBasis ? t(`householdBases.${rule.householdBasis}`) : t('basisChoice')) : '—'}
                  </td>
                  <td className="px-2 py-2">{rule.useClasses.map((useClass) => t(`useClassNames.${useClass}`)).join('、') || '—'}</td>
                  <td className="px-2 py-2">{t(rule.verification)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="definitions-heading" className="rounded-lg bg-slate-50 p-4">
        <h2 id="definitions-heading" className="mb-2 text-xl font-bold">
          {t('definitionsHeading')}
        </h2>
        <ul className="list-disc space-y-2 pl-5">
          {DEFINITIONS.map((key) => (
            <li key={key}>{t(`definitions.${key}`)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
