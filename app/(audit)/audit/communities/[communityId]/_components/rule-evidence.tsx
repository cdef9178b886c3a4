import { getLocale, getTranslations } from 'next-intl/server';
import { figure, integer, localName } from '@/components/compliance/format';
import { basisLine, reasonText, thresholdText } from '@/components/compliance/labels';
import { StaleBadge, StatusBadge } from '@/components/compliance/status-badge';
import { VerificationBadge } from '@/components/compliance/verification-badge';
import { explainRule, groupThousands, householdCountAt, type ExcludedSpace } from '@/server/compliance/report-views';
import type { ComplianceRow, Rule } from '@/server/compliance/types';
import type { CommunityEvidence } from '@/server/registry/facility-queries';

const cell = 'px-2 py-2 align-top';
const num = `${cell} text-right tabular-nums whitespace-nowrap`;

/**
 * One rule's result for the community and everything behind it: the households used, every space
 * counted (area, basis, share, who measured it and how) and every space left out, with the reason.
 */
export async function RuleEvidence({ rule, row, evidence, asOf, basis, staleAfterMonths }: { rule: Rule; row: ComplianceRow; evidence: CommunityEvidence; asOf: string; basis: 'registered' | 'resident'; staleAfterMonths: number }) {
  const [t, tc, locale] = await Promise.all([getTranslations('audit'), getTranslations('compliance'), getLocale()]);
  const result = row.results.find((r) => r.rule === rule.code);
  if (!result) return null;
  const unit = tc(`units.${rule.unit}`);
  const headingId = `rule-${rule.code}`;
  const count = householdCountAt(evidence.householdCounts, result.householdBasis, asOf);
  const explained = rule.metric === 'not_in_register' ? null : explainRule(evidence, rule, asOf);
  const separator = locale === 'en' ? ', ' : '、';
  // Rooms of the other setting (indoor rooms for an outdoor rule) are summed up in one line.
  const otherSetting = explained?.excluded.filter((item) => item.reason === 'other_setting') ?? [];
  const excluded = explained?.excluded.filter((item) => item.reason !== 'other_setting') ?? [];

  const exclusion = (item: ExcludedSpace) => {
    switch (item.reason) {
      case 'facility_not_open':
        return item.facility.closedOn && item.facility.closedOn <= asOf
          ? tc('exclusion.facility_closed', { date: item.facility.closedOn })
          : tc('exclusion.facility_not_open', { date: item.facility.openedOn ?? '—' });
      case 'retired':
        return tc('exclusion.retired', { date: item.space.retiredOn ?? '—' });
      case 'other_setting':
        return tc('exclusion.other_setting', { setting: tc(`setting.${item.space.setting}`) });
      case 'use_class':
        return tc('exclusion.use_class', { useClass: tc(`useClass.${item.space.useClass}`) });
      case 'other_basis_only':
        return tc('exclusion.other_basis_only', { basis: item.measurement ? tc(`areaBasis.${item.measurement.basis}`) : '—', needed: rule.areaBasis ? tc(`areaBasis.${rule.areaBasis}`) : '—' });
      default:
        return tc(`exclusion.${item.reason}`);
    }
  };

  return (
    <section aria-labelledby={headingId} className="mb-10" data-rule={rule.code}>
      <h2 id={headingId} className="text-xl font-bold">
        {localName(rule, locale)} <span className="font-mono text-base font-normal text-muted">{rule.code}</span>
      </h2>
      <p className="mb-3 flex flex-wrap items-center gap-2 text-sm text-muted">
        <span>{thresholdText(tc, rule)}</span>
        <span aria-hidden="true">·</span>
        <span>{rule.metric === 'not_in_register' ? tc('reasons.not_in_register') : basisLine(tc, rule, basis)}</span>
        <VerificationBadge verification={rule.verification} label={tc(`verification.${rule.verification}`)} />
      </p>

      <dl className="mb-4 grid gap-x-4 gap-y-1 rounded-lg border border-slate-300 p-4 sm:grid-cols-[10rem_1fr]" data-result={rule.code}>
        <dt className="font-semibold">{t('statusColumn')}</dt>
        <dd className="flex flex-wrap gap-1">
          <StatusBadge status={result.status} label={tc(`status.${result.status}`)} />
          {result.stale ? <StaleBadge label={tc('status.stale')} /> : null}
        </dd>
        <dt className="font-semibold">{t('valueLabel')}</dt>
        <dd className="tabular-nums" data-col="value">
          {result.value === null ? '—' : `${figure(result.value)} ${unit}`}
        </dd>
        <dt className="font-semibold">{t('thresholdColumn')}</dt>
        <dd>{thresholdText(tc, rule)}</dd>
        <dt className="font-semibold">{t('gapColumn')}</dt>
        <dd className="tabular-nums">{result.gapM2 === null ? '—' : figure(result.gapM2)}</dd>
        {result.reason ? (
          <>
            <dt className="font-semibold">{t('reasonLabel')}</dt>
            <dd>{reasonText(tc, result, separator)}</dd>
          </>
        ) : null}
        {explained && result.value !== null ? (
          <>
            <dt className="font-semibold">{t('formulaLabel')}</dt>
            <dd className="tabular-nums">
              {rule.metric === 'resident_activity_share'
                ? t('formulaShare', { activity: groupThousands(explained.activityM2)!, area: groupThousands(explained.totalM2)!, value: figure(result.value) })
                : result.households !== null
                  ? t('formulaPerHousehold', { area: groupThousands(explained.totalM2)!, households: integer(result.households, locale), value: figure(result.value), unit })
                  : t('formulaArea', { area: groupThousands(explained.totalM2)! })}
            </dd>
          </>
        ) : null}
      </dl>

      {result.householdBasis ? (
        <div className="mb-4">
          <h3 className="mb-1 text-lg font-semibold">{t('householdsUsedHeading')}</h3>
          {count ? (
            <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]" data-households-used>
              <dt className="font-semibold">{t('householdsColumn')}</dt>
              <dd className="tabular-nums">{integer(count.households, locale)}</dd>
              <dt className="font-semibold">{t('householdBasisColumn')}</dt>
              <dd>{tc(`householdBasis.${count.basis}`)}</dd>
              <dt className="font-semibold">{t('countAsOf')}</dt>
              <dd>
                {count.asOf}
                {result.stale ? <span className="ml-2 font-semibold">{t('staleRuleShort', { months: staleAfterMonths })}</span> : null}
              </dd>
              <dt className="font-semibold">{t('countSource')}</dt>
              <dd>{count.source}</dd>
              <dt className="font-semibold">{t('countSupplier')}</dt>
              <dd>{count.suppliedBy ?? '—'}</dd>
              {count.note ? (
                <>
                  <dt className="font-semibold">{t('noteColumn')}</dt>
                  <dd>{count.note}</dd>
                </>
              ) : null}
            </dl>
          ) : (
            <p>{t('noCountAtDate', { basis: tc(`householdBasis.${result.householdBasis}`), asOf })}</p>
          )}
        </div>
      ) : null}

      {explained ? (
        <>
          <h3 className="mb-1 text-lg font-semibold">{t('countedHeading', { count: explained.counted.length })}</h3>
          {explained.counted.length === 0 ? (
            <p className="mb-4">{t('nothingCounted')}</p>
          ) : (
            <div className="relative mb-4 overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-label={t('countedTableLabel', { rule: localName(rule, locale) })}>
              <table className="w-full min-w-[60rem] border-collapse text-left text-sm print:min-w-0 print:text-xs" data-table="counted">
                <caption className="sr-only">{t('countedTableLabel', { rule: localName(rule, locale) })}</caption>
                <thead>
                  <tr className="border-b-2 border-slate-300 align-bottom">
                    <th scope="col" className={cell}>{t('spaceColumn')}</th>
                    <th scope="col" className={cell}>{t('facilityColumn')}</th>
                    <th scope="col" className={cell}>{t('useClassColumn')}</th>
                    <th scope="col" className={`${cell} text-right`}>{t('areaColumn')}</th>
                    <th scope="col" className={cell}>{t('areaBasisColumn')}</th>
                    <th scope="col" className={`${cell} text-right`}>{t('shareColumn')}</th>
                    <th scope="col" className={`${cell} text-right`}>{t('countedColumn')}</th>
                    <th scope="col" className={cell}>{t('measuredOnColumn')}</th>
                    <th scope="col" className={cell}>{t('methodColumn')}</th>
                    <th scope="col" className={cell}>{t('measuredByColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {explained.counted.map((item) => (
                    <tr key={item.space.id} className="border-b border-slate-200 break-inside-avoid">
                      <th scope="row" className={`${cell} font-semibold`}>{item.space.name}</th>
                      <td className={cell}>{item.facility.name}</td>
                      <td className={cell}>{tc(`useClass.${item.space.useClass}`)}</td>
                      <td className={num}>{figure(item.measurement.areaM2)}</td>
                      <td className={cell}>{tc(`areaBasis.${item.measurement.basis}`)}</td>
                      <td className={num}>{figure(item.percent)}%</td>
                      <td className={num}>{groupThousands(item.countedM2)}</td>
                      <td className={`${cell} whitespace-nowrap`}>{item.measurement.measuredOn}</td>
                      <td className={cell}>{tc(`method.${item.measurement.method}`)}</td>
                      <td className={cell}>
                        {item.measurement.measuredBy}
                        {item.measurement.organisation ? <span className="block text-muted">{item.measurement.organisation}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="border-t-2 border-slate-300 font-bold">
                    <th scope="row" colSpan={6} className={cell}>
                      {t('countedTotal')}
                    </th>
                    <td className={num}>{groupThousands(explained.totalM2)}</td>
                    <td colSpan={3} />
                  </tr>
                </tfoot>
              </table>
            </div>
          )}

          <h3 className="mb-1 text-lg font-semibold">{t('excludedHeading', { count: excluded.length })}</h3>
          {otherSetting.length > 0 ? (
            <p className="mb-2 text-sm">{tc('exclusion.other_setting_summary', { count: otherSetting.length, setting: tc(`setting.${otherSetting[0]!.space.setting}`) })}</p>
          ) : null}
          {excluded.length === 0 ? (
            <p className="mb-4">{t('nothingExcluded')}</p>
          ) : (
            <div className="relative mb-4 overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-label={t('excludedTableLabel', { rule: localName(rule, locale) })}>
              <table className="w-full min-w-[44rem] border-collapse text-left text-sm print:min-w-0 print:text-xs" data-table="excluded">
                <caption className="sr-only">{t('excludedTableLabel', { rule: localName(rule, locale) })}</caption>
                <thead>
                  <tr className="border-b-2 border-slate-300 align-bottom">
                    <th scope="col" className={cell}>{t('spaceColumn')}</th>
                    <th scope="col" className={cell}>{t('facilityColumn')}</th>
                    <th scope="col" className={cell}>{t('useClassColumn')}</th>
                    <th scope="col" className={cell}>{t('excludedReasonColumn')}</th>
                    <th scope="col" className={cell}>{t('latestMeasurementColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {excluded.map((item) => (
                    <tr key={item.space.id} className="border-b border-slate-200 break-inside-avoid" data-reason={item.reason}>
                      <th scope="row" className={`${cell} font-semibold`}>{item.space.name}</th>
                      <td className={cell}>{item.facility.name}</td>
                      <td className={cell}>
                        {tc(`setting.${item.space.setting}`)} · {tc(`useClass.${item.space.useClass}`)}
                      </td>
                      <td className={cell}>{exclusion(item)}</td>
                      <td className={`${cell} tabular-nums`}>
                        {item.measurement
                          ? t('measurementShort', { area: figure(item.measurement.areaM2), basis: tc(`areaBasis.${item.measurement.basis}`), date: item.measurement.measuredOn })
                          : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
