import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { HouseholdBasis } from '@/db/schema/enums';
import type { RuleSet } from '@/server/compliance/types';
import { localName } from './format';
import { basisLine, thresholdText } from './labels';
import { VerificationBadge } from './verification-badge';

/**
 * The rule set behind every figure on the page: how firmly each threshold is verified, the
 * assumptions it makes, and the household and area basis each rule uses in this report.
 */
export async function RuleSetPanel({ ruleSet, basis, asOf, staleAfterMonths }: { ruleSet: RuleSet; basis: HouseholdBasis; asOf: string; staleAfterMonths: number }) {
  const [t, tc, locale] = await Promise.all([getTranslations('audit'), getTranslations('compliance'), getLocale()]);
  return (
    <section aria-labelledby="rule-set-heading" className="mb-6 rounded-lg border border-slate-300 p-4 print:mb-3 print:p-2">
      <h2 id="rule-set-heading" className="text-lg font-bold">
        {t('ruleSetHeading', { code: ruleSet.code, name: localName(ruleSet, locale), version: ruleSet.version })}
      </h2>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
        <dt className="font-semibold">{t('asOfLabel')}</dt>
        <dd>{asOf}</dd>
        <dt className="font-semibold">{t('basisLabel')}</dt>
        <dd className="first-letter:uppercase">{tc(`basisOf.${basis}`)}</dd>
        <dt className="font-semibold">{t('verificationLabel')}</dt>
        <dd>
          <VerificationBadge verification={ruleSet.verification} label={tc(`verification.${ruleSet.verification}`)} />
        </dd>
        <dt className="font-semibold">{t('sourceLabel')}</dt>
        <dd>{ruleSet.source}</dd>
        <dt className="font-semibold">{t('notesLabel')}</dt>
        <dd>{localName({ nameZh: ruleSet.notesZh, nameEn: ruleSet.notesEn }, locale) || '—'}</dd>
        <dt className="font-semibold">{t('staleLabel')}</dt>
        <dd>{t('staleRule', { months: staleAfterMonths })}</dd>
      </dl>
      <div className="relative mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={t('rulesTableLabel')}>
        <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
          <caption className="sr-only">{t('rulesTableLabel')}</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="px-2 py-1">{t('ruleColumn')}</th>
              <th scope="col" className="px-2 py-1">{t('thresholdColumn')}</th>
              <th scope="col" className="px-2 py-1">{t('basisColumn')}</th>
              <th scope="col" className="px-2 py-1">{t('verificationLabel')}</th>
            </tr>
          </thead>
          <tbody>
            {ruleSet.rules.map((rule) => (
              <tr key={rule.code} className="border-b border-slate-200 align-top">
                <th scope="row" className="px-2 py-1 font-normal">
                  <span className="block font-semibold">{localName(rule, locale)}</span>
                  <span className="block font-mono text-xs text-muted">{rule.code}</span>
                </th>
                <td className="px-2 py-1 whitespace-nowrap">{thresholdText(tc, rule)}</td>
                <td className="px-2 py-1">
                  {rule.scope === 'aggregate'
                    ? rule.communityKind
                      ? t('aggregateVillages')
                      : t('aggregateAll')
                    : rule.metric === 'not_in_register'
                      ? tc('reasons.not_in_register')
                      : basisLine(tc, rule, basis)}
                  {rule.householdBasis ? <span className="block text-xs text-muted">{t('basisFixed')}</span> : null}
                </td>
                <td className="px-2 py-1">
                  <VerificationBadge verification={rule.verification} label={tc(`verification.${rule.verification}`)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-sm print:hidden">
        <Link href={`/rule-sets/${ruleSet.code}?version=${ruleSet.version}`} className="text-brand-700 underline">
          {t('definitionsLink')}
        </Link>
      </p>
    </section>
  );
}
