import { getLocale, getTranslations } from 'next-intl/server';
import { figure, integer } from '@/components/compliance/format';
import { householdCountAt, measurementAt, shareAt } from '@/server/compliance/report-views';
import type { CommunityEvidence } from '@/server/registry/facility-queries';

const cell = 'px-2 py-2 align-top';
const num = `${cell} text-right tabular-nums whitespace-nowrap`;

/** Every household count ever recorded, newest first; the ones the report used are marked. */
export async function HouseholdHistory({ counts, asOf }: { counts: CommunityEvidence['householdCounts']; asOf: string }) {
  const [t, tc, locale] = await Promise.all([getTranslations('audit'), getTranslations('compliance'), getLocale()]);
  const used = new Set([householdCountAt(counts, 'registered', asOf)?.id, householdCountAt(counts, 'resident', asOf)?.id]);
  return (
    <div className="mb-6">
      <h3 className="mb-1 text-lg font-semibold">{t('countHistoryHeading')}</h3>
      {counts.length === 0 ? (
        <p>{t('noCounts')}</p>
      ) : (
        <div className="relative overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-label={t('countHistoryHeading')}>
          <table className="w-full min-w-[44rem] border-collapse text-left text-sm print:min-w-0 print:text-xs" data-table="count-history">
            <caption className="sr-only">{t('countHistoryHeading')}</caption>
            <thead>
              <tr className="border-b-2 border-slate-300 align-bottom">
                <th scope="col" className={cell}>{t('countAsOf')}</th>
                <th scope="col" className={cell}>{t('householdBasisColumn')}</th>
                <th scope="col" className={`${cell} text-right`}>{t('householdsCountColumn')}</th>
                <th scope="col" className={cell}>{t('countSource')}</th>
                <th scope="col" className={cell}>{t('countSupplier')}</th>
                <th scope="col" className={cell}>{t('noteColumn')}</th>
                <th scope="col" className={cell}>{t('usedColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {counts.map((count) => (
                <tr key={count.id} className="border-b border-slate-200 break-inside-avoid">
                  <th scope="row" className={`${cell} whitespace-nowrap font-normal`}>{count.asOf}</th>
                  <td className={cell}>{tc(`householdBasis.${count.basis}`)}</td>
                  <td className={num}>{integer(count.households, locale)}</td>
                  <td className={cell}>{count.source}</td>
                  <td className={cell}>{count.suppliedBy ?? '—'}</td>
                  <td className={cell}>{count.note ?? ''}</td>
                  <td className={cell}>{used.has(count.id) ? t('usedAtDate', { asOf }) : count.asOf > asOf ? t('afterDate') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/**
 * Each facility serving the community (hosted or shared), its shares, and every space with its
 * full measurement history; the measurements in force at the date are marked.
 */
export async function MeasurementHistory({ evidence, asOf }: { evidence: CommunityEvidence; asOf: string }) {
  const [t, tc] = await Promise.all([getTranslations('audit'), getTranslations('compliance')]);
  if (evidence.facilities.length === 0) return <p>{t('noFacilities')}</p>;
  return (
    <div className="space-y-6">
      {evidence.facilities.map((facility) => {
        const share = shareAt(facility, evidence.community.id, asOf);
        return (
          <div key={facility.id} className="break-inside-avoid-page">
            <h3 className="text-lg font-semibold">{facility.name}</h3>
            <p className="text-sm text-muted">
              {[
                tc(`facilityKind.${facility.kind}`),
                facility.hostedHere ? t('hostedHere') : t('hostedElsewhere'),
                facility.openedOn ? t('facilityOpened', { date: facility.openedOn }) : null,
                facility.closedOn ? t('facilityClosed', { date: facility.closedOn }) : null,
                share === null ? t('noShareAtDate', { asOf }) : t('shareAtDate', { share: figure(share), asOf }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {facility.shares.length > 0 ? (
              <ul className="mb-2 list-disc pl-5 text-sm">
                {facility.shares.map((s) => (
                  <li key={s.id}>
                    {t(s.validTo ? 'shareLine' : 'shareLineOpen', { share: figure(s.percent), from: s.validFrom, to: s.validTo ?? '', note: s.basisNote, whose: s.communityId === evidence.community.id ? t('thisCommunity') : t('otherCommunity') })}
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="relative overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-label={t('measurementTableLabel', { facility: facility.name })}>
              <table className="w-full min-w-[56rem] border-collapse text-left text-sm print:min-w-0 print:text-xs" data-table="measurement-history">
                <caption className="sr-only">{t('measurementTableLabel', { facility: facility.name })}</caption>
                <thead>
                  <tr className="border-b-2 border-slate-300 align-bottom">
                    <th scope="col" className={cell}>{t('spaceColumn')}</th>
                    <th scope="col" className={cell}>{t('useClassColumn')}</th>
                    <th scope="col" className={cell}>{t('measuredOnColumn')}</th>
                    <th scope="col" className={`${cell} text-right`}>{t('areaColumn')}</th>
                    <th scope="col" className={cell}>{t('areaBasisColumn')}</th>
                    <th scope="col" className={cell}>{t('methodColumn')}</th>
                    <th scope="col" className={cell}>{t('measuredByColumn')}</th>
                    <th scope="col" className={cell}>{t('noteColumn')}</th>
                    <th scope="col" className={cell}>{t('usedColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {facility.spaces.flatMap((space) => {
                    const inForce = new Set((['building', 'usable', 'land'] as const).map((basis) => measurementAt(space, basis, asOf)?.id));
                    const label = (
                      <>
                        {space.name}
                        {space.retiredOn ? <span className="block text-xs font-normal text-muted">{t('retiredOn', { date: space.retiredOn })}</span> : null}
                      </>
                    );
                    if (space.measurements.length === 0) {
                      return [
                        <tr key={space.id} className="border-b border-slate-200">
                          <th scope="row" className={`${cell} font-semibold`}>{label}</th>
                          <td className={cell}>
                            {tc(`setting.${space.setting}`)} · {tc(`useClass.${space.useClass}`)}
                          </td>
                          <td colSpan={7} className={cell}>
                            {t('neverMeasured')}
                          </td>
                        </tr>,
                      ];
                    }
                    return space.measurements.map((m, i) => (
                      <tr key={m.id} className={`break-inside-avoid ${i === space.measurements.length - 1 ? 'border-b border-slate-300' : 'border-b border-slate-100'}`}>
                        <th scope="row" className={`${cell} font-semibold`}>
                          {i === 0 ? label : <span className="sr-only">{space.name}</span>}
                        </th>
                        <td className={cell}>{i === 0 ? `${tc(`setting.${space.setting}`)} · ${tc(`useClass.${space.useClass}`)}` : ''}</td>
                        <td className={`${cell} whitespace-nowrap`}>{m.measuredOn}</td>
                        <td className={num}>{figure(m.areaM2)}</td>
                        <td className={cell}>{tc(`areaBasis.${m.basis}`)}</td>
                        <td className={cell}>{tc(`method.${m.method}`)}</td>
                        <td className={cell}>
                          {m.measuredBy}
                          {m.organisation ? <span className="block text-muted">{m.organisation}</span> : null}
                        </td>
                        <td className={cell}>{m.note ?? ''}</td>
                        <td className={cell}>{inForce.has(m.id) ? t('inForce') : m.measuredOn > asOf ? t('afterDate') : t('superseded')}</td>
                      </tr>
                    ));
                  })}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </div>
  );
}
