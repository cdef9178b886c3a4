import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { SelectedRow, SortDirection, SortKey } from '@/server/compliance/report-views';
import type { Rule, RuleSet } from '@/server/compliance/types';
import { groupThousands } from '@/server/compliance/report-views';
import { integer } from './format';
import type { ComplianceT } from './labels';
import { rowFigures } from './row-figures';
import { SortHeader } from './sort-header';
import { StaleBadge, StatusBadge } from './status-badge';

interface GapTableProps {
  rows: SelectedRow[];
  rule: Rule;
  ruleSet: RuleSet;
  sort: SortKey;
  dir: SortDirection;
  /** The link that sorts by a key (toggling the direction when it is the current one). */
  sortHref: (key: SortKey) => string;
  communityHref: (communityId: string) => string;
  /** Show the town column (the overview; not on a town's own page). */
  showTown?: boolean;
  caption: string;
  staleAfterMonths: number;
}

// From sm up a table; on a phone each row reads as a card, each cell with its own label. The
// cells are styled from the tbody, once, rather than on each of up to 600 × 7 cells: "show all"
// stays a few hundred kilobytes lighter.
const body = [
  'block sm:table-row-group',
  '[&>tr]:block [&>tr]:border-b [&>tr]:border-slate-200 [&>tr]:py-2 [&>tr]:break-inside-avoid sm:[&>tr]:table-row sm:[&>tr]:py-0',
  '[&_th]:block [&_th]:px-2 [&_th]:py-1 [&_th]:align-top [&_th]:font-semibold sm:[&_th]:table-cell sm:[&_th]:py-2',
  '[&_td]:flex [&_td]:justify-between [&_td]:gap-3 [&_td]:px-2 [&_td]:py-0.5 [&_td]:align-top sm:[&_td]:table-cell sm:[&_td]:py-2',
  '[&_td.n]:tabular-nums [&_td.n]:whitespace-nowrap sm:[&_td.n]:text-right',
  '[&_.pl]:text-muted sm:[&_.pl]:hidden',
].join(' ');
const num = 'n';
const phoneLabel = 'pl';

/**
 * Communities with the area still missing for one rule: status and stale flag in words, the
 * value truncated to 2 decimals, the threshold, and the households used with their basis and date.
 */
export async function GapTable({ rows, rule, ruleSet, sort, dir, sortHref, communityHref, showTown = true, caption, staleAfterMonths }: GapTableProps) {
  const [t, tc, locale] = await Promise.all([getTranslations('audit'), getTranslations('compliance'), getLocale()]);
  const unit = tc(`units.${rule.unit}`);
  const header = (key: SortKey, label: string, className = '') => (
    <SortHeader
      sortKey={key}
      current={sort}
      dir={dir}
      href={sortHref(key)}
      label={label}
      className={`block sm:table-cell ${className}`}
      stateLabel={sort === key ? t(dir === 'asc' ? 'sortedAscending' : 'sortedDescending') : t('sortBy')}
    />
  );
  if (rows.length === 0) return <p className="rounded-md bg-slate-50 p-4">{t('noRows')}</p>;
  return (
    <div className="relative sm:overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full border-collapse text-left sm:min-w-[56rem] print:min-w-0 print:text-xs" data-table="gaps">
        <caption className="sr-only">{caption}</caption>
        <thead className="block sm:table-header-group">
          <tr className="flex flex-wrap items-end gap-x-1 border-b-2 border-slate-300 sm:table-row">
            <td className="block w-full px-2 pt-1 text-sm text-muted sm:hidden">{t('sortOnPhone')}</td>
            {header('name', t('communityColumn'))}
            {showTown ? header('town', t('townColumn')) : null}
            {header('status', t('statusColumn'))}
            {header('value', t('valueColumn', { unit }), 'text-right')}
            <th scope="col" className="hidden px-2 py-2 text-right align-bottom sm:table-cell">
              {t('thresholdColumn')}
            </th>
            {header('gap', t('gapColumn'), 'text-right')}
            {header('households', t('householdsColumn'), 'text-right')}
            <th scope="col" className="hidden px-2 py-2 align-bottom sm:table-cell">
              {t('householdBasisColumn')}
            </th>
          </tr>
        </thead>
        <tbody className={body}>
          {rows.map((item) => {
            const f = rowFigures(item, { tc: tc as ComplianceT, locale, rule, ruleSet });
            return (
              <tr key={item.row.communityId} data-community-id={item.row.communityId}>
                <th scope="row">
                  <Link href={communityHref(item.row.communityId)} className="text-brand-700 underline underline-offset-2">
                    {f.community}
                  </Link>
                  <span className="block font-mono text-xs font-normal text-muted">{f.code}</span>
                </th>
                {showTown ? (
                  <td>
                    <span className={phoneLabel}>{t('townColumn')}</span>
                    {f.town}
                  </td>
                ) : null}
                <td className="flex-wrap" data-col="status">
                  <span className={phoneLabel}>{t('statusColumn')}</span>
                  <span className="flex flex-wrap gap-1">
                    <StatusBadge status={item.result.status} label={f.status} />
                    {item.result.stale ? <StaleBadge label={f.stale} title={t('staleRule', { months: staleAfterMonths })} /> : null}
                  </span>
                  {f.reason ? <span className="mt-1 block w-full text-xs text-muted">{f.reason}</span> : null}
                </td>
                <td className={num} data-col="value">
                  <span className={phoneLabel}>{t('valueColumn', { unit })}</span>
                  {groupThousands(f.value) || '—'}
                </td>
                <td className={num} data-col="threshold">
                  <span className={phoneLabel}>{t('thresholdColumn')}</span>
                  {groupThousands(f.threshold)}
                </td>
                <td className={num} data-col="gap">
                  <span className={phoneLabel}>{t('gapColumn')}</span>
                  {groupThousands(f.gap) || '—'}
                </td>
                <td className={num} data-col="households">
                  <span className={phoneLabel}>{t('householdsColumn')}</span>
                  {integer(f.households, locale)}
                </td>
                <td className="text-sm" data-col="basis">
                  <span className={phoneLabel}>{t('householdBasisColumn')}</span>
                  <span className="text-right sm:text-left">
                    {f.householdBasis ? (
                      <>
                        <span className="block first-letter:uppercase">{f.householdBasis}</span>
                        <span className="block text-muted">{t('asOfShort', { date: f.householdsAsOf || '—' })}</span>
                      </>
                    ) : (
                      '—'
                    )}
                    <span className="block text-muted">{f.areaBasis}</span>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
