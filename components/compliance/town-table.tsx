import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ComplianceReport, RuleSet } from '@/server/compliance/types';
import type { TownShare } from '@/server/compliance/report-views';
import { townName } from '@/components/registry/town-name';
import { figure, integer, localName } from './format';

interface TownTableProps {
  id: string;
  /** Towns in the order of the bar chart (lowest passing share of the selected rule first). */
  order: TownShare[];
  report: ComplianceReport;
  ruleSet: RuleSet;
  /** The rule whose insufficient and stale counts are shown. */
  ruleCode: string;
  hrefFor: (townCode: string) => string;
  /** The footer's label: the city, or the filtered selection. */
  totalLabel: string;
}

const cell = 'px-2 py-2 text-right tabular-nums whitespace-nowrap';

/** Per town: communities, the passing share of every community rule, and the coverage rules. */
export async function TownTable({ id, order, report, ruleSet, ruleCode, hrefFor, totalLabel }: TownTableProps) {
  const [t, locale] = await Promise.all([getTranslations('audit'), getLocale()]);
  const byCode = new Map(report.towns.map((town) => [town.townCode, town]));
  const communityRules = ruleSet.rules.filter((rule) => rule.scope === 'community');
  const aggregateRules = ruleSet.rules.filter((rule) => rule.scope === 'aggregate');
  const selected = report.tallies.find((tally) => tally.rule === ruleCode);
  const share = (passShare: number | null, pass: number) => (passShare === null ? '—' : `${figure(passShare)}% (${pass})`);
  return (
    <>
      <p id={`${id}-caption`} className="mb-2 text-sm text-muted">
        {t('townTableCaption')}
      </p>
      <div className="relative overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
        <table id={id} aria-labelledby={`${id}-caption`} className="w-full min-w-[40rem] border-collapse text-left print:min-w-0 print:text-xs">
          <thead>
            <tr className="border-b-2 border-slate-300 align-bottom">
              <th scope="col" className="px-2 py-2 whitespace-nowrap">{t('townColumn')}</th>
              <th scope="col" className={cell}>{t('communitiesColumn')}</th>
              {communityRules.map((rule) => (
                <th key={rule.code} scope="col" className={`${cell} min-w-[7rem] whitespace-normal text-sm`}>
                  {t('passShareColumn', { rule: localName(rule, locale) })}
                </th>
              ))}
              <th scope="col" className={`${cell} min-w-[7rem] whitespace-normal text-sm`}>{t('insufficientColumn')}</th>
              <th scope="col" className={`${cell} min-w-[7rem] whitespace-normal text-sm`}>{t('staleColumn')}</th>
              {aggregateRules.map((rule) => (
                <th key={rule.code} scope="col" className={`${cell} min-w-[7rem] whitespace-normal text-sm`}>
                  {localName(rule, locale)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {order.map((entry) => {
              const town = byCode.get(entry.townCode);
              if (!town) return null;
              return (
                <tr key={town.townCode} className="border-b border-slate-200 break-inside-avoid">
                  <th scope="row" className="px-2 py-2 font-medium whitespace-nowrap">
                    <Link href={hrefFor(town.townCode)} className="text-brand-700 underline underline-offset-2">
                      {townName({ nameZh: town.townNameZh, nameEn: town.townNameEn }, locale)}
                    </Link>
                  </th>
                  <td className={cell}>{integer(town.communities, locale)}</td>
                  {communityRules.map((rule) => {
                    const tally = town.tallies.find((x) => x.rule === rule.code);
                    return (
                      <td key={rule.code} className={cell}>
                        {tally ? share(tally.passShare, tally.pass) : '—'}
                      </td>
                    );
                  })}
                  <td className={cell}>{entry.insufficientData}</td>
                  <td className={cell}>{entry.stale}</td>
                  {aggregateRules.map((rule) => {
                    const aggregate = town.aggregates.find((x) => x.rule === rule.code);
                    return (
                      <td key={rule.code} className={cell}>
                        {aggregate?.value == null ? '—' : `${figure(aggregate.value)}% (${aggregate.meeting}/${aggregate.counted})`}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-slate-300 font-bold">
              <th scope="row" className="px-2 py-2 whitespace-nowrap">{totalLabel}</th>
              <td className={cell}>{integer(report.rows.length, locale)}</td>
              {communityRules.map((rule) => {
                const tally = report.tallies.find((x) => x.rule === rule.code);
                return (
                  <td key={rule.code} className={cell}>
                    {tally ? share(tally.passShare, tally.pass) : '—'}
                  </td>
                );
              })}
              <td className={cell}>{selected?.insufficientData ?? 0}</td>
              <td className={cell}>{selected?.stale ?? 0}</td>
              {aggregateRules.map((rule) => {
                const aggregate = report.aggregates.find((x) => x.rule === rule.code);
                return (
                  <td key={rule.code} className={cell}>
                    {aggregate?.value == null ? '—' : `${figure(aggregate.value)}% (${aggregate.meeting}/${aggregate.counted})`}
                  </td>
                );
              })}
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
