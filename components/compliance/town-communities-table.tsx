import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { groupThousands, type SelectedRow, type SortDirection, type SortKey } from '@/server/compliance/report-views';
import type { Rule } from '@/server/compliance/types';
import { integer, localName } from './format';
import type { ComplianceT } from './labels';
import { townRowFigures } from './row-figures';
import { SortHeader } from './sort-header';
import { StaleBadge, StatusBadge } from './status-badge';

interface TownCommunitiesTableProps {
  rows: SelectedRow[];
  rules: Rule[];
  /** The rule the order and the status filter follow. */
  selectedRule: string;
  basis: 'registered' | 'resident';
  sort: SortKey;
  dir: SortDirection;
  sortHref: (key: SortKey) => string;
  communityHref: (communityId: string) => string;
  caption: string;
}

const cell = 'px-2 py-2 align-top';
const num = `${cell} text-right tabular-nums whitespace-nowrap`;

/** A town's communities with every community rule's status, value and gap side by side. */
export async function TownCommunitiesTable({ rows, rules, selectedRule, basis, sort, dir, sortHref, communityHref, caption }: TownCommunitiesTableProps) {
  const [t, tc, tCommon, tKinds, locale] = await Promise.all([getTranslations('audit'), getTranslations('compliance'), getTranslations('common'), getTranslations('kinds'), getLocale()]);
  if (rows.length === 0) return <p className="rounded-md bg-slate-50 p-4">{t('noRows')}</p>;
  const sortable = (key: SortKey, label: string, className = '') => (
    <SortHeader
      sortKey={key}
      current={sort}
      dir={dir}
      href={sortHref(key)}
      label={label}
      className={className}
      stateLabel={sort === key ? t(dir === 'asc' ? 'sortedAscending' : 'sortedDescending') : t('sortBy')}
    />
  );
  return (
    <div className="relative overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full min-w-[52rem] border-collapse text-left print:min-w-0 print:text-xs" data-table="town-communities">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <td colSpan={2} />
            {rules.map((rule) => (
              <th key={rule.code} scope="colgroup" colSpan={3} className="border-l border-slate-300 px-2 py-1 text-center">
                {localName(rule, locale)}
                {rule.code === selectedRule ? <span className="block text-xs font-normal text-muted">{t('selectedRule')}</span> : null}
              </th>
            ))}
            <td />
          </tr>
          <tr className="border-b-2 border-slate-300">
            {sortable('name', t('communityColumn'))}
            {sortable('households', t('householdsColumn'), 'text-right')}
            {rules.map((rule) =>
              rule.code === selectedRule ? (
                [
                  <SortHeader key="s" sortKey="status" current={sort} dir={dir} href={sortHref('status')} label={t('statusColumn')} className="border-l border-slate-300" stateLabel={sort === 'status' ? t(dir === 'asc' ? 'sortedAscending' : 'sortedDescending') : t('sortBy')} />,
                  <SortHeader key="v" sortKey="value" current={sort} dir={dir} href={sortHref('value')} label={t('valueColumn', { unit: tc(`units.${rule.unit}`) })} className="text-right" stateLabel={sort === 'value' ? t(dir === 'asc' ? 'sortedAscending' : 'sortedDescending') : t('sortBy')} />,
                  <SortHeader key="g" sortKey="gap" current={sort} dir={dir} href={sortHref('gap')} label={t('gapColumn')} className="text-right" stateLabel={sort === 'gap' ? t(dir === 'asc' ? 'sortedAscending' : 'sortedDescending') : t('sortBy')} />,
                ]
              ) : (
                [
                  <th key="s" scope="col" className="border-l border-slate-300 px-2 py-2 align-bottom">
                    {t('statusColumn')}
                  </th>,
                  <th key="v" scope="col" className="px-2 py-2 text-right align-bottom">
                    {t('valueColumn', { unit: tc(`units.${rule.unit}`) })}
                  </th>,
                  <th key="g" scope="col" className="px-2 py-2 text-right align-bottom">
                    {t('gapColumn')}
                  </th>,
                ]
              ),
            )}
            <th scope="col" className="px-2 py-2 align-bottom">
              {t('centreColumn')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ row }) => {
            const f = townRowFigures(row, rules, { tc: tc as ComplianceT, locale, basis, yes: tCommon('yes'), no: tCommon('no'), kind: tKinds(row.kind) });
            return (
              <tr key={row.communityId} className="border-b border-slate-200 break-inside-avoid" data-community-id={row.communityId}>
                <th scope="row" className={`${cell} font-semibold`}>
                  <Link href={communityHref(row.communityId)} className="text-brand-700 underline underline-offset-2">
                    {f.community}
                  </Link>
                  <span className="block text-xs font-normal text-muted">
                    {f.kind} · <span className="font-mono">{f.code}</span>
                  </span>
                </th>
                <td className={num}>
                  {integer(f.households, locale)}
                  <span className="block text-xs text-muted">{f.householdsAsOf ? t('asOfShort', { date: f.householdsAsOf }) : ''}</span>
                </td>
                {f.results.map((result, i) => {
                  const status = row.results.find((r) => r.rule === result.rule);
                  return [
                    <td key={`${result.rule}-s`} className={`${cell} border-l border-slate-200`}>
                      {status ? (
                        <span className="flex flex-wrap gap-1">
                          <StatusBadge status={status.status} label={result.status} />
                          {status.stale ? <StaleBadge label={result.stale} /> : null}
                        </span>
                      ) : (
                        '—'
                      )}
                      {result.reason ? <span className="mt-1 block text-xs text-muted">{result.reason}</span> : null}
                    </td>,
                    <td key={`${result.rule}-v`} className={num} data-col={`value-${i}`}>
                      {groupThousands(result.value) || '—'}
                    </td>,
                    <td key={`${result.rule}-g`} className={num} data-col={`gap-${i}`}>
                      {groupThousands(result.gap) || '—'}
                    </td>,
                  ];
                })}
                <td className={cell}>{f.centre}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
