import { getLocale, getTranslations } from 'next-intl/server';
import { figure, integer, localName } from '@/components/compliance/format';
import { reasonText, thresholdText } from '@/components/compliance/labels';
import { StaleBadge, StatusBadge } from '@/components/compliance/status-badge';
import type { ComplianceRow, Rule } from '@/server/compliance/types';

const BASES = ['registered', 'resident'] as const;

/** Every rule's result on both household bases, side by side: the basis can decide pass or fail. */
export async function BasisComparison({ rules, registered, resident, current }: { rules: Rule[]; registered: ComplianceRow | null; resident: ComplianceRow | null; current: 'registered' | 'resident' }) {
  const [t, tc, locale] = await Promise.all([getTranslations('audit'), getTranslations('compliance'), getLocale()]);
  const rows = { registered, resident };
  return (
    <section aria-labelledby="comparison-heading" className="mb-8 break-inside-avoid">
      <h2 id="comparison-heading" className="text-xl font-bold">
        {t('comparisonHeading')}
      </h2>
      <p className="mb-3 text-sm text-muted">{t('comparisonIntro')}</p>
      {/* A table from sm up; on a phone each rule reads as a card with both bases under it. */}
      <div className="relative print:overflow-visible">
        <table className="w-full border-collapse text-left print:text-xs" data-table="basis-comparison">
          <thead className="hidden sm:table-header-group">
            <tr className="border-b-2 border-slate-300 align-bottom">
              <th scope="col" className="px-2 py-2">{t('ruleColumn')}</th>
              {BASES.map((basis) => (
                <th key={basis} scope="col" className="px-2 py-2 first-letter:uppercase" data-basis={basis}>
                  {tc(`basisOf.${basis}`)}
                  {basis === current ? <span className="block text-xs font-normal text-muted">{t('currentBasis')}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="block sm:table-row-group">
            {rules.map((rule) => (
              <tr key={rule.code} className="block border-b border-slate-200 py-2 align-top break-inside-avoid sm:table-row sm:py-0">
                <th scope="row" className="block px-2 py-2 font-semibold sm:table-cell">
                  {localName(rule, locale)}
                  <span className="block text-xs font-normal text-muted">{thresholdText(tc, rule)}</span>
                  {rule.householdBasis ? <span className="block text-xs font-normal text-muted">{t('basisFixed')}</span> : null}
                </th>
                {BASES.map((basis) => {
                  const result = rows[basis]?.results.find((r) => r.rule === rule.code);
                  return (
                    <td key={basis} className="block px-2 py-2 sm:table-cell" data-basis={basis} data-rule={rule.code}>
                      <span className="mb-1 block text-sm font-semibold first-letter:uppercase sm:hidden">
                        {tc(`basisOf.${basis}`)}
                        {basis === current ? ` ${t('currentBasis')}` : ''}
                      </span>
                      {result ? (
                        <>
                          <span className="flex flex-wrap gap-1">
                            <StatusBadge status={result.status} label={tc(`status.${result.status}`)} />
                            {result.stale ? <StaleBadge label={tc('status.stale')} /> : null}
                          </span>
                          <span className="mt-1 block tabular-nums">
                            {result.value === null ? '—' : `${figure(result.value)} ${tc(`units.${rule.unit}`)}`}
                          </span>
                          {result.households !== null ? (
                            <span className="block text-sm text-muted">
                              {t('householdsUsedShort', { households: integer(result.households, locale), basis: tc(`householdBasis.${result.householdBasis}`), date: result.householdsAsOf ?? '—' })}
                            </span>
                          ) : null}
                          {result.gapM2 ? <span className="block text-sm">{t('gapShort', { gap: figure(result.gapM2) })}</span> : null}
                          {result.reason ? <span className="block text-sm text-muted">{reasonText(tc, result, locale === 'en' ? ', ' : '、')}</span> : null}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
