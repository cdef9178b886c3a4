import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ExportLinks } from '@/components/compliance/export-links';
import { FilterForm } from '@/components/compliance/filter-form';
import { localName } from '@/components/compliance/format';
import { GapTable } from '@/components/compliance/gap-table';
import { Headline } from '@/components/compliance/headline';
import { HistogramChart } from '@/components/compliance/histogram-chart';
import { basisLine, type ComplianceT } from '@/components/compliance/labels';
import { PrintHeader } from '@/components/compliance/print-header';
import { RuleSetPanel } from '@/components/compliance/rule-set-panel';
import { TileMap } from '@/components/compliance/tile-map';
import { TownBarChart } from '@/components/compliance/town-bar-chart';
import { TownTable } from '@/components/compliance/town-table';
import { townName } from '@/components/registry/town-name';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/server/auth/session';
import { defaultDirection, histogram, townShares, type SortKey } from '@/server/compliance/report-views';
import { listTowns } from '@/server/registry/queries';
import { loadReportView, ROW_LIMIT, viewHref, type SearchParams } from './_lib/report-view';
import { townGrid } from './_lib/town-grid';

export async function generateMetadata() {
  const t = await getTranslations('audit');
  return { title: t('heading') };
}

export default async function AuditOverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { ctx } = await requirePageRole('/audit', 'auditor', 'admin');
  const raw = await searchParams;
  const [view, towns, t, tc, tProblems, locale] = await Promise.all([
    loadReportView(ctx, raw),
    listTowns(),
    getTranslations('audit'),
    getTranslations('compliance'),
    getTranslations(),
    getLocale(),
  ]);
  const { params, report, ruleSet, rule } = view;
  const basisWords = tc(`basisOf.${params.basis}`);
  const scope = params.town ? townName(towns.find((town) => town.code === params.town) ?? { nameZh: params.town, nameEn: params.town }, locale) : t('wholeCity');
  const townHref = (code: string) => viewHref(`/audit/towns/${code}`, { ...params, town: undefined, all: false });
  const communityHref = (id: string) => viewHref(`/audit/communities/${id}`, { ruleSet: params.ruleSet, asOf: params.asOf, basis: params.basis, rule: params.rule });
  const sortHref = (key: SortKey) =>
    `${viewHref('/audit', params, { sort: key, dir: key === params.sort ? (params.dir === 'asc' ? 'desc' : 'asc') : defaultDirection(key) })}#gaps`;
  const exportHref = (format: 'csv' | 'xlsx') => {
    const href = viewHref('/audit/export', params);
    return `${href}${href.includes('?') ? '&' : '?'}format=${format}`;
  };
  const shares = rule ? townShares(report, rule.code) : [];
  const ruleName = rule ? localName(rule, locale) : '';
  const ruleBasis = rule ? basisLine(tc as ComplianceT, rule, params.basis) : '';
  const histo = rule ? histogram(report.rows.flatMap((row) => row.results.filter((result) => result.rule === rule.code)), rule) : null;

  return (
    <div data-report>
      <PrintHeader ruleSet={`${ruleSet.code} v${ruleSet.version} · ${localName(ruleSet, locale)}`} asOf={params.asOf} basis={basisWords} scope={scope} />
      <PageHeader title={t('heading')} intro={t('intro')} />
      {view.problems.length > 0 ? (
        <div className="mb-4">
          <Alert tone="error">{view.problems.map((p) => tProblems(`${p.namespace}.${p.key}`)).join(' ')}</Alert>
        </div>
      ) : null}
      <FilterForm
        action="/audit"
        values={{ ...params, sort: params.sort === 'gap' ? undefined : params.sort, dir: params.dir === defaultDirection(params.sort) ? undefined : params.dir }}
        ruleSets={view.ruleSets}
        latestVersions={view.latestVersions}
        ruleSet={ruleSet}
        towns={towns}
      />
      <RuleSetPanel ruleSet={ruleSet} basis={params.basis} asOf={params.asOf} staleAfterMonths={report.staleAfterMonths} />
      <Headline id="headline" ruleSet={ruleSet} basis={params.basis} communities={report.rows.length} tallies={report.tallies} aggregates={report.aggregates} />

      {rule ? (
        <>
          <section aria-labelledby="map-heading" className="mb-8 print:break-before-page">
            <h2 id="map-heading" className="text-xl font-bold">
              {t('mapHeading', { rule: ruleName })}
            </h2>
            <p className="mb-3 text-sm text-muted">{t('figureBasis', { basis: ruleBasis, asOf: params.asOf, verification: tc(`verification.${rule.verification}`) })}</p>
            <TileMap tiles={townGrid()} shares={shares} hrefFor={townHref} ruleName={ruleName} basis={ruleBasis} names={new Map(towns.map((town) => [town.code, town]))} />
          </section>

          <section aria-labelledby="towns-heading" className="mb-8 print:break-before-page">
            <h2 id="towns-heading" className="text-xl font-bold">
              {t('townsHeading', { rule: ruleName })}
            </h2>
            <p className="mb-3 text-sm text-muted">{t('figureBasis', { basis: ruleBasis, asOf: params.asOf, verification: tc(`verification.${rule.verification}`) })}</p>
            <TownBarChart shares={shares} hrefFor={townHref} title={t('barChartTitle', { rule: ruleName, basis: ruleBasis })} tableId="town-table" />
            <div className="mt-4">
              <TownTable
                id="town-table"
                order={shares}
                report={report}
                ruleSet={ruleSet}
                ruleCode={rule.code}
                hrefFor={townHref}
                totalLabel={params.town ? t('selectionTotal') : t('total')}
              />
            </div>
          </section>

          {histo ? (
            <section aria-labelledby="distribution-heading" className="mb-8 break-inside-avoid">
              <h2 id="distribution-heading" className="text-xl font-bold">
                {t('distributionHeading', { rule: ruleName })}
              </h2>
              <p className="mb-3 text-sm text-muted">{t('figureBasis', { basis: ruleBasis, asOf: params.asOf, verification: tc(`verification.${rule.verification}`) })}</p>
              <HistogramChart
                bins={histo.bins}
                threshold={Number(rule.threshold)}
                unit={tc(`units.${rule.unit}`)}
                withoutValue={histo.withoutValue}
                title={t('histogramTitle', { rule: ruleName, unit: tc(`units.${rule.unit}`), basis: ruleBasis })}
              />
            </section>
          ) : null}

          <section aria-labelledby="gaps-heading" id="gaps" className="mb-8 print:break-before-page">
            <h2 id="gaps-heading" className="text-xl font-bold">
              {t('gapsHeading', { rule: ruleName })}
            </h2>
            <p className="mb-1 text-sm text-muted">{t('figureBasis', { basis: ruleBasis, asOf: params.asOf, verification: tc(`verification.${rule.verification}`) })}</p>
            <p className="mb-3 text-sm" aria-live="polite">
              {t('gapsSummary', { shown: view.shown.length, total: view.rows.length, status: params.status ? tc(`status.${params.status}`) : t('statusAny') })}
            </p>
            <div className="mb-3">
              <ExportLinks href={exportHref} count={view.shown.length} />
            </div>
            <GapTable
              rows={view.shown}
              rule={rule}
              ruleSet={ruleSet}
              sort={params.sort}
              dir={params.dir}
              sortHref={sortHref}
              communityHref={communityHref}
              caption={t('gapsCaption', { rule: ruleName, basis: ruleBasis, asOf: params.asOf })}
              staleAfterMonths={report.staleAfterMonths}
            />
            {view.rows.length > ROW_LIMIT ? (
              <p className="mt-3 print:hidden">
                {params.all ? (
                  <Link href={`${viewHref('/audit', params, { all: false })}#gaps`} className={buttonClass('secondary')}>
                    {t('showFirst', { count: ROW_LIMIT })}
                  </Link>
                ) : (
                  <Link href={`${viewHref('/audit', params, { all: true })}#gaps`} className={buttonClass('secondary')}>
                    {t('showAll', { count: view.rows.length })}
                  </Link>
                )}
              </p>
            ) : null}
          </section>
        </>
      ) : (
        <p className="rounded-md bg-slate-50 p-4">{t('noCommunityRules')}</p>
      )}
    </div>
  );
}

